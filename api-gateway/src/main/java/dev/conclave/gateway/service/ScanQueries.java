package dev.conclave.gateway.service;

import dev.conclave.gateway.persistence.AggregationView;
import dev.conclave.gateway.persistence.RoleResultView;
import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
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
 * row yet is QUEUED, an open one RUNNING, a closed one its final status.
 */
@ApplicationScoped
public class ScanQueries {
    /** A scan's id and its current run's aggregation status: two narrow columns, no digest, no report. */
    public static final String STATUS_QUERY = "select s.id, a.status from ScanEntity s left join AggregationView a "
            + "on a.scanId = s.id and a.run = s.currentRun where s.id = :id";

    /** The scan with its current run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(UUID id) {
        ScanEntity scan = ScanEntity.findById(id);
        return scan == null ? Optional.empty() : findRun(scan, scan.currentRun);
    }

    /**
     * Only the status of the scan's current run; empty when the scan does not exist. One query of two
     * narrow columns, without the scan's digest or the run's report: what an event stream polls.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanStatus> status(UUID id) {
        List<Object[]> rows = ScanEntity.getEntityManager().createQuery(STATUS_QUERY, Object[].class)
                .setParameter("id", id)
                .getResultList();
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

    /** The scan with one of its runs; empty when either does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(UUID id, int run) {
        ScanEntity scan = ScanEntity.findById(id);
        return scan == null ? Optional.empty() : findRun(scan, run);
    }

    /** Every run of a scan, oldest first, without role details; empty when the scan does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<ScanState>> runs(UUID id) {
        ScanEntity scan = ScanEntity.findById(id);
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

    /** The newest scans, optionally only those of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScanState> recent(Optional<ScanStatus> status, int limit) {
        String where = switch (status.orElse(null)) {
            case null -> "";
            case QUEUED -> "where a.scanId is null";
            case RUNNING -> "where a.status in ('OPEN', 'SYNTHESIZING')";
            default -> "where a.status = '" + status.get().name() + "'";
        };
        List<Object[]> rows = ScanEntity.getEntityManager().createQuery(
                "select s, r, a from ScanEntity s join ScanRunEntity r on r.scanId = s.id and r.run = s.currentRun "
                        + "left join AggregationView a on a.scanId = s.id and a.run = s.currentRun "
                        + where + " order by s.createdAt desc", Object[].class)
                .setMaxResults(limit)
                .getResultList();
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
