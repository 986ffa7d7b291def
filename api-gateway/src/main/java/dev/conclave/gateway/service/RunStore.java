package dev.conclave.gateway.service;

import dev.conclave.gateway.messaging.OutboxRecord;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions that start a run: the run's row, the scan's {@code current_run} and the outbox row
 * of its {@code scan.requests} record are written together, so a run exists exactly when its request
 * will be published. Publishing is the caller's, after the commit (see {@link RunService}). A scan's first
 * run is written with the scan itself, by {@link ScanStore}.
 */
@ApplicationScoped
public class RunStore {
    private final Outbox outbox;
    private final EntityManager em;

    public RunStore(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /**
     * Starts the scan's next run as {@code spec} says, or returns the run an earlier call with the same
     * idempotency key started.
     *
     * @throws ScanNotFoundException if there is no such scan
     */
    @Transactional
    public Started next(UUID scanId, RunSpec spec, String idempotencyKey) {
        // Locked: two re-runs of one scan get runs n+1 and n+2, never the same number.
        ScanEntity scan = ScanEntity.findById(scanId, LockModeType.PESSIMISTIC_WRITE);
        if (scan == null) {
            throw new ScanNotFoundException(scanId);
        }
        if (idempotencyKey != null) {
            Optional<ScanRunEntity> earlier = ScanRunEntity.findByIdempotencyKey(scanId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Started(earlier.get(), null, true);
            }
        }
        ScanRunEntity latest = ScanRunEntity.find(scanId, scan.currentRun).orElseThrow(() -> new IllegalStateException(
                "scan " + scanId + " has no row for its current run " + scan.currentRun + " in scan_run"));
        List<String> base = latest.expectedRoles();
        List<String> analyse = new ArrayList<>(spec.analyse() == null ? base : spec.analyse());
        Map<String, Integer> stored = storedResults(scanId, spec.carryFrom());
        Map<String, Integer> carried = new LinkedHashMap<>();
        for (String role : base) {
            if (analyse.contains(role)) {
                continue;
            }
            Integer from = stored.get(role);
            if (from == null) {
                analyse.add(role); // no run has its result: it is analysed, not left out of the report
            } else {
                carried.put(role, from);
            }
        }
        ScanRunEntity run = new ScanRunEntity();
        run.scanId = scanId;
        run.run = scan.currentRun + 1;
        run.origin = spec.origin().name();
        run.roles = List.copyOf(analyse);
        run.carriedRoles = carried;
        run.overrides = spec.overrides();
        run.bypassCache = spec.bypassCache();
        run.requestedAt = Instant.now();
        run.requestedBy = spec.requestedBy();
        run.idempotencyKey = idempotencyKey;
        run.replayJobId = spec.replay() == null ? null : spec.replay().jobId();
        run.sourceRun = spec.carryFrom() != null ? spec.carryFrom() : scan.currentRun;
        scan.currentRun = run.run;
        OutboxRecord record = open(scan, run, spec);
        return new Started(run, record, false);
    }

    private OutboxRecord open(ScanEntity scan, ScanRunEntity run, RunSpec spec) {
        run.persist();
        // The run is its scan's tenant's; from the request the tenant reaches model_call and cache_event.
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, scan.id, run.run, scan.name, run.roles, scan.digest,
                run.requestedAt, run.requestedAt.plusSeconds(scan.deadlineSeconds), run.bypassCache, run.carriedRoles,
                run.overrides, RunOrigin.valueOf(run.origin), spec == null ? null : spec.replay(),
                scan.tenant);
        // Checked before it is stored: a request its consumers would refuse is refused here, with the reason.
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw InvalidScanException.badRequest(null, "this run cannot be started: " + String.join("; ", problems));
        }
        em.flush();
        return outbox.add(Topics.SCAN_REQUESTS, scan.id.toString(), WireJson.encode(request));
    }

    /** Role to the newest run with its stored result, or only {@code run}'s results when given. */
    private Map<String, Integer> storedResults(UUID scanId, Integer run) {
        var query = run == null
                ? em.createNativeQuery("select role, max(run) from role_result where scan_id = ?1 group by role")
                : em.createNativeQuery("select role, run from role_result where scan_id = ?1 and run = ?2")
                        .setParameter(2, run);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter(1, scanId).getResultList();
        Map<String, Integer> newest = new HashMap<>();
        for (Object[] row : rows) {
            newest.put((String) row[0], ((Number) row[1]).intValue());
        }
        return newest;
    }

    /** A started run and the outbox record announcing it (null when {@code repeated}: started before). */
    public record Started(ScanRunEntity run, OutboxRecord request, boolean repeated) {
    }
}
