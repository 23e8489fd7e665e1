package io.lightswitch.flag.domain;

/** A referenced project, environment, flag, segment, token or schedule does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String kind, String key) {
        super(kind + " '" + key + "' does not exist");
    }
}
