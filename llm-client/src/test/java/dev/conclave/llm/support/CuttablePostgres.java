package dev.conclave.llm.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Points the datasource at the test stack's PostgreSQL through a {@link CuttableLink}, injected into
 * the test's {@code CuttableLink} field, so a test can take the database away and give it back.
 * Short pool and retry timings, so an outage and the recovery after it take seconds.
 */
public class CuttablePostgres implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                "quarkus.datasource.jdbc.login-timeout", "2s",
                "conclave.delivery.retry-cap", "500ms",
                // Long enough to cut the link while the (simulated) model is answering.
                "conclave.llm.offline.latency", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Link.class));
    }

    /** Opens the link before Quarkus starts, closes it after the test class. */
    public static class Link implements QuarkusTestResourceLifecycleManager {
        private CuttableLink link;

        @Override
        public Map<String, String> start() {
            String url = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                    .orElseGet(() -> System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
            if (url == null) {
                throw new IllegalStateException("no PostgreSQL to link to: set QUARKUS_DATASOURCE_JDBC_URL"
                        + " (eval \"$(deploy/local/stack.sh env)\")");
            }
            URI target = URI.create(url.substring("jdbc:".length()));
            link = new CuttableLink(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
            String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + link.port() + path);
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(link, new TestInjector.MatchesType(CuttableLink.class));
        }

        @Override
        public void stop() {
            link.close();
        }
    }
}
