package dev.conclave.gateway.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

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
 * 401 that would tell a client its good key is bad. Stops and restarts the test stack's PostgreSQL.
 */
@QuarkusTest
class CachedKeysOutliveADatabaseOutageTest {

    @Test
    void aCachedKeyAuthenticatesAndAnUncachedOneIsToldToRetry() throws Exception {
        String cached = TestKeys.create("cached", "viewer", "default");
        String uncached = TestKeys.create("uncached", "viewer", "default");
        TestKeys.as(cached).when().get("/q/openapi").then().statusCode(200);

        stack("stop-service", "postgres");
        try {
            TestKeys.as(cached).when().get("/q/openapi").then().statusCode(200);
            TestKeys.as(uncached).when().get("/q/openapi").then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("error", containsString("API keys cannot be checked now"))
                    .body("error", containsString("retry"));
        } finally {
            stack("start-service", "postgres");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                TestKeys.as(uncached).when().get("/q/openapi").then().statusCode(200));
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
