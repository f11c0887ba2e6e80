package io.playmark.infra.security;

import io.playmark.infra.limits.LimitsSwitch;
import io.playmark.infra.limits.RateLimitFilter;
import io.playmark.infra.limits.RateLimitProperties;
import io.playmark.infra.limits.RateLimiter;
import io.playmark.infra.web.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import jakarta.servlet.DispatcherType;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call what. Callers prove who they are with an API key (X-Api-Key) or, when an issuer is
 * configured, a JWT bearer token; everything but health and the API docs needs one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] ALL_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, ProblemResponses problems,
                                            JwtVerifier jwts, RateLimitFilter rateLimits) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                // after every way of authenticating, so that each caller is limited by its own key
                .addFilterAfter(rateLimits, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // an error page, and the end of a stream (SSE) the request itself was authorized for
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/graphiql", "/graphiql/**").permitAll()
                        // the GraphiQL page's scripts and styles (WebJars)
                        .requestMatchers(HttpMethod.GET, "/favicon.ico", "/webjars/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        // the media library changes only by those who run campaigns; everyone may read and download
                        .requestMatchers(HttpMethod.POST, "/api/v1/assets", "/api/v1/assets/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
                        // every role reads assets and their files: screens (PLAYER) download what they play
                        .requestMatchers(HttpMethod.GET, "/api/v1/assets/**").hasAnyRole(ALL_ROLES)
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/assets/**").hasAnyRole(ALL_ROLES)
                        // players: provisioning by those who run the network; a screen's key speaks for itself only
                        .requestMatchers(HttpMethod.POST, "/api/v1/players", "/api/v1/players/*/api-key")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/players/*")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/players/{playerId}/heartbeat",
                                "/api/v1/players/{playerId}/plays").access(OwnPlayer.only())
                        // what a screen plays: its own key, or those who run the network
                        .requestMatchers(HttpMethod.GET, "/api/v1/players/{playerId}/playlist",
                                "/api/v1/players/{playerId}/playlist/changes")
                        .access(OwnPlayer.or(Role.ADMIN, Role.MANAGER))
                        .requestMatchers(HttpMethod.GET, "/api/v1/players/*/explain")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name(), Role.ANALYST.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/players/{playerId}")
                        .access(OwnPlayer.or(Role.ADMIN, Role.MANAGER, Role.ANALYST, Role.AUDITOR))
                        .anyRequest().authenticated());
        if (jwts.decoder().isPresent()) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(jwts.decoder().get())
                            .jwtAuthenticationConverter(jwts.authenticationConverter())));
        }
        return http.build();
    }

    /** Only placed in the security chain: as a plain bean it would also be registered as a servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitsOutsideSecurity(RateLimitFilter rateLimits) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(rateLimits);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    RateLimitFilter rateLimitFilter(LimitsSwitch limits, RateLimiter limiter, RateLimitProperties properties,
                                    Problems problems) {
        return new RateLimitFilter(limits, limiter, properties, problems);
    }

    /** A JWT decoder only when an issuer or a JWK set is configured; without one, only API keys work. */
    static Optional<JwtDecoder> jwtDecoder(String issuer, String jwkSetUri) {
        if (issuer.isBlank() && jwkSetUri.isBlank()) {
            return Optional.empty();
        }
        NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(issuer).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(issuer.isBlank() ? JwtValidators.createDefault()
                : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
        return Optional.of(decoder);
    }

    /** Reads Playmark roles from the configured claim: a list, or one space- or comma-separated string. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt.getClaim(claim)), jwt.getSubject());
    }

    static List<GrantedAuthority> authorities(Object claimValue) {
        Collection<?> names = switch (claimValue) {
            case null -> List.of();
            case Collection<?> list -> list;
            case String text -> List.of(text.split("[\\s,]+"));
            default -> List.of(claimValue.toString());
        };
        return names.stream()
                .map(name -> name.toString().strip().toUpperCase(Locale.ROOT))
                .map(name -> name.startsWith("ROLE_") ? name.substring(5) : name)
                .filter(SecurityConfiguration::isRole)
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                .toList();
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
