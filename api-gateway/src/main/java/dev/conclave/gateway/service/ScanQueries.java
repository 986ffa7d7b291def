package dev.conclave.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.conclave.gateway.persistence.AggregationRow;
import dev.conclave.gateway.persistence.RoleResultRow;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.gateway.security.ApiRole;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.RoleOverride;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads scans with their progress. A scan's status is derived, not stored twice: no aggregation
 * row yet is QUEUED, an open one RUNNING, a closed one its final status. Every read is the caller's:
 * a scan of another tenant, or (for a submitter) of another key, reads as one that does not exist.
 * The aggregator's tables ({@code aggregation}, {@code role_result}) are read with plain SQL: the aggregator
 * owns and maps them, the gateway maps only its own ({@link AggregationRow}, {@link RoleResultRow}).
 */
@ApplicationScoped
public class ScanQueries {
    /** A scan's id and its current run's aggregation status: two narrow columns, no digest, no report. */
    public static final String STATUS_QUERY = "select s.id, a.status from scan s left join aggregation a "
            + "on a.scan_id = s.id and a.run = s.current_run where s.id = ?1 and s.tenant = ?2";
    /** The same for a submitter: only a scan its own key submitted. */
    public static final String OWN_STATUS_QUERY = STATUS_QUERY + " and s.submitted_by = ?3";
    /** The columns of {@link AggregationRow}, JSON as text, as {@link #aggregation} reads them. */
    private static final String AGGREGATION_COLUMNS =
            "a.status, a.missing_roles::text, a.report::text, a.failure_reason, a.completed_at";

    /**
     * A scan with one run (the current one when {@code run} is null) and that run's aggregation, for the
     * caller: only the columns a scan's view shows (no digest, no aggregation request), JSON as text.
     */
    private static final String STATE_QUERY = """
            select s.name, s.current_run, s.created_at,
                   r.run, r.origin, r.roles::text, r.carried_roles::text, r.overrides::text, r.bypass_cache,
                   r.requested_at, r.requested_by, r.replay_job_id, r.source_run, r.cancel_requested_at,
                   %s
            from scan s
            join scan_run r on r.scan_id = s.id and r.run = coalesce(cast(? as integer), s.current_run)
            left join aggregation a on a.scan_id = r.scan_id and a.run = r.run
            where s.id = ? and s.tenant = ?""".formatted(AGGREGATION_COLUMNS);
    /** The same for a submitter: only a scan its own key submitted. */
    private static final String OWN_STATE_QUERY = STATE_QUERY + " and s.submitted_by = ?";
    /** The role results of one run: what a scan's view shows of each. */
    private static final String ROLES_QUERY = """
            select role, outcome, failure_reason, provider, model, offline, started_at, completed_at
            from role_result where scan_id = ? and run = ?""";
    /** Every run's aggregation row of one scan. */
    private static final String RUN_AGGREGATIONS_QUERY = "select a.run, " + AGGREGATION_COLUMNS
            + " from aggregation a where a.scan_id = ?";
    /**
     * The caller's newest scans with their current runs' status, then the status filter and the limit: only the
     * columns a line of the list shows (no digest, no report), so a row whose JSON does not read cannot fail it.
     */
    private static final String RECENT_QUERY = """
            select s.id, s.name, s.created_at, s.current_run, a.status, a.completed_at
            from scan s
            join scan_run r on r.scan_id = s.id and r.run = s.current_run
            left join aggregation a on a.scan_id = s.id and a.run = s.current_run
            where s.tenant = ?""";
    private static final TypeReference<List<String>> ROLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> CARRIED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, RoleOverride>> OVERRIDES = new TypeReference<>() {
    };

    private final EntityManager em;

    public ScanQueries(EntityManager em) {
        this.em = em;
    }

