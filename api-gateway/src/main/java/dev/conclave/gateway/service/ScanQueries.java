package dev.conclave.gateway.service;

import dev.conclave.gateway.persistence.AggregationView;
import dev.conclave.gateway.persistence.RoleResultView;
import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.persistence.ScanEntity;
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(UUID id) {
        ScanEntity scan = ScanEntity.findById(id);
        if (scan == null) {
            return Optional.empty();
        }
        AggregationView aggregation = AggregationView.findById(new RunKey(scan.id, scan.currentRun));
        Map<String, RoleResultView> roles = RoleResultView.forRun(scan.id, scan.currentRun).stream()
                .collect(Collectors.toMap(r -> r.role, Function.identity()));
        return Optional.of(new ScanState(scan, aggregation, roles));
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
                "select s, a from ScanEntity s left join AggregationView a on a.scanId = s.id and a.run = s.currentRun "
                        + where + " order by s.createdAt desc", Object[].class)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new ScanState((ScanEntity) r[0], (AggregationView) r[1], Map.of())).toList();
    }

    /** A scan with its current run's aggregation (null before the aggregator saw it) and role results. */
    public record ScanState(ScanEntity scan, AggregationView aggregation, Map<String, RoleResultView> roleResults) {

        public ScanStatus status() {
            if (aggregation == null) {
                return ScanStatus.QUEUED;
            }
            return switch (aggregation.status) {
                case "OPEN", "SYNTHESIZING" -> ScanStatus.RUNNING;
                default -> ScanStatus.valueOf(aggregation.status);
            };
        }
    }
}
