package dev.conclave.aggregator.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.persistence.AggregationEntity;
import dev.conclave.aggregator.persistence.RoleResultEntity;
import dev.conclave.delivery.PermanentFailure;
import dev.conclave.delivery.Sql;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 *
 * <p>Plain JDBC in local transactions ({@link Sql#inTransaction}; a single statement runs in auto-commit), a
 * statement per decision (issue 11: through Hibernate's native queries and entity loads the fan-in was 40 % of
 * the aggregator's CPU, and a JTA transaction around each step another 6 %): a result that does not
 * complete its run is one round trip that locks and reads everything the decision needs ({@link RunState})
 * and one insert; the result that completes it adds the claim's update and the read of the run's results.
 */
@ApplicationScoped
public class FanIn {
    private static final Logger LOG = Logger.getLogger(FanIn.class);

    /** The run's advisory lock, held until the transaction ends. Parameters: scan id, run. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(cast(? as text)), ?)";

    /**
     * The advisory lock, then in the same round trip what a decision about the run needs: the scan's
     * latest run, the aggregation row's status (row locked) and expected roles, the roles stored so far
     * and the cancel asked for. Parameters: scan id, run (lock); scan id; scan id, run (roles);
     * scan id, run (aggregation); scan id, run (cancel).
     */
    private static final String LOCK_AND_READ = LOCK + """
            ;
            select (select current_run from scan where id = ?),
                   a.status, a.expected_roles,
                   array(select role from role_result where scan_id = ? and run = ?),
                   c.cancel_requested_at, c.cancelled_by
            from (values (1)) as one
            left join lateral (select status, cast(expected_roles as text) as expected_roles from aggregation
                               where scan_id = ? and run = ? for update) a on true
            left join scan_run c on c.scan_id = ? and c.run = ? and c.cancel_requested_at is not null""";

    private final AgroalDataSource database;
    private final AggregationConfig config;
    private final RecentRequests recent = new RecentRequests();

    public FanIn(AgroalDataSource database, AggregationConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Registers a run and the roles it waits for and, in the same transaction, claims it if its
     * results all arrived before it. A repeated request, or one for a closed run, changes nothing.
     */
    public Optional<Claim> openAndClaim(ScanRequest request) {
        return openAndClaim(request, WireJson.encode(request));
    }

    /** {@link #openAndClaim(ScanRequest)} of a request as it came, {@code json} being its text (stored as is). */
    public Optional<Claim> openAndClaim(ScanRequest request, String json) {
        recent.remember(request, json.length());
        return Sql.inTransaction(database, "opening scan " + request.scanId() + " run " + request.run(), connection -> {
            Sql.query(connection, LOCK, request.scanId().toString(), request.run());
            Sql.update(connection, """
                    insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at)
                    values (?, ?, cast(? as jsonb), cast(? as jsonb), 'OPEN', ?, ?)
                    on conflict (scan_id, run) do nothing""",
                    request.scanId(), request.run(), json, WireJson.encode(request.expectedRoles()),
                    request.requestedAt(), request.deadline());
            for (var carried : request.carriedRoles().entrySet()) {
                carry(connection, request, carried.getKey(), carried.getValue());
            }
            RunState state = lockAndRead(connection, request.scanId(), request.run());
            return state.complete(null) ? claim(connection, request.scanId(), request.run(), AggregationEntity.OPEN,
                    state.cancel()) : Optional.empty();
        });
    }

    /**
     * Stores a role's result and, in the same transaction, claims its run if that completed it. A
     * duplicate stores nothing but may still claim, so a redelivery after a failed synthesis retries
     * it. A result for a closed run is skipped; one for a run whose request has not arrived yet is
     * stored, and the request claims the run when it comes.
     *
     * @throws PermanentFailure if the scan does not exist or the run was never requested
     */
    public Optional<Claim> recordAndClaim(RoleResult result) {
        return Sql.inTransaction(database, "recording the " + result.role() + " result of scan " + result.scanId() + " run "
                + result.run(), connection -> {
            // The aggregation row is locked from here: the sweeper cannot claim the run under this decision.
            RunState state = lockAndRead(connection, result.scanId(), result.run());
            if (state.currentRun() == null) {
                throw new PermanentFailure("role result of " + result.role() + " for scan " + result.scanId()
                        + ", which does not exist (no row in table scan): it can never be aggregated");
            }
            if (result.run() > state.currentRun()) {
                throw new PermanentFailure("role result of " + result.role() + " for run " + result.run() + " of scan "
                        + result.scanId() + ", whose latest run is " + state.currentRun()
                        + ": that run was never requested");
            }
            if (state.status() != null && AggregationEntity.CLOSED.contains(state.status())) {
                LOG.debugf("role result of %s for scan %s run %d skipped: the run is already %s", result.role(),
                        result.scanId(), result.run(), state.status());
                return Optional.empty();
            }
            record(connection, result);
            return state.complete(result.role()) ? claim(connection, result.scanId(), result.run(),
                    AggregationEntity.OPEN, state.cancel()) : Optional.empty();
        });
    }

    /**
     * Claims runs past their deadline or cancelled, and syntheses whose lease expired (their instance
     * died).
     */
    public List<Claim> claimOverdue() {
        return Sql.inTransaction(database, "claiming overdue runs", connection -> {
            List<Object[]> keys = Sql.query(connection, """
                    select scan_id, run, status from aggregation a
                    where (status = 'OPEN' and deadline_at < now())
                       or (status = 'OPEN' and exists (select 1 from scan_run r where r.scan_id = a.scan_id
                                                       and r.run = a.run and r.cancel_requested_at is not null))
                       or (status = 'SYNTHESIZING' and claimed_until < now())
                    order by deadline_at
                    limit ?
                    for update skip locked""", config.sweepBatch());
            List<Claim> claims = new ArrayList<>();
            for (Object[] key : keys) {
                UUID scanId = (UUID) key[0];
                int run = ((Number) key[1]).intValue();
                String status = (String) key[2];
                if (AggregationEntity.SYNTHESIZING.equals(status)) {
                    LOG.warnf("the synthesis lease of scan %s run %d expired without renewal; taking the run over",
                            scanId, run);
                }
                claim(connection, scanId, run, status, cancelOf(connection, scanId, run)).ifPresent(claims::add);
            }
            return claims;
        });
    }

    /**
     * Extends the lease of a synthesis that is still running; false if the claim is no longer
     * {@code claim}'s (the run was taken over or closed), in which case renewing stops.
     */
    public boolean renew(Claim claim) {
        return Sql.withConnection(database, "renewing a synthesis lease", connection -> Sql.update(connection, """
                update aggregation set claimed_until = ?
                where scan_id = ? and run = ? and status = 'SYNTHESIZING' and claim_token = ?""",
                leaseEnd(), claim.request().scanId(), claim.request().run(), claim.token()) == 1);
    }

    /**
     * Writes the outcome of a claimed run, leaving its completion event to be published; false if
     * the claim was lost to another instance meanwhile (only the holder of the claim token closes).
     */
    public boolean close(Claim claim, RunOutcome outcome) {
        // One statement: the row lock, the claim check and the write (no load of the row's JSON).
        return Sql.withConnection(database, "closing a run", connection -> Sql.update(connection, """
                update aggregation set status = ?, missing_roles = cast(? as jsonb), failed_roles = cast(? as jsonb),
                       report = cast(? as jsonb), failure_reason = ?, completed_at = ?,
                       claimed_until = null, claim_token = null, completion_published_at = null
                where scan_id = ? and run = ? and status = 'SYNTHESIZING' and claim_token = ?""",
                outcome.status().name(), json(outcome.missingRoles()), json(outcome.failedRoles()),
                json(outcome.report()), outcome.failureReason(), outcome.completedAt(), claim.request().scanId(),
                claim.request().run(), claim.token()) == 1);
    }

    /**
     * Ends a claim's lease now, keeping the run in synthesis: the next sweep of any instance takes it
     * over (shutdown with a close still running).
     */
    public void handOver(Claim claim) {
        Sql.withConnection(database, "handing a claim over", connection -> Sql.update(connection, """
                update aggregation set claimed_until = now()
                where scan_id = ? and run = ? and status = 'SYNTHESIZING' and claim_token = ?""",
                claim.request().scanId(), claim.request().run(), claim.token()));
    }

    /** Gives a claim back after a synthesis that failed before paying for anything, so it is tried again. */
    public void release(Claim claim) {
        Sql.withConnection(database, "giving a claim back", connection -> Sql.update(connection, """
                update aggregation set status = 'OPEN', claimed_until = null, claim_token = null
                where scan_id = ? and run = ? and status = 'SYNTHESIZING' and claim_token = ?""",
                claim.request().scanId(), claim.request().run(), claim.token()));
    }

    /** A JSON column's text, SQL null for null. */
    private static String json(Object value) {
        return value == null ? null : WireJson.encode(value);
    }

    /**
     * What a decision about a run needs, read under the run's advisory lock with the aggregation row
     * locked.
     *
     * @param currentRun the scan's latest run; null when the scan does not exist
     * @param status the aggregation row's status; null while the run's request has not arrived
     * @param stored the roles whose results are stored for the run
     * @param cancel the cancel asked for the run, else null
     */
    private record RunState(Integer currentRun, String status, List<String> expectedRoles, Set<String> stored,
            Cancel cancel) {

        /** Whether an open run is ready to claim once {@code arriving} (a role, or null) is stored too. */
        boolean complete(String arriving) {
            if (!AggregationEntity.OPEN.equals(status)) {
                return false;
            }
            return cancel != null || expectedRoles.stream().allMatch(role -> role.equals(arriving) || stored.contains(role));
        }
    }

    /**
     * Serialises every transaction that opens, records into or claims one (scan, run) until it
     * commits, and reads the run's state under that lock. Two-key lock: the scan id's hash and the run;
     * a hash collision only serialises two unrelated runs for a moment. The lock and the read go in one
     * round trip; the driver runs them in order.
     */
    private RunState lockAndRead(Connection connection, UUID scanId, int run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_READ)) {
            Sql.bind(statement, scanId.toString(), run, scanId, scanId, run, scanId, run, scanId, run);
            statement.execute(); // the lock's result first
            if (!statement.getMoreResults()) {
                throw new SQLException("the fan-in's state read returned no rows");
            }
            try (ResultSet row = statement.getResultSet()) {
                row.next();
                int currentRun = row.getInt(1);
                Integer latest = row.wasNull() ? null : currentRun;
                String expected = row.getString(3);
                Array stored = row.getArray(4);
                OffsetDateTime cancelledAt = row.getObject(5, OffsetDateTime.class);
                return new RunState(latest, row.getString(2),
                        expected == null ? List.of() : List.of(WireJson.decode(expected, String[].class)),
                        Set.of((String[]) stored.getArray()),
                        cancelledAt == null ? null : new Cancel(cancelledAt.toInstant(), row.getString(6)));
            }
        }
    }

    /**
     * Copies a carried role's stored result from run {@code from} into the request's run, as if it had
     * just arrived: no worker analyses it. Idempotent, and skipped once the run is closed.
     */
    private void carry(Connection connection, ScanRequest request, String role, int from) throws SQLException {
        int copied = Sql.update(connection, """
                insert into role_result (scan_id, run, role, outcome, analysis, failure_reason, provider, model,
                                         offline, worker_instance, started_at, completed_at, received_at, carried_from_run)
                select r.scan_id, a.run, r.role, r.outcome, r.analysis, r.failure_reason, r.provider, r.model, r.offline,
                       r.worker_instance, r.started_at, r.completed_at, now(), r.run
                from role_result r join aggregation a on a.scan_id = r.scan_id and a.run = ? and a.status = 'OPEN'
                where r.scan_id = ? and r.run = ? and r.role = ?
                on conflict (scan_id, run, role) do nothing""", request.run(), request.scanId(), from, role);
        if (copied == 0 && Sql.query(connection, "select 1 from role_result where scan_id = ? and run = ? and role = ?",
                request.scanId(), request.run(), role).isEmpty()) {
            LOG.warnf("scan %s run %d carries role %s from run %d, which has no stored result of it: the role stays "
                    + "missing until the deadline", request.scanId(), request.run(), role, from);
        }
    }

    private void record(Connection connection, RoleResult result) throws SQLException {
        Sql.update(connection, """
                insert into role_result (scan_id, run, role, outcome, analysis, failure_reason, provider, model,
                                         offline, worker_instance, started_at, completed_at, received_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (scan_id, run, role) do nothing""",
                result.scanId(), result.run(), result.role(), result.outcome().name(),
                result.analysis() == null ? null : WireJson.encode(result.analysis()), result.failureReason(),
                result.provider(), result.model(), result.offline(), result.workerInstance(), result.startedAt(),
                result.completedAt(), Instant.now());
    }

    /**
     * Claims the run if it is still in {@code from} (a conditional update under the row lock: whoever
     * claimed it meanwhile wins), with a fresh token and lease; then reads what its synthesis needs.
     */
    private Optional<Claim> claim(Connection connection, UUID scanId, int run, String from, Cancel cancel)
            throws SQLException {
        UUID token = UUID.randomUUID();
        ScanRequest known = recent.find(scanId, run);
        List<Object[]> claimed = Sql.query(connection, """
                update aggregation set status = 'SYNTHESIZING', claimed_until = ?, claim_token = ?
                where scan_id = ? and run = ? and status = ?
                returning cast(expected_roles as text), """ + (known == null ? "cast(request as text)" : "null"),
                leaseEnd(), token, scanId, run, from);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        List<String> expected = List.of(WireJson.decode((String) claimed.get(0)[0], String[].class));
        ScanRequest request = known != null ? known : ScanRequest.decode((String) claimed.get(0)[1]);
        return Optional.of(new Claim(request, expected, results(connection, scanId, run), token, cancel));
    }

    /** The run's stored results, for its synthesis. */
    private List<RoleResultEntity> results(Connection connection, UUID scanId, int run) throws SQLException {
        List<RoleResultEntity> results = new ArrayList<>();
        for (Object[] row : Sql.query(connection, """
                select role, outcome, cast(analysis as text), failure_reason, provider, model, offline, worker_instance,
                       started_at, completed_at, received_at
                from role_result where scan_id = ? and run = ? order by role""", scanId, run)) {
            RoleResultEntity result = new RoleResultEntity();
            result.scanId = scanId;
            result.run = run;
            result.role = (String) row[0];
            result.outcome = (String) row[1];
            result.analysis = row[2] == null ? null : WireJson.decode((String) row[2], JsonNode.class);
            result.failureReason = (String) row[3];
            result.provider = (String) row[4];
            result.model = (String) row[5];
            result.offline = (Boolean) row[6];
            result.workerInstance = (String) row[7];
            result.startedAt = Sql.instant(row[8]);
            result.completedAt = Sql.instant(row[9]);
            result.receivedAt = Sql.instant(row[10]);
            results.add(result);
        }
        return results;
    }

    /** The cancel asked for the run, if any (the gateway's {@code scan_run}, read only). */
    private Cancel cancelOf(Connection connection, UUID scanId, int run) throws SQLException {
        return Sql.query(connection, """
                select cancel_requested_at, cancelled_by from scan_run
                where scan_id = ? and run = ? and cancel_requested_at is not null""", scanId, run)
                .stream().findFirst().map(row -> new Cancel(Sql.instant(row[0]), (String) row[1])).orElse(null);
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
