package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code model-routing}: not ready while some role this instance serves has every model of its chain
 * open or on trial, because each of that role's tasks will then most likely fail; the data names the
 * role and its models. Ready otherwise, listing each circuit that is not closed so an operator sees a
 * degraded model before it takes a role down. "Served" means routed by this instance: a worker does
 * not report roles it never calls.
 */
@Readiness
@ApplicationScoped
public class ModelRoutingHealth implements HealthCheck {
    static final String NAME = "model-routing";

    private final ModelRouter router;

    public ModelRoutingHealth(ModelRouter router) {
        this.router = router;
    }

    @Override
    public HealthCheckResponse call() {
        Map<ModelRef, Circuit> open = router.openCircuits();
        List<String> blocked = new ArrayList<>();
        router.servedRoles().forEach((role, models) -> {
            if (!models.isEmpty() && open.keySet().containsAll(models)) {
                blocked.add(role + ": " + String.join(", ", models.stream().map(ModelRef::toString).toList()));
            }
        });
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(blocked.isEmpty());
        if (!blocked.isEmpty()) {
            response.withData("roles with every model open", String.join("; ", blocked));
        }
        open.forEach((model, circuit) -> response.withData(model.toString(), circuit.state()
                + " after " + circuit.consecutiveFailures() + " consecutive failures, since " + circuit.openedAt()));
        if (router.offlineFallback()) {
            response.withData("offline fallback", router.offlineFallbackReason().orElse(""));
        }
        return response.build();
    }
}
