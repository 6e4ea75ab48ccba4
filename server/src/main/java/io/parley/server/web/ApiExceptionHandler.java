package io.parley.server.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Parley's counterpart of go-chat's Recovery middleware: every failure in a request becomes a JSON
 * {@link ErrorBody} with a stable code, and nothing that goes wrong in one request leaks into another.
 * Counts errors by code in {@code parley.errors}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorMetrics metrics;

    public ApiExceptionHandler(ErrorMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(count(
                new ErrorBody(e.code().status().value(), e.code().name(), e.getMessage(), e.fields())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException e) {
        List<ErrorBody.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ErrorBody.FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return validation(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        List<ErrorBody.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ErrorBody.FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return validation(fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorBody> constraintViolation(ConstraintViolationException e) {
        List<ErrorBody.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(fields);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MissingPathVariableException.class})
    ResponseEntity<ErrorBody> malformed(Exception e) {
        return respond(ErrorCode.MALFORMED_REQUEST, "The request could not be read: check its syntax and parameters");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than the server accepts");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> badMultipart(MultipartException e) {
        return respond(ErrorCode.MALFORMED_REQUEST, "Expected a multipart/form-data upload");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: " + e.getContentType());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return respond(ErrorCode.NOT_FOUND, "No such resource");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Unhandled failure in a request", e);
        return respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on the server");
    }

    private ResponseEntity<ErrorBody> validation(List<ErrorBody.FieldProblem> fields) {
        return ResponseEntity.status(ErrorCode.VALIDATION_FAILED.status()).body(count(ErrorBody.invalid(fields)));
    }

    private ResponseEntity<ErrorBody> respond(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(count(ErrorBody.of(code, message)));
    }

    private ErrorBody count(ErrorBody body) {
        metrics.count(body.code());
        return body;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
