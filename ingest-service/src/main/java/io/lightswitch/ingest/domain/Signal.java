package io.lightswitch.ingest.domain;

/** What ingest-service takes: the OTLP signals, RUM beacons and provider webhooks; the name is the metric tag. */
public enum Signal {
    TRACES("traces"),
    LOGS("logs"),
    RUM("rum"),
    WEBHOOK("webhook");

    public final String tag;

    Signal(String tag) {
        this.tag = tag;
    }
}
