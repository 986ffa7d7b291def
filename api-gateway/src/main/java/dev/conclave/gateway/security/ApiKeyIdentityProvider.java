package dev.conclave.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;

/**
 * Turns a presented key into a {@link SecurityIdentity}: the key's prefix as the principal, its role
 * as the one role ({@code @RolesAllowed} names), the {@link Caller} and the audit name as attributes.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    /** The identity attribute holding the {@link Caller}. */
    static final String CALLER = "conclave.caller";
    /** The identity attribute holding the key's audit name (prefix and name). */
    static final String AUDIT = "conclave.audit";

    private final KeyLookup keys;

    public ApiKeyIdentityProvider(KeyLookup keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            StoredKey key;
            try {
                key = keys.authenticate(request.key());
            } catch (KeyRefusedException e) {
                throw new AuthenticationFailedException(e.getMessage(), e);
            }
            Principal principal = key::prefix;
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(principal)
                    .addRole(key.role().wireName())
                    .addAttribute(CALLER, key.caller())
                    .addAttribute(AUDIT, key.audit())
                    .build();
        });
    }
}
