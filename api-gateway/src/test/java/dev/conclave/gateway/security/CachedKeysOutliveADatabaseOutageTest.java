package dev.conclave.gateway.security;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL stopped, a key looked up within conclave.auth.cache-ttl still authenticates (here on
 * the OpenAPI document, which needs no database); a key not in memory gets 503 with Retry-After, never a
 * 401 that would tell a client its good key is bad; a key asked for meanwhile is refused with 503 and
 * never created. Stops and restarts the test stack's PostgreSQL.
 */
@QuarkusTest
class CachedKeysOutliveADatabaseOutageTest {

    @Test
    void aCachedKeyAuthenticatesAndAnUncachedOneIsToldToRetry() throws Exception {
        String cached = TestKeys.create("cached", "viewer", "default");
        String uncached = TestKeys.create("uncached", "viewer", "default");
        String lost = "created during the outage " + System.nanoTime();
        given().when().get("/api/v1/keys").then().statusCode(200);
        TestKeys.as(cached).when().get("/q/openapi").then().statusCode(200);

        stack("stop-service", "postgres");
        try {
            long cachedMs = TestKeys.as(cached).when().get("/q/openapi").then().statusCode(200).extract().time();
            long refusedMs = TestKeys.as(uncached).when().get("/q/openapi").then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("error", containsString("API keys cannot be checked now"))
                    .body("error", containsString("retry")).extract().time();
            System.out.printf("PostgreSQL stopped: cached key answered in %d ms, uncached key refused (503) in %d ms%n",
                    cachedMs, refusedMs);
            // The bootstrap admin is cached too: its key works, the database write does not.
            given().contentType("application/json").body("{\"name\": \"" + lost + "\", \"role\": \"viewer\"}")
                    .when().post("/api/v1/keys").then().statusCode(503).header("Retry-After", "5")
                    .body("error", containsString("the key was not created"));
        } finally {
            stack("start-service", "postgres");
        }
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                TestKeys.as(uncached).when().get("/q/openapi").then().statusCode(200));
        System.out.printf("the uncached key authenticated %d ms after PostgreSQL was ready again%n",
                (System.nanoTime() - restarted) / 1_000_000);
        given().when().get("/api/v1/keys").then().statusCode(200).body("name", not(hasItem(lost)));
    }

    private static void stack(String command, String service) throws IOException, InterruptedException {
        Path script = Path.of("..", "deploy", "local", "stack.sh");
        if (!Files.isExecutable(script)) {
            throw new AssertionError("this test needs the local stack script at " + script.toAbsolutePath());
        }
        ProcessBuilder builder = new ProcessBuilder(script.toString(), command, service).inheritIO();
        // With its connection variable set, stack.sh takes a service for someone else's and leaves it alone.
        List.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_REDIS_HOSTS")
                .forEach(builder.environment()::remove);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new AssertionError("stack.sh " + command + " " + service + " failed (exit " + process.exitValue() + ")");
        }
    }
}
