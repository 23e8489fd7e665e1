package io.lightswitch.flag.domain;

/** A valid credential that may not do this. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
