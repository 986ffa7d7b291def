package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.security.AuthenticatedRestAssured;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.service.ScanQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A follower of a scan's events polls its status with one narrow query: while the stream is open, the
 * status query runs again and again and no scan entity (the row holding the digest) is loaded. Loading
 * the scan itself does count, so the count would show a digest read.
 */
@QuarkusTest
class EventStreamsPollTheStatusWithoutLoadingTheDigestTest {

    @Inject
    SessionFactory sessions;

    @TestHTTPResource("/")
    URI base;

    @Test
    void pollsLoadNoScanEntity() {
        String scanId = given().contentType("application/json").body(Projects.greeter("status-only-" + System.nanoTime()))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
        Statistics statistics = sessions.getStatistics();
        long loadsBefore = scanLoads(statistics);
        long pollsBefore = statusPolls(statistics);

        HttpClient http = HttpClient.newHttpClient();
        try {
            // The scan stays QUEUED (no workers here), so the stream stays open and keeps polling.
            http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/events"))
                    .header("Authorization", "Bearer " + AuthenticatedRestAssured.bootstrapKey()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(20)).alias("status polls; queries seen: " + List.of(statistics.getQueries()))
                    .until(() -> statusPolls(statistics) >= pollsBefore + 4);
            assertEquals(loadsBefore, scanLoads(statistics), "an event stream's polls must not load the scan and its digest");
        } finally {
            http.shutdownNow();
        }

        // GET /api/v1/scans/{id} reads narrow columns too now; loading the entity (as a re-run does) shows the
        // count would have seen a digest read.
        QuarkusTransaction.requiringNew().run(() -> ScanEntity.findById(UUID.fromString(scanId)));
        assertTrue(scanLoads(statistics) > loadsBefore, "loading the scan counts: the count would have shown a digest read");
    }

    /** Runs of the status query (a native query: Hibernate counts it under its SQL as sent). */
    private static long statusPolls(Statistics statistics) {
        return Stream.of(statistics.getQueries()).filter(query -> query.startsWith(ScanQueries.STATUS_QUERY.substring(0, 60)))
                .mapToLong(query -> statistics.getQueryStatistics(query).getExecutionCount()).sum();
    }

    private static long scanLoads(Statistics statistics) {
        return statistics.getEntityStatistics(ScanEntity.class.getName()).getLoadCount();
    }
}
