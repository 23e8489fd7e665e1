package io.lightswitch.workflow.domain;

/** The request contradicts current state: a stale version. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
