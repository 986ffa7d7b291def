package dev.conclave.llm.ratelimit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Points Quarkus' Redis client at a redis-server of the test's own ({@link OwnRedisServer}), so a
 * test can stop and restart it; the test gets the server injected into its {@code OwnRedisServer}
 * field. One provider, {@link #SHARED}: 20 requests per second, burst 1.
 */
public class OwnRedis implements QuarkusTestProfile {
    static final String SHARED = "rl-shared-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    public Map<String, String> getConfigOverrides() {
        String p = "conclave.llm.providers." + SHARED + ".limits.";
        return Map.of(p + "requests", "20", p + "period", "1s", p + "burst", "1", p + "redis-timeout", "500ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts the server before Quarkus, kills it after the test class. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        private OwnRedisServer server;

        @Override
        public Map<String, String> start() {
            server = OwnRedisServer.onFreePort();
            server.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + server.port());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server, new TestInjector.MatchesType(OwnRedisServer.class));
        }

        @Override
        public void stop() {
            server.kill();
        }
    }
}
