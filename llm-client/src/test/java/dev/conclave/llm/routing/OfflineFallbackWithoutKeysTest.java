package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no key for any provider in the role chains every role answers offline, and the router says what to set. */
class OfflineFallbackWithoutKeysTest {
    private static final List<ModelRef> OFFLINE = List.of(ModelRef.parse(TestConfig.OFFLINE));
    private static final Map<String, String> OPENROUTER_CHAINS = Map.of(
            "conclave.llm.roles.architect.chain", "openrouter/meta-llama/llama-3.3-70b-instruct:free",
            "conclave.llm.roles.aggregator.chain", "openrouter/qwen/qwen-2.5-72b-instruct|openrouter/mistralai/mistral-small",
            "conclave.llm.providers.openrouter.base-url", "https://openrouter.ai/api/v1",
            "conclave.llm.providers.openrouter.api-key-env", "OPENROUTER_API_KEY");

    @Test
    void everyRoleRoutesToTheDefaultChainAndTheReasonNamesTheVariable() {
        ModelRouter router = router(OPENROUTER_CHAINS);

        assertTrue(router.offlineFallback());
        assertEquals(OFFLINE, router.route("architect", 1_000, 1_000));
        assertEquals(OFFLINE, router.route("aggregator", 1_000, 1_000));
        String reason = router.offlineFallbackReason().orElseThrow();
        assertTrue(reason.contains("OPENROUTER_API_KEY"), reason);
        assertTrue(reason.contains(TestConfig.OFFLINE), reason);
    }

    @Test
    void aBlankKeyIsNoKey() {
        Map<String, String> properties = new HashMap<>(OPENROUTER_CHAINS);
        properties.put("conclave.llm.providers.openrouter.api-key", " ");

        assertTrue(router(properties).offlineFallback());
    }

    @Test
    void aKeyMeansTheChainsAreUsed() {
        Map<String, String> properties = new HashMap<>(OPENROUTER_CHAINS);
        properties.put("conclave.llm.providers.openrouter.api-key", "test-key");
        ModelRouter router = router(properties);

        assertFalse(router.offlineFallback());
        assertEquals(List.of(ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct:free")),
                router.route("architect", 1_000, 1_000));
    }

    @Test
    void aLocalServerThatTakesNoKeyIsUsable() {
        Map<String, String> properties = new HashMap<>(OPENROUTER_CHAINS);
        properties.put("conclave.llm.roles.business.chain", "ollama/llama3.1:8b");
        properties.put("conclave.llm.providers.ollama.base-url", "http://localhost:11434/v1");
        properties.put("conclave.llm.providers.ollama.requires-key", "false");

        assertFalse(router(properties).offlineFallback());
    }

    @Test
    void chainsNamingOnlyTheOfflineProviderAreNoFallback() {
        ModelRouter router = router(Map.of("conclave.llm.roles.architect.chain", TestConfig.OFFLINE));

        assertFalse(router.offlineFallback());
        assertEquals(OFFLINE, router.route("architect", 1_000, 1_000));
    }

    @Test
    void switchedOffTheChainsAreUsedAsConfigured() {
        Map<String, String> properties = new HashMap<>(OPENROUTER_CHAINS);
        properties.put("conclave.llm.offline-without-keys", "false");

        assertFalse(router(properties).offlineFallback());
    }

    private static ModelRouter router(Map<String, String> properties) {
        return TestConfig.router(TestConfig.of(properties), new TestConfig.ManualClock());
    }
}
