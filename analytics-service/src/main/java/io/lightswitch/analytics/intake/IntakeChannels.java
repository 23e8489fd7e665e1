package io.lightswitch.analytics.intake;

/** Channel and queue names, as configured in application.properties. */
public final class IntakeChannels {

    public static final String INGEST_EVENTS = "ingest-events";
    public static final String FLAG_EVENTS = "flag-events";
    public static final String DEAD_LETTERS = "dead-letters";
    /** Default queue names (mp.messaging.incoming.*.queue.name); dead letters route by the configured ones. */
    public static final String INGEST_QUEUE = "analytics-service.ingest";
    public static final String FLAGS_QUEUE = "analytics-service.flags";
    /** Header of a dead-lettered message that says why it was refused. */
    public static final String REASON_HEADER = "x-lightswitch-reason";

    private IntakeChannels() {
    }
}
