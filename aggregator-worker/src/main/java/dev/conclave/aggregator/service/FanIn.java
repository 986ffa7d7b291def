package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.persistence.AggregationEntity;
import dev.conclave.aggregator.persistence.RoleResultEntity;
import dev.conclave.delivery.PermanentFailure;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

/**
 * The fan-in state in PostgreSQL, one short transaction per step. Inserts are idempotent
 * ({@code on conflict do nothing}); a run is claimed for synthesis under a row lock and handed a
 * fresh claim token, so duplicates and concurrent instances cannot synthesise one run twice.
 *
 * <p>Opening a run and recording a result both begin with a transaction-scoped advisory lock on the
 * (scan, run): a result that arrives before its request cannot lock a row that does not exist yet,
 * so without it the two transactions would each miss the other's uncommitted rows and the run
 * would wait for its deadline. Under the lock the second of them sees the first one's commit.
 *
 * <p>A run whose cancel was asked for ({@code scan_run.cancel_requested_at}, the gateway's) is claimed
 * as soon as it is open, whatever has arrived, and its claim says so: it closes CANCELLED without a
 * synthesis.
 */
@ApplicationScoped
public class FanIn {
    private static final Logger LOG = Logger.getLogger(FanIn.class);

    private final EntityManager em;
    private final AggregationConfig config;

