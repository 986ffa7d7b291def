package dev.conclave.llm.metrics;

import dev.conclave.delivery.Persistently;
import dev.conclave.delivery.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import dev.conclave.model.RoleUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
    private final AgroalDataSource database;

    public CallMetrics(Persistently persistently, AgroalDataSource database) {
        this.persistently = persistently;
        this.database = database;
    }

    public RunTotals totals(UUID scanId, int run) {
        // The columns the totals need, no entities (issue 11: the entity load was 4 % of the aggregator's CPU).
        List<Call> rows = persistently.call("reading the model_call rows of scan " + scanId + " run " + run,
                () -> Sql.withConnection(database, "reading the model_call rows of scan " + scanId + " run " + run,
                        connection -> Sql.query(connection, """
                                select role, provider, coalesce(answering_model, requested_model), outcome, cache_hit,
                                       rate_limit_mode is not null, total_tokens, cost_usd, simulated, started_at,
                                       finished_at
                                from model_call where scan_id = ? and run = ?""", scanId, run)))
                .stream().map(Call::of).toList();
        List<String> models = rows.stream()
                .filter(r -> "SUCCEEDED".equals(r.outcome()))
                .map(r -> r.provider() + "/" + r.model())
                .distinct().sorted().toList();
        boolean simulated = rows.stream().anyMatch(Call::simulated);
        Map<String, List<Call>> byRole = rows.stream()
                .sorted(Comparator.comparing(Call::startedAt))
                .collect(Collectors.groupingBy(Call::role, LinkedHashMap::new, Collectors.toList()));
        List<RoleUsage> roles = byRole.entrySet().stream().map(role -> usage(role.getKey(), role.getValue())).toList();
        RoleUsage all = usage("", rows);
        return new RunTotals(models, all.apiCalls(), all.cacheHits(), all.tokens(), all.costUsd(), simulated, roles);
    }

    /**
     * What the totals read of one {@code model_call} row.
     *
     * @param reachedProvider whether the rate limiter let the call start (a refusal by the daily quota did not)
     */
    private record Call(String role, String provider, String model, String outcome, boolean cacheHit,
            boolean reachedProvider, long tokens, BigDecimal cost, boolean simulated, Instant startedAt,
            Instant finishedAt) {

        static Call of(Object[] row) {
            return new Call((String) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                    (Boolean) row[5], ((Number) row[6]).longValue(), row[7] == null ? BigDecimal.ZERO : (BigDecimal) row[7],
                    (Boolean) row[8], Sql.instant(row[9]), Sql.instant(row[10]));
        }
    }

    private static RoleUsage usage(String role, List<Call> rows) {
        int apiCalls = (int) rows.stream().filter(r -> !r.cacheHit() && r.reachedProvider()).count();
        int cacheHits = (int) rows.stream().filter(Call::cacheHit).count();
        long tokens = rows.stream().mapToLong(Call::tokens).sum();
        BigDecimal cost = rows.stream().map(Call::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        double seconds = rows.isEmpty() ? 0 : Duration.between(
                rows.stream().map(Call::startedAt).min(Comparator.naturalOrder()).orElseThrow(),
                rows.stream().map(Call::finishedAt).max(Comparator.naturalOrder()).orElseThrow()).toMillis() / 1000.0;
        return new RoleUsage(role, seconds, apiCalls, cacheHits, tokens, cost);
    }
}
