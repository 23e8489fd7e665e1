package io.lightswitch.ingest.rum;

/** A problem with one field of a beacon: {@code path} like {@code events[2].lcp}, {@code reason} for people. */
public record FieldError(String path, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
