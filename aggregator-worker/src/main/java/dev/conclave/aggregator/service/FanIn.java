package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.persistence.AggregationEntity;
import dev.conclave.aggregator.persistence.RoleResultEntity;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fan-in state in PostgreSQL, one short transaction per step. Inserts are idempotent
 * ({@code on conflict do nothing}), and a run is claimed for synthesis under a row lock, so
 * duplicates and concurrent instances cannot synthesise one run twice.
 */
@ApplicationScoped
public class FanIn {
    private final EntityManager em;
    private final AggregationConfig config;

    public FanIn(EntityManager em, AggregationConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Registers a run and the roles it waits for; a repeated request changes nothing. */
    @Transactional
    public void open(ScanRequest request) {
        em.createNativeQuery("""
                insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at)
                values (?1, ?2, cast(?3 as jsonb), cast(?4 as jsonb), 'OPEN', ?5, ?6)
                on conflict (scan_id, run) do nothing""")
                .setParameter(1, request.scanId())
                .setParameter(2, request.run())
                .setParameter(3, WireJson.encode(request))
                .setParameter(4, WireJson.encode(request.roles()))
                .setParameter(5, request.requestedAt())
                .setParameter(6, request.deadline())
                .executeUpdate();
    }

    /** Stores a role's result; returns false for a duplicate, which changes nothing. */
    @Transactional
    public boolean record(RoleResult result) {
        int inserted = em.createNativeQuery("""
                insert into role_result (scan_id, run, role, outcome, analysis, failure_reason, provider, model,
                                         offline, worker_instance, started_at, completed_at, received_at)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                on conflict (scan_id, run, role) do nothing""")
                .setParameter(1, result.scanId())
                .setParameter(2, result.run())
                .setParameter(3, result.role())
                .setParameter(4, result.outcome().name())
                .setParameter(5, result.analysis() == null ? null : WireJson.encode(result.analysis()))
                .setParameter(6, result.failureReason())
                .setParameter(7, result.provider())
                .setParameter(8, result.model())
                .setParameter(9, result.offline())
                .setParameter(10, result.workerInstance())
                .setParameter(11, result.startedAt())
                .setParameter(12, result.completedAt())
                .setParameter(13, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Stores a role's result and, in the same transaction, claims its run if that completed it:
     * one commit per role result instead of two. A duplicate stores nothing but may still claim,
     * so a redelivery after a failed synthesis retries it.
     */
    @Transactional
    public Optional<Claim> recordAndClaim(RoleResult result) {
        record(result);
        return claimIfComplete(result.scanId(), result.run());
    }

    /** Claims an open run whose every expected role has arrived. */
    @Transactional
    public Optional<Claim> claimIfComplete(UUID scanId, int run) {
        AggregationEntity aggregation = AggregationEntity.findById(new AggregationEntity.Key(scanId, run),
                LockModeType.PESSIMISTIC_WRITE);
        if (aggregation == null || !AggregationEntity.OPEN.equals(aggregation.status)) {
            return Optional.empty();
        }
        List<RoleResultEntity> results = RoleResultEntity.forRun(scanId, run);
        Set<String> arrived = results.stream().map(r -> r.role).collect(Collectors.toSet());
        if (!arrived.containsAll(aggregation.expectedRoles)) {
            return Optional.empty();
        }
        return Optional.of(claim(aggregation, results));
    }

    /** Claims runs past their deadline, and syntheses whose claim expired (their instance died). */
    @Transactional
    public List<Claim> claimOverdue() {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("""
                select scan_id, run from aggregation
                where (status = 'OPEN' and deadline_at < now())
                   or (status = 'SYNTHESIZING' and claimed_until < now())
                order by deadline_at
                limit ?1
                for update skip locked""")
                .setParameter(1, config.sweepBatch())
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] key : keys) {
            UUID scanId = (UUID) key[0];
            int run = ((Number) key[1]).intValue();
            AggregationEntity aggregation = AggregationEntity.findById(new AggregationEntity.Key(scanId, run));
            claims.add(claim(aggregation, RoleResultEntity.forRun(scanId, run)));
        }
        return claims;
    }

    /** Writes the outcome of a claimed run; false if the claim was lost to another instance meanwhile. */
    @Transactional
    public boolean close(Claim claim, RunOutcome outcome) {
        AggregationEntity aggregation = AggregationEntity.findById(
                new AggregationEntity.Key(claim.request().scanId(), claim.request().run()), LockModeType.PESSIMISTIC_WRITE);
        if (!AggregationEntity.SYNTHESIZING.equals(aggregation.status)
                || !claim.claimedUntil().equals(aggregation.claimedUntil)) {
            return false;
        }
        aggregation.status = outcome.status().name();
        aggregation.missingRoles = outcome.missingRoles();
        aggregation.failedRoles = outcome.failedRoles();
        aggregation.report = WireJson.tree(outcome.report());
        aggregation.failureReason = outcome.failureReason();
        aggregation.completedAt = outcome.completedAt();
        aggregation.claimedUntil = null;
        return true;
    }

    /** Gives a claim back after a failed synthesis, so a redelivery or the sweeper tries again. */
    @Transactional
    public void release(Claim claim) {
        AggregationEntity aggregation = AggregationEntity.findById(
                new AggregationEntity.Key(claim.request().scanId(), claim.request().run()), LockModeType.PESSIMISTIC_WRITE);
        if (AggregationEntity.SYNTHESIZING.equals(aggregation.status)
                && claim.claimedUntil().equals(aggregation.claimedUntil)) {
            aggregation.status = AggregationEntity.OPEN;
            aggregation.claimedUntil = null;
        }
    }

    private Claim claim(AggregationEntity aggregation, List<RoleResultEntity> results) {
        aggregation.status = AggregationEntity.SYNTHESIZING;
        // Truncated to microseconds: what PostgreSQL stores, so close() can compare it.
        aggregation.claimedUntil = Instant.now().plus(config.synthesisLease()).truncatedTo(ChronoUnit.MICROS);
        return new Claim(aggregation.request, List.copyOf(aggregation.expectedRoles), results, aggregation.claimedUntil);
    }

    /** A run this instance has the right to close, with what arrived for it. */
    public record Claim(ScanRequest request, List<String> expectedRoles, List<RoleResultEntity> results,
            Instant claimedUntil) {
    }
}
