package io.lightswitch.ingest.rum;

import java.util.List;

/**
 * The outcome of parsing a beacon. Accepted: {@code beacon} holds the valid events and
 * {@code rejectedEvents} counts those dropped (like OTLP's partial success). Rejected: {@code beacon} is
 * null and {@code errors} says why the whole beacon was refused.
 */
public record BeaconParseResult(Beacon beacon, int rejectedEvents, List<FieldError> errors) {

    public BeaconParseResult {
        errors = List.copyOf(errors);
    }

    static BeaconParseResult rejected(List<FieldError> errors) {
        return new BeaconParseResult(null, 0, errors);
    }

    public boolean accepted() {
        return beacon != null;
    }
}
