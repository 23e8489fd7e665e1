package io.lightswitch.ingest.messaging;

/** Reactive-messaging channel names, bound to exchanges and queues in application.properties. */
public final class IngestChannels {
    public static final String INGEST_EVENTS = "ingest-events";
    public static final String CREDENTIAL_EVENTS = "credential-events";

    private IngestChannels() {
    }
}
