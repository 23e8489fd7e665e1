package io.lightswitch.flag.messaging;

/** Reactive-messaging channel names, bound to exchanges and queues in application.properties. */
public final class FlagEventChannels {
    public static final String FLAG_EVENTS = "flag-events";
    public static final String WORKFLOW_COMMANDS = "workflow-commands";
    public static final String SNAPSHOT_REFRESH = "snapshot-refresh";

    private FlagEventChannels() {
    }
}
