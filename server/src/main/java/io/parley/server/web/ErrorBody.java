package io.parley.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of every REST failure: {@code {"status":409,"code":"USERNAME_TAKEN","message":"...","fields":[...]}}.
 * {@code fields} is present with every {@link ErrorCode#VALIDATION_FAILED} and only with it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(int status, String code, String message, List<FieldProblem> fields) {

    /** The message of every {@link ErrorCode#VALIDATION_FAILED}: what is wrong is in {@code fields}. */
    static final String INVALID_FIELDS = "The request has invalid fields";

    public record FieldProblem(String field, String problem) {
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.status().value(), code.name(), message, List.of());
    }

    static ErrorBody invalid(List<FieldProblem> fields) {
        return new ErrorBody(ErrorCode.VALIDATION_FAILED.status().value(), ErrorCode.VALIDATION_FAILED.name(),
                INVALID_FIELDS, fields);
    }
}
