package dev.conclave.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.runtime.QuarkusFlywayClassProvider;
import io.quarkus.flyway.runtime.QuarkusFlywayResourceProvider;
import io.quarkus.flyway.runtime.QuarkusPathLocationScanner;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the tables a service uses up to date before anything of it starts. Every table has one owning
 * module (docs/architecture.md, "Tables"), and each owner has a Flyway history of its own: its migrations
 * under {@code db/<module>} and its history table {@code flyway_history_<module>}. A service names in
 * {@code quarkus.flyway.locations} the owners of every table it reads or writes, and runs their histories
 * here, one after the other; so whichever service starts first creates what it needs, and the start order
 * does not matter. Services that start together take turns: one PostgreSQL advisory lock, held for all of a
 * service's histories, lets one service migrate at a time, and the next finds the work done. (Flyway's own lock
 * per history table is not enough: two services starting one history at once on a schema that holds other
 * tables both decide to baseline it, and the second fails on the table the first just created.)
 *
 * <p>Before these histories, one history ({@code flyway_schema_history}, V1 to V12) held every table. Each
 * module's V1 is its tables as V12 left them, all {@code IF NOT EXISTS}: on such a database it changes nothing.
 * A database whose single history stopped before V12 is refused, since a V1 that skips existing tables would
 * leave it half migrated.
 *
 * <p>Quarkus' own migrate-at-start runs one history per datasource; this runs several on the one datasource,
 * with Quarkus' build-time list of the migration files (the classpath is not scanned at run time).
 */
@ApplicationScoped
public class SchemaHistories {
    private static final Logger LOG = Logger.getLogger(SchemaHistories.class);
    private static final String LOCATION_PREFIX = "db/";
    /** The history every table had before, and the last version it had, which each module's V1 equals. */
    private static final String SINGLE_HISTORY = "flyway_schema_history";
    private static final String SINGLE_HISTORY_LAST = "12";
    /** The advisory lock key of the schema's migrations, held by one service at a time ("conclave" in ASCII). */
    private static final long MIGRATIONS_LOCK = 0x636f6e636c617665L;

    /** Before the scheduler (priority {@code PLATFORM_BEFORE}) and every consumer start. */
    void migrateAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent start,
            AgroalDataSource database, @ConfigProperty(name = "quarkus.flyway.locations") List<String> locations) {
        migrate(database, locations).forEach((location, result) -> LOG.infof("%s: %d migration(s) applied, at version %s",
                historyTable(location), result.migrationsExecuted,
                // Flyway names a target version only when it applied something; else the version it found stands.
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion));
    }

    /**
     * Applies the history of each of {@code locations} ({@code db/<module>}) to {@code database}, in order, while
     * holding the migrations' advisory lock (waiting for it while another service holds it).
     */
    public static Map<String, MigrateResult> migrate(DataSource database, List<String> locations) {
        return Sql.withConnection(database, "migrating " + locations, lock -> {
            execute(lock, "select pg_advisory_lock(" + MIGRATIONS_LOCK + ")");
            try {
                refuseUnfinishedSingleHistory(lock);
                Map<String, MigrateResult> results = new LinkedHashMap<>();
                locations.forEach(location -> results.put(location, migrate(database, location)));
                return results;
            } finally {
                execute(lock, "select pg_advisory_unlock(" + MIGRATIONS_LOCK + ")");
            }
        });
    }

    private static MigrateResult migrate(DataSource database, String location) {
        Location where = new Location(location);
        FluentConfiguration config = Flyway.configure()
                .dataSource(database)
                .locations(where)
                .table(historyTable(location))
                // The schema holds other modules' tables (or the single history of before) when this history
                // starts: a baseline below V1 records that, and V1 still runs (its statements are IF NOT EXISTS).
                .baselineOnMigrate(true)
                .baselineVersion("0");
        QuarkusPathLocationScanner files = new QuarkusPathLocationScanner(config, List.of(where));
        config.resourceProvider(new QuarkusFlywayResourceProvider(files.scanForResources()))
                .javaMigrationClassProvider(new QuarkusFlywayClassProvider<>(files.scanForClasses()));
        return config.load().migrate();
    }

    private static void refuseUnfinishedSingleHistory(Connection connection) throws SQLException {
        boolean unfinished = exists(connection, "select to_regclass('" + SINGLE_HISTORY + "') is not null")
                && !exists(connection, "select exists (select 1 from " + SINGLE_HISTORY + " where version = '"
                        + SINGLE_HISTORY_LAST + "' and success)");
        if (unfinished) {
            throw new IllegalStateException(SINGLE_HISTORY + " stops before V" + SINGLE_HISTORY_LAST + ": start the"
                    + " release before the per-module histories against this database once, then this one");
        }
    }

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(query);
        }
    }

    /** {@code db/llm-client} keeps its history in {@code flyway_history_llm_client}. */
    public static String historyTable(String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        String module = path.startsWith(LOCATION_PREFIX) ? path.substring(LOCATION_PREFIX.length()) : "";
        if (module.isEmpty() || module.contains("/")) {
            throw new IllegalStateException("quarkus.flyway.locations: '" + location
                    + "' is not a module's history; name one folder per owning module, e.g. db/gateway,db/llm-client");
        }
        return "flyway_history_" + module.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
