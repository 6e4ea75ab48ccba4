package io.parley.server.auth;

/** An access token that is missing, malformed, wrongly signed or expired. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
