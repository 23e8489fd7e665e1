package io.lightswitch.ingest.domain;

/** The OTLP signals ingest-service takes; the name is the metric tag. */
public enum Signal {
    TRACES("traces"),
    LOGS("logs");

    public final String tag;

    Signal(String tag) {
        this.tag = tag;
    }
}
