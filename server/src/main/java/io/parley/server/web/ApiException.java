package io.parley.server.web;

import java.time.Duration;

/** A refusal the caller should see as-is: thrown by services, turned into a JSON error body by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** For {@link ErrorCode#TOO_MANY_ATTEMPTS}: how long until trying again can succeed, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
