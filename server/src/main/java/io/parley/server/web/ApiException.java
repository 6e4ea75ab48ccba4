package io.parley.server.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A refusal the caller should see as-is: thrown by services, turned into a JSON error body by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;
    private final List<ErrorBody.FieldProblem> fields;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, Duration retryAfter) {
        this(code, message, retryAfter, List.of());
        if (code == ErrorCode.VALIDATION_FAILED) {
            // PROTOCOL.md promises fields with every VALIDATION_FAILED; invalid(...) is the way to name them.
            throw new IllegalArgumentException("A VALIDATION_FAILED names its fields: use ApiException.invalid");
        }
    }

    private ApiException(ErrorCode code, String message, Duration retryAfter, List<ErrorBody.FieldProblem> fields) {
        super(message);
        this.code = code;
        this.retryAfter = retryAfter;
        this.fields = fields;
    }

    /**
     * A {@link ErrorCode#VALIDATION_FAILED} that code found rather than a Bean Validation annotation: the same
     * {@code problem} for each of {@code fields} (a rule between several fields names them all).
     */
    public static ApiException invalid(String problem, String... fields) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, ErrorBody.INVALID_FIELDS, null,
                Arrays.stream(fields).map(field -> new ErrorBody.FieldProblem(field, problem)).toList());
    }

    public ErrorCode code() {
        return code;
    }

    /** For {@link ErrorCode#TOO_MANY_ATTEMPTS}: how long until trying again can succeed, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For {@link ErrorCode#VALIDATION_FAILED}: the invalid fields; empty for every other code. */
    public List<ErrorBody.FieldProblem> fields() {
        return fields;
    }
}
