package dev.conclave.systemtests.faults;

import dev.conclave.systemtests.fleet.Database;
import dev.conclave.systemtests.fleet.Pauses;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What PostgreSQL says about a run of scans: how far they got, and whether recovery doubled
 * anything. Reads only; all of it by scan id, so other tests' rows never count.
 */
final class RunLedger {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Database database;

    RunLedger(Database database) {
        this.database = database;
    }

    /** Scans whose run 1 has a final aggregation (COMPLETED, PARTIAL, FAILED), by status; the rest as UNFINISHED. */
    Map<String, Integer> statuses(List<Accepted> scans) {
        Map<String, Integer> counts = new TreeMap<>();
        query("""
                select coalesce(a.status, 'NO_AGGREGATION'), count(*)
                from unnest(?::uuid[]) as s(id) left join aggregation a on a.scan_id = s.id and a.run = 1
                group by 1""", scans, rs -> counts.put(rs.getString(1), rs.getInt(2)));
        Map<String, Integer> folded = new TreeMap<>();
        counts.forEach((status, count) -> folded.merge(isFinal(status) ? status : "UNFINISHED(" + status + ")",
                count, Integer::sum));
        return folded;
    }

    private static boolean isFinal(String status) {
        return status.equals("COMPLETED") || status.equals("PARTIAL") || status.equals("FAILED");
    }

