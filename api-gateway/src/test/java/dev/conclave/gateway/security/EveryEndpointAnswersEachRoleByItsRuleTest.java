package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the OpenAPI document with no key and with a key of each role (of a tenant of
 * its own, so every id is unknown to it): no key is 401, a role the rule leaves out is 403, a role it
 * lets in gets past security (2xx, or the 400/404/409 of the request itself). An operation without a
 * rule here fails the test, so a new endpoint must say who may call it.
 */
@QuarkusTest
class EveryEndpointAnswersEachRoleByItsRuleTest {
    private static final Set<String> READERS = Set.of("submitter", "viewer", "admin");
    private static final Set<String> SUBMITTERS = Set.of("submitter", "admin");
    private static final Set<String> ADMINS = Set.of("admin");

    /** Who may call an operation: the rule the resources' @RolesAllowed must match. */
    private static Set<String> rule(String method, String path) {
        if (path.startsWith("/api/v1/keys") || path.startsWith("/api/v1/replays") || path.startsWith("/api/v1/dead-letters")) {
            return ADMINS;
        }
        if (path.startsWith("/api/v1/scans")) {
            return method.equals("get") ? READERS : SUBMITTERS;
        }
        throw new AssertionError("no rule for " + method.toUpperCase() + " " + path + ": add it to this test and "
                + "put @RolesAllowed on the resource method");
    }

    @Test
    void everyOperationRefusesTheRolesItsRuleLeavesOut() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("paths.'/api/v1/keys'.get.security", org.hamcrest.Matchers.notNullValue())
                .extract().path("paths");
        String tenant = "walk-" + Long.toString(System.nanoTime(), 36);
        Map<String, String> keys = Map.of(
                "submitter", TestKeys.create("walk submitter", "submitter", tenant),
                "viewer", TestKeys.create("walk viewer", "viewer", tenant),
                "admin", TestKeys.create("walk admin", "admin", tenant));
        List<String> walked = new ArrayList<>();
        paths.forEach((template, operations) -> operations.keySet().forEach(method -> {
            String path = template.replace("{id}", UUID.randomUUID().toString()).replace("{run}", "1");
            Set<String> allowed = rule(method, template);
            assertEquals(401, call(given().header("Authorization", ""), method, path),
                    method + " " + template + " without a key");
            keys.forEach((role, key) -> {
                int status = call(TestKeys.as(key), method, path);
                String what = method.toUpperCase() + " " + template + " as " + role + ": " + status;
                if (allowed.contains(role)) {
                    assertTrue(status != 401 && status != 403 && status < 500, what);
                } else {
                    assertEquals(403, status, what);
                }
            });
            walked.add(method.toUpperCase() + " " + template);
        }));
        assertTrue(walked.size() >= 20, "the document lists every endpoint: " + walked);
        System.out.println("walked " + walked.size() + " operations x 4 callers: " + walked);
    }

    private static int call(RequestSpecification request, String method, String path) {
        RequestSpecification withBody = request.contentType("application/json").body("{}");
        return switch (method) {
            case "get" -> request.when().get(path).statusCode();
            case "post" -> withBody.when().post(path).statusCode();
            case "delete" -> request.when().delete(path).statusCode();
            case "put" -> withBody.when().put(path).statusCode();
            default -> throw new AssertionError("no call for method " + method + " of " + path);
        };
    }
}
