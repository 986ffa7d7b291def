package dev.conclave.llm.metrics;

import dev.conclave.delivery.Persistently;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import dev.conclave.model.RoleUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

/**
 * Reads the metrics rows back: totals per scan run, for the report's metadata. The report is built
 * after its synthesis was paid for, so a read that fails because PostgreSQL is unavailable is retried
 * {@link Persistently} until it is back, never turned into a failed synthesis.
 */
@ApplicationScoped
public class CallMetrics {
    private final Persistently persistently;

    public CallMetrics(Persistently persistently) {
        this.persistently = persistently;
    }

    public RunTotals totals(UUID scanId, int run) {
        // A transaction of its own: callers run on message threads without a request context.
        List<ModelCallRecord> rows = persistently.call("reading the model_call rows of scan " + scanId + " run " + run,
                () -> QuarkusTransaction.requiringNew().call(
                        () -> ModelCallRecord.<ModelCallRecord>list("scanId = ?1 and run = ?2", scanId, run)));
        List<String> models = rows.stream()
                .filter(r -> "SUCCEEDED".equals(r.outcome))
                .map(r -> r.provider + "/" + (r.answeringModel == null ? r.requestedModel : r.answeringModel))
                .distinct().sorted().toList();
        boolean simulated = rows.stream().anyMatch(r -> r.simulated);
        Map<String, List<ModelCallRecord>> byRole = rows.stream()
                .sorted(Comparator.comparing((ModelCallRecord r) -> r.startedAt))
                .collect(Collectors.groupingBy(r -> r.role, LinkedHashMap::new, Collectors.toList()));
        List<RoleUsage> roles = byRole.entrySet().stream().map(role -> usage(role.getKey(), role.getValue())).toList();
        RoleUsage all = usage("", rows);
        return new RunTotals(models, all.apiCalls(), all.cacheHits(), all.tokens(), all.costUsd(), simulated, roles);
    }

    private static RoleUsage usage(String role, List<ModelCallRecord> rows) {
        // A call reached a provider when the rate limiter let it start; a refusal (daily quota) did not.
        int apiCalls = (int) rows.stream().filter(r -> !r.cacheHit && r.rateLimitMode != null).count();
        int cacheHits = (int) rows.stream().filter(r -> r.cacheHit).count();
        long tokens = rows.stream().mapToLong(r -> r.totalTokens).sum();
        BigDecimal cost = rows.stream().map(r -> r.costUsd == null ? BigDecimal.ZERO : r.costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double seconds = rows.isEmpty() ? 0 : Duration.between(
                rows.stream().map(r -> r.startedAt).min(Comparator.naturalOrder()).orElseThrow(),
                rows.stream().map(r -> r.finishedAt).max(Comparator.naturalOrder()).orElseThrow()).toMillis() / 1000.0;
        return new RoleUsage(role, seconds, apiCalls, cacheHits, tokens, cost);
    }
}
