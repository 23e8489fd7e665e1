package io.lightswitch.contracts;

/** Durable topic exchanges, one per producer and kind of message. */
public final class Exchanges {
    public static final String FLAG_EVENTS = "lightswitch.flag.events";
    public static final String INGEST_EVENTS = "lightswitch.ingest.events";
    public static final String ANALYTICS_EVENTS = "lightswitch.analytics.events";
    public static final String WORKFLOW_COMMANDS = "lightswitch.workflow.commands";

    private Exchanges() {
    }
}
