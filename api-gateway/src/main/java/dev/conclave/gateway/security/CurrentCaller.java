package dev.conclave.gateway.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The caller of the request being served. Until API keys land this is one fixed admin of the
 * default tenant, so code can already be written against it.
 */
@RequestScoped
public class CurrentCaller {
    /** The tenant rows belong to when nothing else says. */
    public static final String DEFAULT_TENANT = "default";
    private static final Caller ANONYMOUS = new Caller(new UUID(0, 0), "anonymous", DEFAULT_TENANT, ApiRole.ADMIN);

    public Caller get() {
        return ANONYMOUS;
    }
}
