package dev.conclave.llm.metrics;

import java.math.BigDecimal;
import dev.conclave.model.RoleUsage;
import java.util.List;

/**
 * What the metrics rows of one scan run add up to: the source of a report's metadata.
 *
 * @param modelsUsed "provider/model" of every model that answered, sorted
 * @param apiCalls   attempts that reached a provider (cache hits excluded)
 * @param simulated  true when any answer came from the offline simulator
 * @param roles      the same sums per role, in the order the roles started
 */
public record RunTotals(List<String> modelsUsed, int apiCalls, int cacheHits, long tokens, BigDecimal costUsd,
        boolean simulated, List<RoleUsage> roles) {
}
