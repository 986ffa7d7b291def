package dev.conclave.systemtests.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the services wrote to PostgreSQL: the tables of the fleet's own schema, which the services
 * created at start (each module's Flyway history under {@code db/<module>}). Tests only read; every write
 * in the database comes from a service.
 */
public final class Database {
    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Creates {@code schema}, empty, in the database of {@code infrastructure}; returns a reader of its tables. */
    static Database emptySchema(Infrastructure infrastructure, String schema) {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.dbUser(),
                infrastructure.dbPassword()); Statement create = connection.createStatement()) {
            create.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the fleet's schema " + schema + " in "
                    + infrastructure.jdbcUrl() + " (the user needs CREATE on the database): " + e.getMessage(), e);
        }
        return new Database(infrastructure.jdbcUrl(schema), infrastructure.dbUser(), infrastructure.dbPassword());
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** One row of {@code role_result}. */
    public record RoleResultRow(String role, String outcome, JsonNode analysis, String provider, String model,
            boolean offline, String workerInstance, Instant completedAt, Instant receivedAt) {
    }

    /**
     * One row of {@code model_call}. {@code grantedAt} is when the rate limiter granted the attempt by
     * the granter's clock (Redis' for the fleet bucket): the truth about what the limiter allowed.
     * {@code startedAt} is when the worker started the call, some scheduling later.
     */
    public record ModelCallRow(long id, String role, String provider, String outcome, int totalTokens,
            boolean cacheHit, boolean simulated, String workerInstance, java.math.BigDecimal costUsd,
            String answeringModel, String rateLimitMode, Instant startedAt, long rateLimitWaitMs, Instant grantedAt) {
    }

    /** The row of {@code aggregation} for one scan run. */
    public record AggregationRow(String status, List<String> missingRoles, JsonNode report, Instant completedAt) {
    }

    public List<RoleResultRow> roleResults(UUID scanId, int run) {
        return query("""
                select role, outcome, analysis::text, provider, model, offline, worker_instance, completed_at, received_at
                from role_result where scan_id = ? and run = ? order by role""", scanId, run,
                rs -> new RoleResultRow(rs.getString(1), rs.getString(2), json(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), instant(rs, 8), instant(rs, 9)));
    }

    public List<ModelCallRow> modelCalls(UUID scanId, int run) {
        return query("""
                select id, role, provider, outcome, total_tokens, cache_hit, simulated, worker_instance, cost_usd,
                       answering_model, rate_limit_mode, started_at, rate_limit_wait_ms, granted_at
                from model_call where scan_id = ? and run = ? order by id""", scanId, run,
                rs -> new ModelCallRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                        rs.getString(11), instant(rs, 12), rs.getLong(13), instant(rs, 14)));
    }

    public Optional<AggregationRow> aggregation(UUID scanId, int run) {
        return query("""
                select status, missing_roles::text, report::text, completed_at
                from aggregation where scan_id = ? and run = ?""", scanId, run,
                rs -> new AggregationRow(rs.getString(1), strings(json(rs.getString(2))), json(rs.getString(3)),
                        instant(rs, 4)))
                .stream().findFirst();
    }

    /** The digest the gateway stored for a scan (what the workers were sent). */
    public JsonNode digest(UUID scanId) {
        return query("select digest::text from scan where id = ? and current_run >= ?", scanId, 1,
                rs -> json(rs.getString(1))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no scan row for " + scanId));
    }

    /** How many scans have a name matching the SQL {@code like} pattern. */
    public int scansNamedLike(String pattern) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("select count(*) from scan where name like ?")) {
            statement.setString(1, pattern);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count scans named like " + pattern + ": " + e.getMessage(), e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, UUID scanId, int run, RowMapper<T> mapper) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, scanId);
            statement.setInt(2, run);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return WireJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON in the database: " + text, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
