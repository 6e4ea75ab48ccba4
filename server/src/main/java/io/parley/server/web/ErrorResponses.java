package io.parley.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a refusal from outside the controllers (security, servlet filters), with the same JSON body and the
 * same error count as {@link ApiExceptionHandler}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static void write(HttpServletResponse response, ObjectMapper json, ErrorMetrics metrics, ErrorCode code,
            String message) throws IOException {
        metrics.count(code.name());
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (code == ErrorCode.UNAUTHENTICATED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), ErrorBody.of(code, message));
    }
}
