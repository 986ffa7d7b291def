package dev.conclave.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC statements with positional parameters, for the paths where an ORM's per-statement cost
 * shows in the profile (issue 11). Instants are bound as {@code timestamptz} values, null as SQL null;
 * rows come back as arrays of the driver's objects.
 */
public final class Sql {

    /** Statements on one connection. */
    @FunctionalInterface
    public interface Step<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code step} on a connection of {@code database} (inside a JTA transaction: that transaction's
     * connection). A database failure is rethrown as {@link Failed}, naming {@code what}, with the
     * {@link SQLException} as its cause, so that {@link Failures} can tell whether it is worth retrying.
     */
    public static <T> T withConnection(DataSource database, String what, Step<T> step) {
        try (Connection connection = database.getConnection()) {
            return step.run(connection);
        } catch (SQLException e) {
            throw new Failed(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code step} as one local transaction on a connection of {@code database}: committed when the
     * step returns, rolled back when it throws. For the hot paths (issue 11): a JTA transaction's
     * interceptor, enlistment and two-phase bookkeeping cost more than the statements of a short
     * fan-in step. Must not run inside a JTA transaction (the pool refuses to turn off auto-commit on a
     * connection enlisted in one). A database failure is rethrown as {@link Failed}, like
     * {@link #withConnection}; if the commit itself fails the outcome is unknown to the caller, as with
     * any commit.
     */
    public static <T> T inTransaction(DataSource database, String what, Step<T> step) {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = step.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                // A broken connection fails these too: that must not hide why the step failed.
                try {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new Failed(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs a query (or a statement with {@code returning}); every row, each as the driver's column objects. */
    public static List<Object[]> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<Object[]> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getObject(i + 1);
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    /** Binds {@code parameters} in order: an {@link Instant} as a UTC {@code timestamptz}, null as SQL null. */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value); // the driver's type for strings, numbers, booleans and UUIDs
            }
        }
    }

    /** A {@code timestamptz} column's value as an instant (the driver returns a Timestamp or an OffsetDateTime). */
    public static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** A statement the database refused; its {@link SQLException} cause says whether it is worth retrying. */
    public static final class Failed extends RuntimeException {
        Failed(String message, SQLException cause) {
            super(message, cause);
        }
    }

    private Sql() {
    }
}
