package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.MetricsScrape;
import dev.conclave.gateway.security.AuthenticatedRestAssured;
import dev.conclave.gateway.security.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A submission and a re-run move the gateway's accepted-runs counter of their origin at /q/metrics (Prometheus
 * format), beside the outbox backlog; the metrics count every tenant's scans, so they are an operator admin's
 * only: no key is 401, another tenant's admin 403.
 */
@QuarkusTest
class AcceptedScansShowInTheGatewaysMetricsTest {
    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aSubmissionAndARerunAreCountedByOrigin() throws Exception {
        MetricsScrape before = MetricsScrape.of(metrics, AuthenticatedRestAssured.bootstrapKey());

        String scanId = given().contentType("application/json").body(Projects.greeter("metrics-" + System.nanoTime()))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
        given().contentType("application/json").body("{\"roles\": [\"architect\", \"deployment\", \"business\"]}")
                .when().post("/api/v1/scans/" + scanId + "/runs").then().statusCode(202);

        MetricsScrape after = MetricsScrape.of(metrics, AuthenticatedRestAssured.bootstrapKey());
        assertEquals(1, after.since(before, "conclave_scans_accepted_total", "origin=\"SUBMITTED\""),
                after.samples("conclave_scans_accepted_total").toString());
        assertEquals(1, after.since(before, "conclave_scans_accepted_total", "origin=\"RERUN\""),
                after.samples("conclave_scans_accepted_total").toString());
        assertTrue(after.sum("conclave_outbox_backlog") >= 0, "the backlog is a series");
        assertTrue(after.sum("conclave_outbox_oldest_age_seconds") >= 0, "so is the age of its oldest row");
    }

    @Test
    void withoutAKeyTheMetricsAreRefusedAndWithAnotherTenantsAdminKeyForbidden() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(metrics).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), answer.body());
        }
        String otherAdmin = TestKeys.create("metrics-admin-" + System.nanoTime(), "admin", "t2");
        TestKeys.as(otherAdmin).when().get("/q/metrics").then().statusCode(403);
        String viewer = TestKeys.create("metrics-viewer-" + System.nanoTime(), "viewer", "default");
        TestKeys.as(viewer).when().get("/q/metrics").then().statusCode(403);
    }
}
