package io.parley.server.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Browser origins allowed to call the REST API ({@code parley.cors.allowed-origins}), the counterpart of go-chat's Cors(). */
@ConfigurationProperties("parley.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
