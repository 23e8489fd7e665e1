package io.lightswitch.ingest.rum;

/** Thrown while reading a beacon at the first bad field of an event or of the beacon itself. */
final class InvalidField extends RuntimeException {

    private final transient FieldError error;

    InvalidField(String path, String reason) {
        super(path + ": " + reason, null, false, false);
        this.error = new FieldError(path, reason);
    }

    FieldError error() {
        return error;
    }
}
