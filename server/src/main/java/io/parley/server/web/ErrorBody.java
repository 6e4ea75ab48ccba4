package io.parley.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of every REST failure: {@code {"status":409,"code":"USERNAME_TAKEN","message":"...","fields":[...]}}.
 * {@code fields} is present only for {@link ErrorCode#VALIDATION_FAILED}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(int status, String code, String message, List<FieldProblem> fields) {

    public record FieldProblem(String field, String problem) {
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.status().value(), code.name(), message, List.of());
    }
}
