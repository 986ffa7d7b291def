package dev.conclave.llm.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Reads the metrics rows back: totals per scan run, for the report's metadata. */
@ApplicationScoped
public class CallMetrics {

    // A read-only transaction of its own: callers run on message threads without a request context.
    @Transactional
    public RunTotals totals(UUID scanId, int run) {
        List<ModelCallRecord> rows = ModelCallRecord.list("scanId = ?1 and run = ?2", scanId, run);
        List<String> models = rows.stream()
                .filter(r -> "SUCCEEDED".equals(r.outcome))
                .map(r -> r.provider + "/" + (r.answeringModel == null ? r.requestedModel : r.answeringModel))
                .distinct().sorted().toList();
        // A call reached a provider when the rate limiter let it start; a refusal (daily quota) did not.
        int apiCalls = (int) rows.stream().filter(r -> !r.cacheHit && r.rateLimitMode != null).count();
        int cacheHits = (int) rows.stream().filter(r -> r.cacheHit).count();
        long tokens = rows.stream().mapToLong(r -> r.totalTokens).sum();
        BigDecimal cost = rows.stream().map(r -> r.costUsd == null ? BigDecimal.ZERO : r.costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean simulated = rows.stream().anyMatch(r -> r.simulated);
        return new RunTotals(models, apiCalls, cacheHits, tokens, cost, simulated);
    }
}
