package io.lightswitch.flag.domain;

/** No credential, or one that is unknown or revoked. */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
