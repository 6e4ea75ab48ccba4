package io.parley.server.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read by type: a JSON value of the wrong type is 400 MALFORMED_REQUEST, as PROTOCOL.md
 * says, rather than quietly converted. Jackson would otherwise store {@code {"nickname":5}} as "5", read
 * {@code "5"} or {@code 5.7} as the number 5 and {@code 1} as the second constant of an enum. Only reading
 * changes: the JSON the server writes is the same.
 */
@Configuration
class StrictJsonInput {

    @Bean
    JsonMapperBuilderCustomizer refuseWrongJsonTypes() {
        return builder -> builder
                // "5" for a number, "true" for a boolean
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // 5.7 (or 5.0) for a whole number
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // 1 for an enum, which would pick the constant by position
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // 5, 1.5 or true for text: ALLOW_COERCION_OF_SCALARS does not cover text, only these configs do
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
