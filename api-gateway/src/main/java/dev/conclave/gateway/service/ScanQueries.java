package dev.conclave.gateway.service;

import dev.conclave.gateway.persistence.AggregationView;
import dev.conclave.gateway.persistence.RoleResultView;
import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.ScanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads scans with their progress. A scan's status is derived, not stored twice: no aggregation
 * row yet is QUEUED, an open one RUNNING, a closed one its final status. Every read is the caller's:
 * a scan of another tenant, or (for a submitter) of another key, reads as one that does not exist.
 */
@ApplicationScoped
public class ScanQueries {
    /** A scan's id and its current run's aggregation status: two narrow columns, no digest, no report. */
    public static final String STATUS_QUERY = "select s.id, a.status from ScanEntity s left join AggregationView a "
            + "on a.scanId = s.id and a.run = s.currentRun where s.id = :id and s.tenant = :tenant";
    /** The same for a submitter: only a scan its own key submitted. */
    public static final String OWN_STATUS_QUERY = STATUS_QUERY + " and s.submittedBy = :key";

    /** The scan with its current run; empty when it does not exist or is not the caller's to see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(Caller caller, UUID id) {
        return scan(caller, id).flatMap(scan -> findRun(scan, scan.currentRun));
    }

    /**
     * Only the status of the scan's current run; empty when the scan does not exist or is not the caller's
     * to see. One query of narrow columns, without the scan's digest or the run's report: what an event
     * stream polls.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanStatus> status(Caller caller, UUID id) {
        boolean own = caller.role() == ApiRole.SUBMITTER;
        var query = ScanEntity.getEntityManager()
                .createQuery(own ? OWN_STATUS_QUERY : STATUS_QUERY, Object[].class)
                .setParameter("id", id)
                .setParameter("tenant", caller.tenant());
        if (own) {
            query.setParameter("key", caller.keyId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> statusOf((String) row[1]));
    }

    /** A run's status from its aggregation's (null: the aggregator has not seen it yet). */
    static ScanStatus statusOf(String aggregationStatus) {
        if (aggregationStatus == null) {
            return ScanStatus.QUEUED;
        }
        return switch (aggregationStatus) {
            case "OPEN", "SYNTHESIZING" -> ScanStatus.RUNNING;
            default -> ScanStatus.valueOf(aggregationStatus);
        };
    }

    /** The scan with one of its runs; empty when either does not exist or the scan is not the caller's to see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(Caller caller, UUID id, int run) {
        return scan(caller, id).flatMap(scan -> findRun(scan, run));
    }

    /** The scan, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanEntity> scan(Caller caller, UUID id) {
        return ScanEntity.<ScanEntity>findByIdOptional(id).filter(scan -> visible(scan, caller));
    }

    /** A scan of the caller's tenant; for a submitter, one its own key submitted. */
    public static boolean visible(ScanEntity scan, Caller caller) {
        return scan.tenant.equals(caller.tenant())
                && (caller.role() != ApiRole.SUBMITTER || caller.keyId().equals(scan.submittedBy));
    }

    /** Every run of a scan, oldest first, without role details; empty when the scan does not exist or is not the caller's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<ScanState>> runs(Caller caller, UUID id) {
        ScanEntity scan = scan(caller, id).orElse(null);
        if (scan == null) {
            return Optional.empty();
        }
        Map<Integer, AggregationView> outcomes = AggregationView.<AggregationView>list("scanId", id).stream()
                .collect(Collectors.toMap(a -> a.run, Function.identity()));
        return Optional.of(ScanRunEntity.ofScan(id).stream()
                .map(run -> new ScanState(scan, run, outcomes.get(run.run), Map.of()))
                .toList());
    }

    private Optional<ScanState> findRun(ScanEntity scan, int number) {
        Optional<ScanRunEntity> run = ScanRunEntity.find(scan.id, number);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        AggregationView aggregation = AggregationView.findById(new RunKey(scan.id, number));
        Map<String, RoleResultView> roles = RoleResultView.forRun(scan.id, number).stream()
                .collect(Collectors.toMap(r -> r.role, Function.identity()));
        return Optional.of(new ScanState(scan, run.get(), aggregation, roles));
    }

    /** The caller's newest scans, optionally only those of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScanState> recent(Caller caller, Optional<ScanStatus> status, int limit) {
        String where = switch (status.orElse(null)) {
            case null -> "";
            case QUEUED -> " and a.scanId is null";
            case RUNNING -> " and a.status in ('OPEN', 'SYNTHESIZING')";
            default -> " and a.status = '" + status.get().name() + "'";
        };
        boolean own = caller.role() == ApiRole.SUBMITTER;
        var query = ScanEntity.getEntityManager().createQuery(
                "select s, r, a from ScanEntity s join ScanRunEntity r on r.scanId = s.id and r.run = s.currentRun "
                        + "left join AggregationView a on a.scanId = s.id and a.run = s.currentRun "
                        + "where s.tenant = :tenant" + (own ? " and s.submittedBy = :key" : "")
                        + where + " order by s.createdAt desc", Object[].class)
                .setParameter("tenant", caller.tenant())
                .setMaxResults(limit);
        if (own) {
            query.setParameter("key", caller.keyId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ScanState((ScanEntity) r[0], (ScanRunEntity) r[1], (AggregationView) r[2],
                Map.of())).toList();
    }

    /**
     * A scan with one run: how it was asked for, its aggregation (null before the aggregator saw it) and
     * its role results.
     */
    public record ScanState(ScanEntity scan, ScanRunEntity run, AggregationView aggregation,
            Map<String, RoleResultView> roleResults) {

        public ScanStatus status() {
            return statusOf(aggregation == null ? null : aggregation.status);
        }
    }
}
