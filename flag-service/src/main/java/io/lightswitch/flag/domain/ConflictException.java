package io.lightswitch.flag.domain;

/** The request contradicts current state: a duplicate key, a stale version, a segment still in use. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
