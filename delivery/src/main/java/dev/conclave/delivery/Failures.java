package dev.conclave.delivery;

import dev.conclave.model.WireFormatException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts failures by looking through the whole cause chain: frameworks wrap the failure that
 * matters (Hibernate wraps the driver's {@link SQLException}, futures wrap the producer's error).
 * Dependencies are recognised by type where the type is on every classpath, by package name where
 * it is not (Hibernate, Vert.x), so this class needs none of them.
 */
public final class Failures {
    /** SQLState classes of a database that is unreachable, restarting, overloaded, or asking for a retry. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "58", "40", "HY");
    /** SQLState classes of data that can never be stored as it is (bad value, constraint). */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23");

    /** What {@code failure} means for the message whose processing threw it. */
    public static FailureKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof WireFormatException) {
                return FailureKind.PERMANENT;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.length() >= 2 && PERMANENT_SQL_CLASSES.contains(state.substring(0, 2))) {
                    return FailureKind.PERMANENT;
                }
                // No state: the pool could not hand out a connection (acquisition timeout, refused).
                return state == null || TRANSIENT_SQL_CLASSES.contains(state.substring(0, Math.min(2, state.length())))
                        ? FailureKind.TRANSIENT : FailureKind.UNEXPECTED;
            }
            if (isDependencyType(t)) {
                return FailureKind.TRANSIENT;
            }
        }
        return FailureKind.UNEXPECTED;
    }

    /**
     * The dependency a transient failure waits for: {@code postgresql}, {@code kafka}, {@code redis}
     * or {@code network}; {@code unknown} when none is recognised.
     */
    public static String dependency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof SQLException || name.startsWith("org.hibernate.") || name.startsWith("io.agroal.")
                    || name.startsWith("org.postgresql.") || name.startsWith("jakarta.persistence.")) {
                return "postgresql";
            }
            if (name.startsWith("org.apache.kafka.")) {
                return "kafka";
            }
            if (name.startsWith("io.vertx.redis.") || name.startsWith("io.quarkus.redis.")
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("redis")) {
                return "redis";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().startsWith("io.vertx.")) {
                return "network";
            }
        }
        return "unknown";
    }

    private static boolean isDependencyType(Throwable t) {
        String name = t.getClass().getName();
        return t instanceof IOException // ConnectException, SocketTimeoutException, closed connections
                || t instanceof java.util.concurrent.TimeoutException
                || name.equals("org.apache.kafka.common.errors.RetriableException")
                || isKafkaRetriable(t)
                || name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("jakarta.persistence.QueryTimeoutException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.startsWith("io.vertx.core.http.ConnectionPoolTooBusyException")
                || name.equals("io.vertx.core.VertxException") && String.valueOf(t.getMessage()).contains("onnection");
    }

    private static boolean isKafkaRetriable(Throwable t) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals("org.apache.kafka.common.errors.RetriableException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")
                    || name.equals("org.apache.kafka.common.errors.DisconnectException")) {
                return true;
            }
        }
        return false;
    }

    private Failures() {
    }
}
