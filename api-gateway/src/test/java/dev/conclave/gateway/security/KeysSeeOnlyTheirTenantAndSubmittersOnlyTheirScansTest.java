package dev.conclave.gateway.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key sees only its tenant's scans, and a submitter only the scans its own key submitted. Anything
 * else answers 404 with the same text as an id that does not exist, never 403: an answer does not say
 * whether another tenant's scan exists.
 */
@QuarkusTest
class KeysSeeOnlyTheirTenantAndSubmittersOnlyTheirScansTest {
    private static final String SCAN = """
            {"name": "%s", "files": [{"path": "README.md", "content": "# Tenant test\\n"}]}""";

    private String t1;
    private String submitterA;
    private String submitterB;
    private String viewerT1;
    private String viewerT2;
    private String adminT2;

    @BeforeEach
    void keys() {
        String run = Long.toString(System.nanoTime(), 36);
        t1 = "t1-" + run;
        String t2 = "t2-" + run;
        submitterA = TestKeys.create("submitter a", "submitter", t1);
        submitterB = TestKeys.create("submitter b", "submitter", t1);
        viewerT1 = TestKeys.create("viewer t1", "viewer", t1);
        viewerT2 = TestKeys.create("viewer t2", "viewer", t2);
        adminT2 = TestKeys.create("admin t2", "admin", t2);
    }

    private String submit(String key, String name) {
        return TestKeys.as(key).contentType("application/json").body(SCAN.formatted(name))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
    }

    @Test
    void aSubmitterReadsItsOwnScansOnly() {
        String scan = submit(submitterA, "mine-" + t1);
        String missing = notFoundText(UUID.randomUUID().toString(), submitterA).replaceAll("[0-9a-f-]{36}", "ID");

        TestKeys.as(submitterA).when().get("/api/v1/scans/" + scan).then().statusCode(200);
        TestKeys.as(submitterA).when().get("/api/v1/scans").then().statusCode(200).body("scanId", hasItem(scan));

        assertEquals(missing, notFoundText(scan, submitterB).replaceAll("[0-9a-f-]{36}", "ID"),
                "another submitter's scan reads as one that does not exist");
        TestKeys.as(submitterB).when().get("/api/v1/scans").then().statusCode(200).body("scanId", not(hasItem(scan)));
        TestKeys.as(submitterB).when().get("/api/v1/scans/" + scan + "/runs").then().statusCode(404);
        TestKeys.as(submitterB).when().post("/api/v1/scans/" + scan + "/cancel").then().statusCode(404);
        TestKeys.as(submitterB).contentType("application/json").body("{}")
                .when().post("/api/v1/scans/" + scan + "/runs").then().statusCode(404);

        TestKeys.as(viewerT1).when().get("/api/v1/scans/" + scan).then().statusCode(200);
        TestKeys.as(viewerT1).when().get("/api/v1/scans").then().statusCode(200).body("scanId", hasItem(scan));
    }

    @Test
    void anotherTenantGets404OnTheScanItsRunsEventsAndCancel() {
        String scan = submit(submitterA, "theirs-" + t1);
        String missing = notFoundText(UUID.randomUUID().toString(), viewerT2).replaceAll("[0-9a-f-]{36}", "ID");

        assertEquals(missing, notFoundText(scan, viewerT2).replaceAll("[0-9a-f-]{36}", "ID"));
        TestKeys.as(viewerT2).when().get("/api/v1/scans").then().statusCode(200).body("scanId", not(hasItem(scan)));
        TestKeys.as(viewerT2).when().get("/api/v1/scans/" + scan + "/runs").then().statusCode(404);
        TestKeys.as(viewerT2).when().get("/api/v1/scans/" + scan + "/runs/1").then().statusCode(404);
        TestKeys.as(viewerT2).when().get("/api/v1/scans/" + scan + "/runs/diff").then().statusCode(404);
        TestKeys.as(viewerT2).when().get("/api/v1/scans/" + scan + "/events").then().statusCode(404);
        TestKeys.as(adminT2).when().post("/api/v1/scans/" + scan + "/cancel").then().statusCode(404)
                .body("error", equalTo(missing.replace("ID", scan)));
        TestKeys.as(adminT2).contentType("application/json").body("{}")
                .when().post("/api/v1/scans/" + scan + "/runs").then().statusCode(404);
        // The operator's own admin is a tenant like any other here.
        org.hamcrest.MatcherAssert.assertThat(notFoundText(scan, AuthenticatedRestAssured.bootstrapKey()),
                containsString("no scan " + scan));
    }

    @Test
    void aViewerCannotSubmitCancelOrRerun() {
        String scan = submit(submitterA, "viewer-" + t1);
        TestKeys.as(viewerT1).contentType("application/json").body(SCAN.formatted("nope"))
                .when().post("/api/v1/scans").then().statusCode(403)
                .body("error", containsString("role viewer"))
                .body("error", containsString("submitter or admin"));
        TestKeys.as(viewerT1).when().post("/api/v1/scans/" + scan + "/cancel").then().statusCode(403);
        TestKeys.as(viewerT1).contentType("application/json").body("{}")
                .when().post("/api/v1/scans/" + scan + "/runs").then().statusCode(403);
    }

    @Test
    void anIdempotencyKeyIsTheTenantsOwn() {
        String idempotency = "same-" + t1;
        String first = TestKeys.as(submitterA).header("Idempotency-Key", idempotency).contentType("application/json")
                .body(SCAN.formatted("idem-" + t1)).when().post("/api/v1/scans").then().statusCode(202)
                .extract().path("scanId");
        String other = TestKeys.as(adminT2).header("Idempotency-Key", idempotency).contentType("application/json")
                .body(SCAN.formatted("idem-" + t1)).when().post("/api/v1/scans").then().statusCode(202)
                .header("Idempotent-Replayed", "false").extract().path("scanId");
        assertNotEquals(first, other, "another tenant's key never returns this tenant's scan");
        TestKeys.as(submitterB).header("Idempotency-Key", idempotency).contentType("application/json")
                .body(SCAN.formatted("idem-" + t1)).when().post("/api/v1/scans").then().statusCode(409)
                .body("field", equalTo("Idempotency-Key"))
                .body(not(containsString(first)));
        TestKeys.as(submitterA).header("Idempotency-Key", idempotency).contentType("application/json")
                .body(SCAN.formatted("idem-" + t1)).when().post("/api/v1/scans").then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("scanId", equalTo(first));
    }

    private static String notFoundText(String scan, String key) {
        return TestKeys.as(key).when().get("/api/v1/scans/" + scan).then().statusCode(404).extract().path("error");
    }
}
