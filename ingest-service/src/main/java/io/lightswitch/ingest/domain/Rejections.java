package io.lightswitch.ingest.domain;

/** Counts dropped items while a request is normalised, and keeps the reason of the first. */
final class Rejections {

    private int count;
    private String first;

    void add(String reason) {
        if (count++ == 0) {
            first = reason;
        }
    }

    int count() {
        return count;
    }

    String message() {
        if (count == 0) {
            return null;
        }
        return count == 1 ? first : first + " (and " + (count - 1) + " more rejected)";
    }
}
