package dev.conclave.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented, for {@link ApiKeyIdentityProvider}. {@link #toString()} never shows it. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key hidden]";
    }
}
