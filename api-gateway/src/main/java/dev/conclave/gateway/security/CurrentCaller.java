package dev.conclave.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served: the API key that authenticated it (see
 * {@link ApiKeyIdentityProvider}). Every path but health needs a key, so a resource always has one.
 */
@RequestScoped
public class CurrentCaller {
    /** The tenant rows belong to when nothing else says. */
    public static final String DEFAULT_TENANT = "default";

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The authenticated key's id, prefix, tenant and role.
     *
     * @throws IllegalStateException when the request was not authenticated (a path left open by mistake)
     */
    public Caller get() {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            throw new IllegalStateException("this request was not authenticated by an API key; every path but "
                    + "/q/health* needs one (quarkus.http.auth.permission.*)");
        }
        return caller;
    }

    /** How audit columns (requested_by, cancelled_by, paused_by, ...) name the caller: key prefix and name. */
    public String audit() {
        String audit = identity.getAttribute(ApiKeyIdentityProvider.AUDIT);
        return audit != null ? audit : get().keyPrefix();
    }
}
