package dev.conclave.gateway.replay;

import dev.conclave.gateway.service.RunService;
import dev.conclave.gateway.service.RunSpec;
import dev.conclave.model.ReplayShare;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A topic replay done in one call: the job's row, its selection ({@link TopicReplay#select}) and one new
 * run per item, started in turn. It stands in for the replay job runner (throttled, pausable, resumable)
 * until that lands, so the topic replay can be driven end to end; it has no throttle and holds the
 * calling thread for the whole replay, so it suits small ranges only.
 */
@ApplicationScoped
public class TopicReplayStopgap {
    private final TopicReplay topics;
    private final RunService runs;
    private final DataSource dataSource;

    public TopicReplayStopgap(TopicReplay topics, RunService runs, DataSource dataSource) {
        this.topics = topics;
        this.runs = runs;
        this.dataSource = dataSource;
    }

    /** Selects the runs of {@code topic} in [from, to) and starts a new run of each; returns what it did. */
    public Replayed replay(String topic, Instant from, Instant to, String requestedBy) {
        TopicReplay.check(topic, from, to);
        UUID jobId = UUID.randomUUID();
        ReplayShare share = new ReplayShare(jobId, 1.0);
        sql("""
                insert into replay_job (id, kind, status, selection, share, max_in_flight, requested_by, created_at,
                                        started_at, updated_at)
                values (?, 'TOPIC', 'SELECTING', cast(? as jsonb), 1.0, 1, ?, ?, ?, ?)""",
                jobId, WireJson.encode(Map.of("topic", topic, "from", from.toString(), "to", to.toString())), requestedBy,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        try {
            return selectAndStart(jobId, share, topic, from, to, requestedBy);
        } catch (RuntimeException e) {
            try {
                sql("update replay_job set status = 'FAILED', last_error = ?, finished_at = now(), updated_at = now()"
                        + " where id = ?", String.valueOf(e.getMessage()), jobId);
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // the database is the fault: the job stays SELECTING or RUNNING
            }
            throw e;
        }
    }

    private Replayed selectAndStart(UUID jobId, ReplayShare share, String topic, Instant from, Instant to,
            String requestedBy) {
        TopicReplay.Selection selection = topics.select(jobId, topic, from, to);
        sql("update replay_job set status = 'RUNNING', updated_at = now() where id = ?", jobId);
        List<Started> started = new ArrayList<>();
        for (Item item : items(jobId)) {
            RunSpec spec = TopicReplay.Action.valueOf(item.action()) == TopicReplay.Action.RESYNTHESIZE
                    ? RunSpec.resynthesis(item.sourceRun(), RunOrigin.TOPIC_REPLAY, share, requestedBy)
                    : new RunSpec(null, null, false, Map.of(), RunOrigin.TOPIC_REPLAY, share, requestedBy);
            RunService.Accepted accepted = runs.start(item.scanId(), spec,
                    Optional.of("replay:" + jobId + ":" + item.sourceRun()));
            sql("update replay_item set new_run = ?, started_at = now() where job_id = ? and scan_id = ? and source_run = ?",
                    accepted.run(), jobId, item.scanId(), item.sourceRun());
            started.add(new Started(item.scanId(), item.sourceRun(), accepted.run()));
        }
        sql("update replay_job set status = 'COMPLETED', finished_at = now(), updated_at = now() where id = ?", jobId);
        return new Replayed(jobId, selection, List.copyOf(started));
    }

    private record Item(UUID scanId, int sourceRun, String action) {
    }

    private List<Item> items(UUID jobId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select scan_id, source_run, action from replay_item where job_id = ? order by scan_id, source_run")) {
            statement.setObject(1, jobId);
            List<Item> items = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(new Item(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the items of replay job " + jobId + ": " + e.getMessage(), e);
        }
    }

    private void sql(String statementText, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(statementText)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("replay job bookkeeping failed: " + e.getMessage(), e);
        }
    }

    /** A new run started for a selected one. */
    public record Started(UUID scanId, int sourceRun, int newRun) {
    }

    /** The job, what its selection found, and the runs it started. */
    public record Replayed(UUID jobId, TopicReplay.Selection selection, List<Started> runs) {
    }
}
