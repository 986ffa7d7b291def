package dev.conclave.llm.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conclave.llm.ModelRef;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Redis dies (or hangs) mid-run: calls continue at this instance's share of the limit (20/s ÷ 2 live
 * instances = 10/s), each failing fast, and health says so; Redis comes back on the same port and
 * the fleet-wide bucket decides again.
 */
@QuarkusTest
@TestProfile(OwnRedis.class)
class RedisOutageFallsBackToTheLocalShareTest {
    private static final Duration OUTAGE_RUN = Duration.ofSeconds(3);

    @Inject
    RateLimiter limiter;
    @Inject
    RedisDataSource redis;
    @TestHTTPResource("/q/health/ready")
    URI readiness;

    OwnRedisServer server;

    @Test
    void anOutageFallsBackToTheShareAndRecoveryResumesTheFleet() throws Exception {
        ModelRef model = new ModelRef(OwnRedis.SHARED, LimitedProviders.unique("outage"));
        // A second instance is alive: the share is half of the limit.
        long inTenMinutes = System.currentTimeMillis() + 600_000;
        redis.execute("ZADD", FleetBuckets.INSTANCES, Long.toString(inTenMinutes), "another-worker");
        for (int i = 0; i < 3; i++) {
            assertEquals(LimitMode.FLEET, limiter.acquire(model, 0).mode());
        }
        assertEquals("fleet", rateLimiterCheck().path("data").path("mode").asText());

        server.kill();
        long first = System.nanoTime();
        Permit afterKill = limiter.acquire(model, 0);
        long firstMs = (System.nanoTime() - first) / 1_000_000;
        assertEquals(LimitMode.LOCAL_SHARE, afterKill.mode());
        assertTrue(firstMs < 1_500, "the first acquire after the outage took " + firstMs + " ms");
        System.out.printf("outage: first acquire after the kill took %d ms%n", firstMs);

        ConcurrentLinkedQueue<Permit> permits = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + OUTAGE_RUN.toNanos();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Permit permit = limiter.acquire(model, 0);
                        if (System.nanoTime() < deadline) {
                            permits.add(permit);
                        }
                    }
                    return null;
                });
            }
        }
        double rate = permits.size() / (double) OUTAGE_RUN.toSeconds();
        long slowest = permits.stream().mapToLong(Permit::waitedMs).max().orElse(0);
        JsonNode check = rateLimiterCheck();
        System.out.printf("outage: %d permits in %d s = %.1f/s at the local share (expected 10/s); "
                + "longest wait %d ms; health %s%n", permits.size(), OUTAGE_RUN.toSeconds(), rate, slowest, check);

        assertTrue(permits.stream().allMatch(p -> p.mode() == LimitMode.LOCAL_SHARE));
        assertTrue(rate >= 8 && rate <= 11.5, "local share ran at " + rate + "/s, not about 10/s");
        assertEquals("DOWN", check.path("status").asText());
        assertEquals("local-share", check.path("data").path("mode").asText());
        assertEquals("1/2 of each limit", check.path("data").path("share").asText());
        assertEquals(2, check.path("data").path("live-instances").asInt());

        server.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.acquire(model, 0).mode() == LimitMode.FLEET);
        List<Permit> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(limiter.acquire(model, 0));
        }
        assertTrue(after.stream().allMatch(p -> p.mode() == LimitMode.FLEET), after.toString());
        JsonNode recovered = rateLimiterCheck();
        assertEquals("UP", recovered.path("status").asText());
        assertEquals("fleet", recovered.path("data").path("mode").asText());
    }

    @Test
    void aRedisThatAnswersNothingCostsACallAtMostTheRedisTimeout() {
        ModelRef model = new ModelRef(OwnRedis.SHARED, LimitedProviders.unique("stalled"));
        assertEquals(LimitMode.FLEET, limiter.acquire(model, 0).mode());

        server.freeze();
        try {
            long started = System.nanoTime();
            Permit permit = limiter.acquire(model, 0);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("stalled Redis: acquire answered in %d ms (redis-timeout 500 ms), mode %s%n", tookMs, permit.mode());
            assertEquals(LimitMode.LOCAL_SHARE, permit.mode());
            assertTrue(tookMs < 1_500, "a stalled Redis held the call for " + tookMs + " ms");
        } finally {
            server.thaw();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.acquire(model, 0).mode() == LimitMode.FLEET);
    }

    private JsonNode rateLimiterCheck() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("rate-limiter")) {
                return check;
            }
        }
        throw new AssertionError("no rate-limiter check in " + response.body());
    }
}