    /** The scan with its current run; empty when it does not exist or is not the caller's to see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanState> find(Caller caller, UUID id) {
        return state(caller, id, null);
    }

    /**
     * Only the status of the scan's current run; empty when the scan does not exist or is not the caller's
     * to see. One query of narrow columns, without the scan's digest or the run's report: what an event
     * stream polls.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanStatus> status(Caller caller, UUID id) {
        boolean own = caller.role() == ApiRole.SUBMITTER;
        var query = em.createNativeQuery(own ? OWN_STATUS_QUERY : STATUS_QUERY, Object[].class)
                .setParameter(1, id)
                .setParameter(2, caller.tenant());
        if (own) {
            query.setParameter(3, caller.keyId());
        }
        @SuppressWarnings("unchecked")
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
        return state(caller, id, run);
    }

    /**
     * What a status poll reads: two narrow queries on one connection (the scan with its run and
     * aggregation, then the run's role results) instead of four entity loads. The rows are read into
     * entity objects used as plain values (never attached to the persistence context, never written), so
     * every view built from a {@link ScanState} stays as it was. Empty when the scan or run does not
     * exist, or the scan is not the caller's to see (the same rule as {@link #visible}).
     */
    private Optional<ScanState> state(Caller caller, UUID id, Integer number) {
        UUID ownKey = caller.role() == ApiRole.SUBMITTER ? caller.keyId() : null;
        return em.unwrap(Session.class).doReturningWork(connection -> {
            ScanEntity scan = new ScanEntity();
            ScanRunEntity run = new ScanRunEntity();
            AggregationRow aggregation = null;
            try (PreparedStatement query = connection.prepareStatement(ownKey == null ? STATE_QUERY : OWN_STATE_QUERY)) {
                query.setObject(1, number, Types.INTEGER);
                query.setObject(2, id);
                query.setString(3, caller.tenant());
                if (ownKey != null) {
                    query.setObject(4, ownKey);
                }
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ScanState>empty();
                    }
                    scan.id = id;
                    scan.tenant = caller.tenant();
                    scan.name = row.getString(1);
                    scan.currentRun = row.getInt(2);
                    scan.createdAt = instant(row, 3);
                    run.scanId = id;
                    run.run = row.getInt(4);
                    run.origin = row.getString(5);
                    run.roles = json(row.getString(6), ROLES);
                    run.carriedRoles = json(row.getString(7), CARRIED);
                    run.overrides = json(row.getString(8), OVERRIDES);
                    run.bypassCache = row.getBoolean(9);
                    run.requestedAt = instant(row, 10);
                    run.requestedBy = row.getString(11);
                    run.replayJobId = row.getObject(12, UUID.class);
                    run.sourceRun = row.getObject(13, Integer.class);
                    run.cancelRequestedAt = instant(row, 14);
                    aggregation = aggregation(id, row, 15);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("scan " + id + ": unreadable JSON in its run's row: " + e.getOriginalMessage(), e);
            }
            Map<String, RoleResultRow> roles = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(ROLES_QUERY)) {
                query.setObject(1, id);
                query.setInt(2, run.run);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        roles.put(row.getString(1), new RoleResultRow(row.getString(1), row.getString(2),
                                row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6),
                                instant(row, 7), instant(row, 8)));
                    }
                }
            }
            return Optional.of(new ScanState(scan, run, aggregation, roles));
        });
    }

    /** The {@link #AGGREGATION_COLUMNS} from {@code first} on; null when the run has no aggregation row (yet). */
    private static AggregationRow aggregation(UUID scanId, ResultSet row, int first) throws SQLException {
        String status = row.getString(first);
        if (status == null) {
            return null;
        }
        try {
            String report = row.getString(first + 2);
            return new AggregationRow(status, json(row.getString(first + 1), ROLES),
                    report == null ? null : WireJson.mapper().readTree(report), row.getString(first + 3),
                    instant(row, first + 4));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scan " + scanId + ": unreadable JSON in its aggregation row: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The status of one run of a scan, from its aggregation row (QUEUED before there is one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScanStatus runStatus(UUID scanId, int run) {
        List<?> status = em.createNativeQuery("select status from aggregation where scan_id = ?1 and run = ?2", String.class)
                .setParameter(1, scanId).setParameter(2, run).getResultList();
        return statusOf(status.isEmpty() ? null : (String) status.getFirst());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <T> T json(String text, TypeReference<T> type) throws JsonProcessingException {
        return text == null ? null : WireJson.mapper().readValue(text, type);
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
        Map<Integer, AggregationRow> outcomes = em.unwrap(Session.class).doReturningWork(connection -> {
            Map<Integer, AggregationRow> byRun = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(RUN_AGGREGATIONS_QUERY)) {
                query.setObject(1, id);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        byRun.put(row.getInt(1), aggregation(id, row, 2));
                    }
                }
            }
            return byRun;
        });
        return Optional.of(ScanRunEntity.ofScan(id).stream()
                .map(run -> new ScanState(scan, run, outcomes.get(run.run), Map.of()))
                .toList());
    }

    /**
     * The caller's newest scans, optionally only those of one status, in one query of narrow columns: neither
     * the scan's digest nor the run's report is read, so a row of either that does not parse still lists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScanLine> recent(Caller caller, Optional<ScanStatus> status, int limit) {
        String where = switch (status.orElse(null)) {
            case null -> "";
            case QUEUED -> " and a.scan_id is null";
            case RUNNING -> " and a.status in ('OPEN', 'SYNTHESIZING')";
            default -> " and a.status = '" + status.get().name() + "'";
        };
        boolean own = caller.role() == ApiRole.SUBMITTER;
        String sql = RECENT_QUERY + (own ? " and s.submitted_by = ?" : "") + where + " order by s.created_at desc limit ?";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<ScanLine> lines = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int parameter = 1;
                query.setString(parameter++, caller.tenant());
                if (own) {
                    query.setObject(parameter++, caller.keyId());
                }
                query.setInt(parameter, limit);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        lines.add(new ScanLine(row.getObject(1, UUID.class), row.getString(2), instant(row, 3),
                                row.getInt(4), statusOf(row.getString(5)), instant(row, 6)));
                    }
                }
            }
            return lines;
        });
    }

    /** One scan as a list shows it: its current run's number and status, and when that run closed (null while open). */
    public record ScanLine(UUID scanId, String name, Instant createdAt, int run, ScanStatus status,
            Instant completedAt) {
    }

    /**
     * A scan with one run: how it was asked for, its aggregation (null before the aggregator saw it) and
     * its role results.
     */
    public record ScanState(ScanEntity scan, ScanRunEntity run, AggregationRow aggregation,
            Map<String, RoleResultRow> roleResults) {

        public ScanStatus status() {
            return statusOf(aggregation == null ? null : aggregation.status());
        }
    }
}
