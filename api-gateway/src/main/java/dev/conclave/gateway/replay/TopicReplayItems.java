package dev.conclave.gateway.replay;

import dev.conclave.gateway.persistence.RunKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes a topic replay's selected runs as {@code replay_item} rows, one statement per batch: runs that
 * still exist in {@code scan_run}, of a scan of the job's tenant, are inserted ({@code on conflict do
 * nothing}, so selecting again is harmless), the others are handed back so the read can count them.
 */
@ApplicationScoped
public class TopicReplayItems {
    private static final String INSERT = """
            with batch as (select * from unnest(?::uuid[], ?::int[]) as k(scan_id, run)),
                 job as (select id, tenant from replay_job where id = ?),
                 known as (select b.scan_id, b.run from batch b join scan_run r on r.scan_id = b.scan_id and r.run = b.run
                           join scan s on s.id = b.scan_id join job on s.tenant = job.tenant),
                 inserted as (insert into replay_item (job_id, scan_id, source_run, action)
                              select job.id, scan_id, run, ? from known, job
                              on conflict (job_id, scan_id, source_run) do nothing)
            select scan_id, run from batch except select scan_id, run from known""";

    private final DataSource dataSource;

    public TopicReplayItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts an item per run of {@code runs} that still exists; returns the runs that do not (their scan
     * was deleted, or a record named a run that never started).
     */
    public List<RunKey> insert(UUID jobId, TopicReplay.Action action, Collection<RunKey> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setArray(1, connection.createArrayOf("uuid", runs.stream().map(RunKey::scanId).toArray()));
            statement.setArray(2, connection.createArrayOf("integer", runs.stream().map(RunKey::run).toArray()));
            statement.setObject(3, jobId);
            statement.setString(4, action.name());
            List<RunKey> missing = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    missing.add(new RunKey(rows.getObject(1, UUID.class), rows.getInt(2)));
                }
            }
            return missing;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the selected runs of replay job " + jobId
                    + " in replay_item (" + e.getMessage() + "); the items stored so far stay, select again to resume", e);
        }
    }

    /** How many runs the job has selected, over every selection of it. */
    public long count(UUID jobId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from replay_item where job_id = ?")) {
            statement.setObject(1, jobId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the items of replay job " + jobId + ": " + e.getMessage(), e);
        }
    }
}
