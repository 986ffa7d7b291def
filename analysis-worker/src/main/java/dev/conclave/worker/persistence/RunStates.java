package dev.conclave.worker.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads (never writes) what the gateway and the aggregator know about a run: whether it was cancelled
 * ({@code scan_run.cancel_requested_at}) or the scan has a newer run ({@code scan.current_run}), both
 * the gateway's tables, and whether this run is closed ({@code aggregation.status}, the aggregator's
 * table). Plain JDBC: three columns, no entities. This read is what stops a cancelled run when the
 * Redis announcement of its cancel was missed.
 */
@ApplicationScoped
public class RunStates {
    private static final String QUERY = """
            SELECT (SELECT current_run FROM scan WHERE id = ?),
                   (SELECT status FROM aggregation WHERE scan_id = ? AND run = ?),
                   (SELECT cancel_requested_at IS NOT NULL FROM scan_run WHERE scan_id = ? AND run = ?)""";

    private final DataSource dataSource;

    public RunStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Why a run needs no analysis any more, e.g. {@code "run 1 is cancelled"}, {@code "run 1 is closed
     * (COMPLETED)"} or {@code "run 1 is superseded by run 2"}; empty while it is open (or not known yet).
     */
    public Optional<String> whyNotNeeded(UUID scanId, int run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setObject(1, scanId);
            statement.setObject(2, scanId);
            statement.setInt(3, run);
            statement.setObject(4, scanId);
            statement.setInt(5, run);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int currentRun = row.getInt(1);
                boolean scanKnown = !row.wasNull();
                String status = row.getString(2);
                if (row.getBoolean(3)) {
                    return Optional.of("run " + run + " is cancelled");
                }
                if (status != null && !status.equals("OPEN") && !status.equals("SYNTHESIZING")) {
                    return Optional.of("run " + run + " is closed (" + status + ")");
                }
                if (scanKnown && run < currentRun) {
                    return Optional.of("run " + run + " is superseded by run " + currentRun);
                }
                return Optional.empty();
            }
        }
    }
}
