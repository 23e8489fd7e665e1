package io.lightswitch.analytics.intake;

/** A message that can never be processed: it goes to the dead-letter queue with this reason. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