    public FanIn(EntityManager em, AggregationConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Registers a run and the roles it waits for and, in the same transaction, claims it if its
     * results all arrived before it. A repeated request, or one for a closed run, changes nothing.
     */
    @Transactional
    public Optional<Claim> openAndClaim(ScanRequest request) {
        lockRun(request.scanId(), request.run());
        em.createNativeQuery("""
                insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at)
                values (?1, ?2, cast(?3 as jsonb), cast(?4 as jsonb), 'OPEN', ?5, ?6)
                on conflict (scan_id, run) do nothing""")
                .setParameter(1, request.scanId())
                .setParameter(2, request.run())
                .setParameter(3, WireJson.encode(request))
                .setParameter(4, WireJson.encode(request.expectedRoles()))
                .setParameter(5, request.requestedAt())
                .setParameter(6, request.deadline())
                .executeUpdate();
        request.carriedRoles().forEach((role, from) -> carry(request, role, from));
        return claimIfComplete(request.scanId(), request.run());
    }

    /**
     * Stores a role's result and, in the same transaction, claims its run if that completed it. A
     * duplicate stores nothing but may still claim, so a redelivery after a failed synthesis retries
     * it. A result for a closed run is skipped; one for a run whose request has not arrived yet is
     * stored, and the request claims the run when it comes.
     *
     * @throws PermanentFailure if the scan does not exist or the run was never requested
     */
    @Transactional
    public Optional<Claim> recordAndClaim(RoleResult result) {
        lockRun(result.scanId(), result.run());
        Object currentRun = em.createNativeQuery("select current_run from scan where id = ?1")
                .setParameter(1, result.scanId())
                .getResultStream().findFirst().orElse(null);
        if (currentRun == null) {
            throw new PermanentFailure("role result of " + result.role() + " for scan " + result.scanId()
                    + ", which does not exist (no row in table scan): it can never be aggregated");
        }
        if (result.run() > ((Number) currentRun).intValue()) {
            throw new PermanentFailure("role result of " + result.role() + " for run " + result.run() + " of scan "
                    + result.scanId() + ", whose latest run is " + currentRun + ": that run was never requested");
        }
        // Locked now, not read plainly: the claim below must see the status the sweeper may just have changed.
        Optional<String> status = statusForUpdate(result.scanId(), result.run());
        if (status.isPresent() && AggregationEntity.CLOSED.contains(status.get())) {
            LOG.debugf("role result of %s for scan %s run %d skipped: the run is already %s", result.role(),
                    result.scanId(), result.run(), status.get());
            return Optional.empty();
        }
        record(result);
        return claimIfComplete(result.scanId(), result.run());
    }

    /**
     * Claims runs past their deadline or cancelled, and syntheses whose lease expired (their instance
     * died).
     */
    @Transactional
    public List<Claim> claimOverdue() {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("""
                select scan_id, run from aggregation a
                where (status = 'OPEN' and deadline_at < now())
                   or (status = 'OPEN' and exists (select 1 from scan_run r where r.scan_id = a.scan_id
                                                   and r.run = a.run and r.cancel_requested_at is not null))
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
            if (AggregationEntity.SYNTHESIZING.equals(aggregation.status)) {
                LOG.warnf("the synthesis lease of scan %s run %d expired without renewal; taking the run over",
                        scanId, run);
            }
            claims.add(claim(aggregation, RoleResultEntity.forRun(scanId, run)));
        }
        return claims;
    }

    /**
     * Extends the lease of a synthesis that is still running; false if the claim is no longer
     * {@code claim}'s (the run was taken over or closed), in which case renewing stops.
     */
    @Transactional
    public boolean renew(Claim claim) {
        return em.createNativeQuery("""
                update aggregation set claimed_until = ?1
                where scan_id = ?2 and run = ?3 and status = 'SYNTHESIZING' and claim_token = ?4""")
                .setParameter(1, leaseEnd())
                .setParameter(2, claim.request().scanId())
                .setParameter(3, claim.request().run())
                .setParameter(4, claim.token())
                .executeUpdate() == 1;
    }

    /**
     * Writes the outcome of a claimed run, leaving its completion event to be published; false if
     * the claim was lost to another instance meanwhile (only the holder of the claim token closes).
     */
    @Transactional
    public boolean close(Claim claim, RunOutcome outcome) {
        // One statement: the row lock, the claim check and the write (no load of the row's JSON).
        return em.createNativeQuery("""
                update aggregation set status = ?1, missing_roles = cast(?2 as jsonb), failed_roles = cast(?3 as jsonb),
                       report = cast(?4 as jsonb), failure_reason = ?5, completed_at = ?6,
                       claimed_until = null, claim_token = null, completion_published_at = null
                where scan_id = ?7 and run = ?8 and status = 'SYNTHESIZING' and claim_token = ?9""")
                .setParameter(1, outcome.status().name())
                .setParameter(2, json(outcome.missingRoles()))
                .setParameter(3, json(outcome.failedRoles()))
                .setParameter(4, json(outcome.report()))
                .setParameter(5, outcome.failureReason())
                .setParameter(6, outcome.completedAt())
                .setParameter(7, claim.request().scanId())
                .setParameter(8, claim.request().run())
                .setParameter(9, claim.token())
                .executeUpdate() == 1;
    }

    /** Gives a claim back after a synthesis that failed before paying for anything, so it is tried again. */
    @Transactional
    public void release(Claim claim) {
        em.createNativeQuery("""
                update aggregation set status = 'OPEN', claimed_until = null, claim_token = null
                where scan_id = ?1 and run = ?2 and status = 'SYNTHESIZING' and claim_token = ?3""")
                .setParameter(1, claim.request().scanId())
                .setParameter(2, claim.request().run())
                .setParameter(3, claim.token())
                .executeUpdate();
    }

    /** A JSON column's text, SQL null for null (as the entity mapping writes it). */
    private static String json(Object value) {
        return value == null ? null : WireJson.encode(value);
    }

    /**
     * Serialises every transaction that opens, records into or claims one (scan, run) until it
     * commits. Two-key form: the scan id's hash and the run; a hash collision only serialises two
     * unrelated runs for a moment.
     */
    private void lockRun(UUID scanId, int run) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(cast(?1 as text)), ?2)")
                .setParameter(1, scanId.toString())
                .setParameter(2, run)
                .getSingleResult();
    }

    /**
     * Copies a carried role's stored result from run {@code from} into the request's run, as if it had
     * just arrived: no worker analyses it. Idempotent, and skipped once the run is closed.
     */
    private void carry(ScanRequest request, String role, int from) {
        int copied = em.createNativeQuery("""
                insert into role_result (scan_id, run, role, outcome, analysis, failure_reason, provider, model,
                                         offline, worker_instance, started_at, completed_at, received_at, carried_from_run)
                select r.scan_id, ?2, r.role, r.outcome, r.analysis, r.failure_reason, r.provider, r.model, r.offline,
                       r.worker_instance, r.started_at, r.completed_at, now(), r.run
                from role_result r join aggregation a on a.scan_id = r.scan_id and a.run = ?2 and a.status = 'OPEN'
                where r.scan_id = ?1 and r.run = ?3 and r.role = ?4
                on conflict (scan_id, run, role) do nothing""")
                .setParameter(1, request.scanId())
                .setParameter(2, request.run())
                .setParameter(3, from)
                .setParameter(4, role)
                .executeUpdate();
        if (copied == 0 && RoleResultEntity.forRun(request.scanId(), request.run()).stream().noneMatch(r -> r.role.equals(role))) {
            LOG.warnf("scan %s run %d carries role %s from run %d, which has no stored result of it: the role stays "
                    + "missing until the deadline", request.scanId(), request.run(), role, from);
        }
    }

    private void record(RoleResult result) {
        em.createNativeQuery("""
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
    }

    /**
     * Claims an open run whose every expected role has arrived, or whose cancel was asked for. Most
     * results do not complete their run: one narrow query (status, whether every expected role is in,
     * whether a cancel was asked) decides, and only a run about to be claimed is loaded whole.
     */
    private Optional<Claim> claimIfComplete(UUID scanId, int run) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.status,
                       not exists (select 1 from jsonb_array_elements_text(a.expected_roles) e(role)
                                   where not exists (select 1 from role_result r
                                                     where r.scan_id = a.scan_id and r.run = a.run and r.role = e.role)),
                       exists (select 1 from scan_run c where c.scan_id = a.scan_id and c.run = a.run
                               and c.cancel_requested_at is not null)
                from aggregation a where a.scan_id = ?1 and a.run = ?2
                for update of a""")
                .setParameter(1, scanId)
                .setParameter(2, run)
                .getResultList();
        if (rows.isEmpty() || !AggregationEntity.OPEN.equals(rows.get(0)[0])
                || !(Boolean.TRUE.equals(rows.get(0)[1]) || Boolean.TRUE.equals(rows.get(0)[2]))) {
            return Optional.empty();
        }
        AggregationEntity aggregation = AggregationEntity.findById(new AggregationEntity.Key(scanId, run));
        return Optional.of(claim(aggregation, RoleResultEntity.forRun(scanId, run)));
    }

    /** The run's status, its row locked until the transaction ends; empty if its request has not arrived. */
    private Optional<String> statusForUpdate(UUID scanId, int run) {
        return em.createNativeQuery("select status from aggregation where scan_id = ?1 and run = ?2 for update")
                .setParameter(1, scanId)
                .setParameter(2, run)
                .getResultStream().findFirst().map(String.class::cast);
    }

    private Claim claim(AggregationEntity aggregation, List<RoleResultEntity> results) {
        aggregation.status = AggregationEntity.SYNTHESIZING;
        aggregation.claimedUntil = leaseEnd();
        aggregation.claimToken = UUID.randomUUID();
        return new Claim(aggregation.request, List.copyOf(aggregation.expectedRoles), results, aggregation.claimToken,
                cancelOf(aggregation.scanId, aggregation.run).orElse(null));
    }

    /** The cancel asked for the run, if any (the gateway's {@code scan_run}, read only). */
    private Optional<Cancel> cancelOf(UUID scanId, int run) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cancel_requested_at as requested_at, cancelled_by as requested_by from scan_run
                where scan_id = ?1 and run = ?2 and cancel_requested_at is not null""")
                .setParameter(1, scanId)
                .setParameter(2, run)
                .unwrap(NativeQuery.class)
                .addScalar("requested_at", StandardBasicTypes.INSTANT)
                .addScalar("requested_by", StandardBasicTypes.STRING)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Cancel((Instant) row[0], (String) row[1]));
    }

    private Instant leaseEnd() {
        return Instant.now().plus(config.synthesisLease());
    }

    /**
     * A run this instance has the right to close while {@code token} is the run's claim token.
     *
     * @param cancel the cancel asked for the run when it was claimed, else null
     */
    public record Claim(ScanRequest request, List<String> expectedRoles, List<RoleResultEntity> results, UUID token,
            Cancel cancel) {
    }

    /** Who asked to cancel a run (null when not said), and when. */
    public record Cancel(Instant requestedAt, String requestedBy) {
    }
}
