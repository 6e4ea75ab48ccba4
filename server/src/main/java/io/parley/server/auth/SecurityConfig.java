package io.parley.server.auth;

import io.parley.server.web.ErrorCode;
import io.parley.server.web.ErrorMetrics;
import io.parley.server.web.ErrorResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless bearer-token security for the REST API: every {@code /api/**} call needs a valid access token
 * except registering, logging in, refreshing, logging out, fetching avatars and downloading message files
 * (whose random ids are what grants them). The authenticated principal
 * is an {@link AuthenticatedUser}; controllers take it with {@code @AuthenticationPrincipal}.
 */
@Configuration
class SecurityConfig {

    /** Fetched by img, audio and video elements, which cannot send a token: GET and HEAD only. */
    private static final String[] PUBLIC_DOWNLOADS = {"/api/v1/users/*/avatar", "/api/v1/groups/*/avatar",
        "/api/v1/files/*"};

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessTokens tokens, ObjectMapper json, ErrorMetrics metrics)
            throws Exception {
        http
                .csrf(csrf -> csrf.disable())   // no cookies: tokens travel in the Authorization header
                .cors(cors -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // any method: a wrong one is then told 405, not asked for a token it does not need
                        .requestMatchers("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                                "/api/v1/auth/logout").permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_DOWNLOADS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_DOWNLOADS).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt
                                .decoder(tokens.decoder())
                                .jwtAuthenticationConverter(token -> new UsernamePasswordAuthenticationToken(
                                        AccessTokens.toUser(token), token, List.of())))
                        .authenticationEntryPoint((request, response, e) -> ErrorResponses.write(response, json,
                                metrics, ErrorCode.UNAUTHENTICATED, "A valid access token is required")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> ErrorResponses.write(response, json,
                                metrics, ErrorCode.UNAUTHENTICATED, "A valid access token is required"))
                        .accessDeniedHandler((request, response, e) -> ErrorResponses.write(response, json, metrics,
                                ErrorCode.FORBIDDEN, "Not allowed")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }
}