    /**
     * Polls until every scan's run is final, tolerating a database that is briefly away; returns when
     * that was, or empty when {@code within} ran out first.
     */
    Optional<Instant> awaitAllFinal(List<Accepted> scans, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                Map<String, Integer> statuses = statuses(scans);
                if (statuses.keySet().stream().allMatch(RunLedger::isFinal)) {
                    return Optional.of(Instant.now());
                }
            } catch (IllegalStateException databaseAway) {
                // The outage tests stop PostgreSQL; the scans are what is waited for, not the database.
            }
            Pauses.sleep(POLL);
        }
        return Optional.empty();
    }

    /**
     * Polls until a row shows the pipeline moved after {@code after}: {@code column} of
     * {@code role_result} (completed_at, set by the worker; received_at, set by the aggregator) later
     * than it, for one of {@code roles}. Returns that row's time, or empty when {@code within} ran out
     * or every scan was already final.
     */
    Optional<Instant> awaitProgressAfter(List<Accepted> scans, Instant after, String column, List<String> roles,
            Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try {
                List<Instant> first = new ArrayList<>();
                query("select min(" + column + ") from role_result where scan_id = any(?::uuid[]) and " + column
                        + " > ? and role = any(?::text[])", scans, List.of(after, roles), rs -> {
                            OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                            if (at != null) {
                                first.add(at.toInstant());
                            }
                        });
                if (!first.isEmpty()) {
                    return Optional.of(first.getFirst());
                }
                if (statuses(scans).keySet().stream().allMatch(RunLedger::isFinal)) {
                    return Optional.empty(); // nothing was left to do: no progress to wait for
                }
            } catch (IllegalStateException databaseAway) {
                // Keep polling: progress is what is waited for.
            }
            Pauses.sleep(POLL);
        }
        return Optional.empty();
    }

    /** Scans of the run not finished by their own deadline plus {@code margin}, with what they got instead. */
    List<String> lateOrUnfinished(List<Accepted> scans, Duration margin) {
        List<String> late = new ArrayList<>();
        query("""
                select s.id, coalesce(a.status, 'NO_AGGREGATION'), s.created_at, s.deadline_seconds, a.completed_at
                from scan s left join aggregation a on a.scan_id = s.id and a.run = 1
                where s.id = any(?::uuid[])
                  and (a.completed_at is null
                       or a.completed_at > s.created_at + make_interval(secs => s.deadline_seconds + ?))""",
                scans, List.of(margin.toSeconds()), rs -> late.add(rs.getString(1) + " " + rs.getString(2)
                        + " created " + rs.getObject(3, OffsetDateTime.class) + " deadline " + rs.getInt(4)
                        + " s, closed " + rs.getObject(5, OffsetDateTime.class)));
        return late;
    }

    /** Whether recovery doubled stored rows or left roles without their one result. */
    record Rows(int roleResults, int duplicateRoleResults, int aggregations, int duplicateAggregations,
            List<String> roleMismatches) {
    }

    Rows rows(List<Accepted> scans) {
        int[] counts = new int[4];
        query("""
                select count(*), count(*) - count(distinct (scan_id, run, role))
                from role_result where scan_id = any(?::uuid[])""", scans, rs -> {
                    counts[0] = rs.getInt(1);
                    counts[1] = rs.getInt(2);
                });
        query("""
                select count(*), count(*) - count(distinct (scan_id, run))
                from aggregation where scan_id = any(?::uuid[])""", scans, rs -> {
                    counts[2] = rs.getInt(1);
                    counts[3] = rs.getInt(2);
                });
        // A COMPLETED run has exactly one result per expected role; any run has no result for a role it did not ask for.
        List<String> mismatches = new ArrayList<>();
        query("""
                select a.scan_id, a.status, a.expected_roles::text,
                       coalesce((select jsonb_agg(r.role order by r.role) from role_result r
                                 where r.scan_id = a.scan_id and r.run = a.run), '[]'::jsonb)::text
                from aggregation a
                where a.scan_id = any(?::uuid[]) and a.run = 1
                  and (exists (select 1 from role_result r where r.scan_id = a.scan_id and r.run = a.run
                               and not a.expected_roles ?? r.role)
                       or (a.status = 'COMPLETED' and (select count(*) from role_result r
                            where r.scan_id = a.scan_id and r.run = a.run) <> jsonb_array_length(a.expected_roles)))""",
                scans, rs -> mismatches.add(rs.getString(1) + " " + rs.getString(2) + " expected " + rs.getString(3)
                        + " stored " + rs.getString(4)));
        return new Rows(counts[0], counts[1], counts[2], counts[3], mismatches);
    }

    /**
     * Model calls of the run that were paid for (not answered from the cache), and how many of them
     * repeat a call already made: a second row for the same scan, run, role, model, attempt number
     * and repair flag is a call recovery made again.
     */
    record Calls(int total, int repeated, int scansWithRepeats) {
        double repeatedShare() {
            return total == 0 ? 0 : (double) repeated / total;
        }

        String describe() {
            return "%d model calls, %d repeated (%.2f %%) in %d scans".formatted(total, repeated, 100 * repeatedShare(),
                    scansWithRepeats);
        }
    }

    Calls calls(List<Accepted> scans) {
        int[] counts = new int[3];
        query("""
                select count(*), count(*) - count(distinct (scan_id, run, role, requested_model, attempt, repair))
                from model_call where scan_id = any(?::uuid[]) and not cache_hit""", scans, rs -> {
                    counts[0] = rs.getInt(1);
                    counts[1] = rs.getInt(2);
                });
        query("""
                select count(distinct scan_id) from (
                  select scan_id from model_call where scan_id = any(?::uuid[]) and not cache_hit
                  group by scan_id, run, role, requested_model, attempt, repair having count(*) > 1) repeated""",
                scans, rs -> counts[2] = rs.getInt(1));
        return new Calls(counts[0], counts[1], counts[2]);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Accepted> scans, RowReader reader) {
        query(sql, scans, List.of(), reader);
    }

    /** Runs {@code sql} with the scan ids as its first parameter and {@code more} after them. */
    private void query(String sql, List<Accepted> scans, List<Object> more, RowReader reader) {
        try (Connection connection = database.connect()) {
            Array ids = connection.createArrayOf("uuid", scans.stream().map(Accepted::scanId).toArray(UUID[]::new));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ids);
                int index = 2;
                for (Object value : more) {
                    if (value instanceof Instant instant) {
                        statement.setObject(index++, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                    } else if (value instanceof List<?> list) {
                        statement.setArray(index++, connection.createArrayOf("text", list.toArray()));
                    } else {
                        statement.setObject(index++, value);
                    }
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
