package io.playmark.infra.security;

import org.springframework.security.core.AuthenticationException;

/** An X-Api-Key header that matches no key. */
class InvalidApiKeyException extends AuthenticationException {

    InvalidApiKeyException() {
        super("The API key in X-Api-Key is not valid");
    }
}
