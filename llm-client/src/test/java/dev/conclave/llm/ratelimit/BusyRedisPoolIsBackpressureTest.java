package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.cache.CacheEvents;
import dev.conclave.llm.cache.CacheKey;
import dev.conclave.llm.cache.CachedAnswer;
import dev.conclave.llm.cache.CallScope;
import dev.conclave.llm.cache.ResponseCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every Redis client of llm-client squeezed to one connection (and one waiting command), with far
 * more callers than that: they queue for the connection, and that is all. Every permit still comes
 * from the fleet bucket (a busy pool is no outage) and every stored answer is found again (a busy
 * pool is no miss).
 */
@QuarkusTest
@TestProfile(BusyRedisPoolIsBackpressureTest.OneConnection.class)
class BusyRedisPoolIsBackpressureTest {
    private static final int CALLERS = 200;

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(new LimitedProviders().getConfigOverrides());
            for (String client : List.of("ratelimit", "cache", "progress")) {
                overrides.put("quarkus.redis." + client + ".max-pool-size", "1");
                overrides.put("quarkus.redis." + client + ".max-pool-waiting", "1");
            }
            return overrides;
        }
    }

    @Inject
    RateLimiter limiter;
    @Inject
    ResponseCache cache;

    @Test
    void manyAcquiresOnOneConnectionAreAllGrantedByTheFleet() throws Exception {
        // A bucket so wide nothing waits for the rate: every caller goes to Redis at once.
        ModelRef model = new ModelRef(LimitedProviders.WIDE, LimitedProviders.unique("busy-pool"));
        List<Permit> permits = all(IntStream.range(0, CALLERS).<Callable<Permit>>mapToObj(i -> () -> limiter.acquire(model, 0))
                .toList());

        Map<LimitMode, Long> byMode = new HashMap<>();
        permits.forEach(p -> byMode.merge(p.mode(), 1L, Long::sum));
        System.out.printf("busy pool: %d concurrent acquires on 1 connection: %s; longest wait %d ms%n", CALLERS, byMode,
                permits.stream().mapToLong(Permit::waitedMs).max().orElse(0));
        assertEquals(Map.of(LimitMode.FLEET, (long) CALLERS), byMode);
        assertEquals(LimitMode.FLEET, limiter.status().mode());
    }

    @Test
    void manyLookupsOnOneConnectionFindEveryStoredAnswer() throws Exception {
        List<CallScope> scopes = IntStream.range(0, CALLERS).mapToObj(i -> CacheEvents.newScope()).toList();
        List<CacheKey> keys = scopes.stream().map(s -> cache.key(s.model(), CacheEvents.requestFor(s))).toList();
        CachedAnswer answer = CacheEvents.answer();
        all(IntStream.range(0, CALLERS).<Callable<Void>>mapToObj(i -> () -> {
            cache.store(keys.get(i), answer, scopes.get(i));
            return null;
        }).toList());

        List<Optional<CachedAnswer>> found = all(IntStream.range(0, CALLERS)
                .<Callable<Optional<CachedAnswer>>>mapToObj(i -> () -> cache.lookup(keys.get(i), scopes.get(i))).toList());

        long misses = found.stream().filter(Optional::isEmpty).count();
        System.out.printf("busy pool: %d concurrent lookups on 1 connection: %d misses%n", CALLERS, misses);
        assertEquals(0, misses, "lookups missed stored answers because the pool was busy");
        assertTrue(CacheEvents.of(scopes.get(0).scanId()).stream().anyMatch(e -> e.event.equals("HIT")));
    }

    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = callers.invokeAll(tasks);
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
