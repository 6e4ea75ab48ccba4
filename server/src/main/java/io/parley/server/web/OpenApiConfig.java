package io.parley.server.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says of the API as a whole: its name; that every operation needs an access token
 * as a bearer token unless it says otherwise (the few public ones carry an empty security list); and that
 * every operation's refusals have the {@link ErrorBody} shape (its description names the codes).
 */
@Configuration
class OpenApiConfig {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parley REST API").version("v1").description("Accounts, friends, groups, "
                        + "conversations, history and files. Live traffic (messages, receipts, events) goes over the "
                        + "WebSocket gateway, described in docs/PROTOCOL.md with every REST error code. Refusals are "
                        + "named in each operation's description; every one has the JSON body "
                        + "{status, code, message, fields}."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The accessToken from POST /api/v1/auth/login or /api/v1/auth/refresh, in "
                                + "the Authorization header: Bearer <token>. Missing, invalid or expired: 401 "
                                + "UNAUTHENTICATED.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** A "default" response, the error body, on every operation that does not declare one. */
    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ErrorBody.class).forEach(openApi.getComponents()::addSchemas);
            ApiResponse refusal = new ApiResponse()
                    .description("A refusal: status, a stable code (docs/PROTOCOL.md lists them all), a message, and "
                            + "for VALIDATION_FAILED the fields")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorBody"))));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (!operation.getResponses().containsKey("default")) {
                    operation.getResponses().addApiResponse("default", refusal);
                }
            }));
        };
    }
}
