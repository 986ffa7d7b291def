package dev.conclave.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.SchemaHistories;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database that the gateway alone migrated, V1 to V12 in {@code flyway_schema_history} (the files are kept
 * under test resources {@code db/single-history}), is taken over by the per-module histories: every row stays,
 * the tables go on working, and each module's history starts at its V1. One that stopped before V12 is refused.
 */
@QuarkusTest
class DatabaseOfTheSingleHistoryIsUpgradedWithoutLosingARowTest {
    private static final String OLD_HISTORY = "filesystem:src/test/resources/db/single-history";
    private static final List<String> MODULES = List.of("db/gateway", "db/aggregator", "db/llm-client");
    private static final List<String> TABLES = List.of("scan", "scan_run", "outbox", "aggregation", "role_result",
            "model_call", "cache_event", "dead_letter", "replay_job", "replay_item", "api_key");

    @Test
    void everyRowOfTheSingleHistoryIsKeptAndEachModuleTakesOverItsTables() throws SQLException {
        PGSimpleDataSource database = emptySchema("upgrade_" + System.nanoTime());
        Flyway.configure().dataSource(database).locations(OLD_HISTORY).load().migrate();
        run(database, """
                insert into scan (id, name, roles, digest, deadline_seconds, created_at, tenant)
                    values ('00000000-0000-0000-0000-000000000001', 'kept', '["architect"]', '{}', 60, now(), 'acme');
                insert into scan_run (scan_id, run, origin, roles, requested_at)
                    values ('00000000-0000-0000-0000-000000000001', 1, 'SUBMITTED', '["architect"]', now());
                insert into outbox (topic, message_key, payload) values ('scan.requests', 'k', '{}');
                insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at)
                    values ('00000000-0000-0000-0000-000000000001', 1, '{}', '["architect"]', 'OPEN', now(), now());
                insert into role_result (scan_id, run, role, outcome, received_at, carried_from_run)
                    values ('00000000-0000-0000-0000-000000000001', 1, 'architect', 'SUCCEEDED', now(), 1);
                insert into model_call (scan_id, run, role, provider, requested_model, attempt, outcome, latency_ms,
                        started_at, finished_at, tenant)
                    values ('00000000-0000-0000-0000-000000000001', 1, 'architect', 'offline', 'm', 1, 'SUCCEEDED', 5,
                        now(), now(), 'acme');
                insert into cache_event (scan_id, run, role, provider, model, cache_key, event, at)
                    values ('00000000-0000-0000-0000-000000000001', 1, 'architect', 'offline', 'm', 'key', 'MISS', now());
                insert into dead_letter (dlq_partition, dlq_offset, dead_lettered_at) values (0, 7, now());
                insert into replay_job (id, kind, status, selection, share, max_in_flight, created_at, updated_at)
                    values ('00000000-0000-0000-0000-000000000002', 'BULK', 'COMPLETED', '{}', 0.2, 5, now(), now());
                insert into replay_item (job_id, scan_id, source_run, action)
                    values ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 1, 'RERUN');
                insert into api_key (id, tenant, name, prefix, hash, role, created_at, created_by)
                    values ('00000000-0000-0000-0000-000000000003', 'acme', 'ci', 'abc', 'h', 'ADMIN', now(), 'bootstrap');
                """);

        SchemaHistories.migrate(database, MODULES);

        for (String table : TABLES) {
            assertEquals(List.of("1"), rows(database, "select count(*) from " + table), table + " keeps its row");
        }
        assertEquals(List.of("acme|1"), rows(database, "select tenant, carried_from_run from scan s"
                + " join role_result r on r.scan_id = s.id"), "the rows are as they were written");
        for (String module : MODULES) {
            assertEquals(List.of("0|BASELINE|t", "1|SQL|t"), rows(database, "select version, type, success from "
                    + SchemaHistories.historyTable(module) + " order by installed_rank"), module);
        }
        // The tables go on as before: serial ids continue, defaults apply.
        run(database, """
                insert into model_call (scan_id, run, role, provider, requested_model, attempt, outcome, latency_ms,
                        started_at, finished_at)
                    values ('00000000-0000-0000-0000-000000000001', 1, 'aggregator', 'offline', 'm', 1, 'SUCCEEDED', 5,
                        now(), now());
                """);
        assertEquals(List.of("1|acme", "2|default"), rows(database, "select id, tenant from model_call order by id"));
    }

    @Test
    void aDatabaseWhoseSingleHistoryStoppedBeforeV12IsRefused() throws SQLException {
        PGSimpleDataSource database = emptySchema("upgrade_partial_" + System.nanoTime());
        Flyway.configure().dataSource(database).locations(OLD_HISTORY).target("8").load().migrate();

        for (String module : MODULES) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SchemaHistories.migrate(database, List.of(module)));
            assertTrue(refused.getMessage().contains("flyway_schema_history stops before V12"), refused::getMessage);
        }
    }

    /** A schema of its own in the test database, so the old history starts on nothing. */
    private static PGSimpleDataSource emptySchema(String schema) throws SQLException {
        Config config = ConfigProvider.getConfig();
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(database::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(database::setPassword);
        run(database, "create schema " + schema);
        database.setCurrentSchema(schema);
        return database;
    }

    private static void run(PGSimpleDataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each row's columns joined with '|'. */
    private static List<String> rows(PGSimpleDataSource database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(row.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
