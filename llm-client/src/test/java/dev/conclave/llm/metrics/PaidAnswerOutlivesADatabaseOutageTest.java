package dev.conclave.llm.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelCaller;
import dev.conclave.llm.cache.CacheEventRecord;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.CuttableLink;
import dev.conclave.llm.support.CuttablePostgres;
import dev.conclave.llm.support.SampleDigests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while a model is answering: the answer is not thrown away. Writing its
 * metrics row waits (readiness names postgresql meanwhile) until the database is back, then the
 * row is there and the answer is returned, as if nothing had happened.
 */
@QuarkusTest
@TestProfile(CuttablePostgres.class)
class PaidAnswerOutlivesADatabaseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @Inject
    ModelCaller models;
    @TestHTTPResource("/q/health/ready")
    URI readiness;

    CuttableLink database;

    @Test
    void theRowWaitsForTheDatabaseAndTheAnswerIsReturned() throws Exception {
        UUID scanId = UUID.randomUUID();
        try (var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<AnalysisAnswer> call = CompletableFuture.supplyAsync(() -> models.analyse(
                    AnalysisTask.specialist(scanId, 1, "architect", SampleDigests.greeter(), true)), caller);
            // Bypassing the cache (an earlier test may have stored this very answer), the BYPASS row is
            // written before the (3 s) simulated model answers: cut the database then.
            await().atMost(Duration.ofSeconds(10)).until(() -> !cacheEvents(scanId).isEmpty());
            database.cut();
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    assertFalse(call.isDone(), () -> "the call ended before its row met the outage: "
                            + (call.isCompletedExceptionally() ? call.exceptionNow() : call.resultNow()));
                    return waitingFor(dependencies()).contains("postgresql");
                });
                Thread.sleep(OUTAGE.toMillis());
                assertFalse(call.isDone(), () -> "the call ended while its metrics row could not be written: "
                        + (call.isCompletedExceptionally() ? call.exceptionNow() : call.resultNow()));
                System.out.printf("database outage: readiness says %s%n", dependencies());
            } finally {
                database.restore();
            }
            AnalysisAnswer answer = call.get(30, TimeUnit.SECONDS);

            assertTrue(answer.analysis().has("architecture_assessment"), answer.analysis().toString());
            List<ModelCallRecord> rows = CallRows.of(scanId);
            assertEquals(1, rows.size(), "one model_call row for the one attempt");
            assertEquals("SUCCEEDED", rows.get(0).outcome);
            assertEquals(List.of("BYPASS", "STORE"), cacheEvents(scanId).stream().map(e -> e.event).toList());
            await().atMost(Duration.ofSeconds(5)).until(() -> !waitingFor(dependencies()).contains("postgresql"));
        }
    }

    private static List<CacheEventRecord> cacheEvents(UUID scanId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CacheEventRecord.<CacheEventRecord>list("scanId = ?1 order by id", scanId));
    }

    private static String waitingFor(JsonNode check) {
        return check.path("data").toString();
    }

    private JsonNode dependencies() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("dependencies")) {
                return check;
            }
        }
        throw new AssertionError("no dependencies check in " + response.body());
    }
}
