package io.lightswitch.workflow.messaging;

/** Reactive-messaging channel names, bound to exchanges and queues in application.properties. */
public final class WorkflowChannels {
    public static final String VERDICTS = "verdicts";
    public static final String FLAG_EVENTS = "flag-events";
    public static final String WORKFLOW_COMMANDS = "workflow-commands";

    private WorkflowChannels() {
    }
}
