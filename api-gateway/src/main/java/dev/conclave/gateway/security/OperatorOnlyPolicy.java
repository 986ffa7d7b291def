package dev.conclave.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission policy {@code operator} (quarkus.http.auth.permission.*): only an admin of the operator
 * tenant passes, as for every other read across tenants. It guards {@code /q/metrics}, whose numbers are the
 * whole gateway's, every tenant's scans together. Another key is refused with 403, none with 401.
 */
@ApplicationScoped
public class OperatorOnlyPolicy implements HttpSecurityPolicy {
    private final ApiKeys keys;

    public OperatorOnlyPolicy(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "operator";
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        return identity.map(who -> {
            if (who.isAnonymous()) {
                return CheckResult.DENY; // 401: no key was sent
            }
            Caller caller = who.getAttribute(ApiKeyIdentityProvider.CALLER);
            return caller != null && keys.operates(caller) ? CheckResult.PERMIT : CheckResult.DENY;
        });
    }
}
