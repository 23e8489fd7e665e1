package io.lightswitch.contracts;

/** A message that does not match its contract; consumers dead-letter it with this reason. */
public class MessageFormatException extends RuntimeException {
    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
