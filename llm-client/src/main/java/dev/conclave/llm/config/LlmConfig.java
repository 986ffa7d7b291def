package dev.conclave.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Models, providers and limits: configuration, not code (DESIGN.md §4). */
@ConfigMapping(prefix = "conclave.llm")
public interface LlmConfig {

    /** The chain used by a role that has none of its own. */
    @WithDefault("offline/conclave-offline-1")
    List<String> defaultChain();

    /** Per role: its chain of models (primary first) and its prompt version. */
    Map<String, RoleConfig> roles();

    /** Per provider: limits. Providers not listed get the defaults of {@link ProviderConfig}. */
    Map<String, ProviderConfig> providers();

    Offline offline();

    /** Name of this instance in metrics rows; defaults to host name and process id. */
    Optional<String> instance();

    interface RoleConfig {
        Optional<List<String>> chain();

        @WithDefault("v1")
        String promptVersion();
    }

    interface ProviderConfig {
        /** Requests per minute for the whole fleet, per model; 0 means no limit (the offline simulator only). */
        @WithDefault("20")
        int requestsPerMinute();

        /** Requests that may start at once above the steady rate. */
        @WithDefault("1")
        int burst();
    }

    interface Offline {
        /** Simulated latency of each offline answer. */
        @WithDefault("200ms")
        Duration latency();
    }
}
