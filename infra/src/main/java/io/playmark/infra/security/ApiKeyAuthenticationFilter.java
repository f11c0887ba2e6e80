package io.playmark.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Authenticates requests that carry an {@value #HEADER} header; a wrong key is a 401 at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.recognise(presented.strip());
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new InvalidApiKeyException());
            return;
        }
        var context = new SecurityContextImpl(new ApiKeyAuthentication(key.get(), details.buildDetails(request)));
        SecurityContextHolder.setContext(context);
        // Kept on the request too, so that async (GraphQL) and error dispatches see the same caller.
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
