package dev.conclave.llm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configuration that cannot work is refused at start-up with a line naming the setting to fix. */
class BadModelConfigurationRefusesToStartTest {
    private static final Map<String, String> OPENROUTER = Map.of(
            "conclave.llm.providers.offline.kind", "offline",
            "conclave.llm.providers.offline.requires-key", "false",
            "conclave.llm.providers.openrouter.base-url", "https://openrouter.ai/api/v1",
            "conclave.llm.providers.openrouter.api-key-env", "OPENROUTER_API_KEY",
            "conclave.llm.roles.architect.chain", "openrouter/meta-llama/llama-3.3-70b-instruct:free");

    private static List<String> problems(Map<String, String> base, String... more) {
        Map<String, String> properties = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(LlmConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return LlmConfigValidator.problems(config.getConfigMapping(LlmConfig.class));
    }

    @Test
    void workingConfigurationHasNoProblems() {
        assertEquals(List.of(), problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc"));
    }

    @Test
    void retryPolicyThatCannotWorkIsRefused() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.retry.max-attempts", "0",
                "conclave.llm.retry.backoff-base", "-1s", "conclave.llm.retry.deadline", "0s");

        assertEquals(List.of("conclave.llm.retry.max-attempts must be at least 1, not 0",
                "conclave.llm.retry needs 0 < backoff-base <= backoff-cap",
                "conclave.llm.retry.deadline must be positive (all attempts at one model together), not PT0S"), problems);
    }

    @Test
    void noKeyAnywhereFallsBackToOfflineInsteadOfRefusing() {
        assertEquals(List.of(), problems(OPENROUTER));
    }

    @Test
    void providerInUseWithoutItsKeyIsRefusedWhenOfflineFallbackIsOff() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.offline-without-keys", "false");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("provider 'openrouter' is in a chain but has no API key: set OPENROUTER_API_KEY"),
                problems.get(0));
    }

    @Test
    void secondProviderWithoutKeyIsRefusedWhenAnotherHasOne() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc",
                "conclave.llm.providers.openai.base-url", "https://api.openai.com/v1",
                "conclave.llm.roles.business.chain", "openai/gpt-4o-mini");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("provider 'openai' is in a chain but has no API key: set "
                + "conclave.llm.providers.openai.api-key"), problems.get(0));
    }

    @Test
    void keylessProviderBesideAnOfflineRoleIsRefusedSinceNoFallbackHappens() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.roles.business.chain", "offline/conclave-offline-1");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("provider 'openrouter' is in a chain but has no API key"), problems.get(0));
    }

    @Test
    void chainNamingAnUnknownProviderIsRefused() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc",
                "conclave.llm.roles.business.chain", "anthropik/claude");

        assertEquals(List.of("conclave.llm.roles.business.chain names anthropik/claude but no provider 'anthropik' is"
                + " configured: set conclave.llm.providers.anthropik.base-url (and its api-key), or fix the chain"),
                problems);
    }

    @Test
    void chainEntryThatIsNoModelReferenceIsRefused() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc",
                "conclave.llm.roles.business.chain", "gpt-4o");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("conclave.llm.roles.business.chain names 'gpt-4o', which is not"
                + " provider/model"), problems.get(0));
    }

    @Test
    void negativePriceIsRefused() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc",
                "conclave.llm.prices.\"openrouter/openai/gpt-4o-mini\".prompt", "-0.15",
                "conclave.llm.prices.\"openrouter/openai/gpt-4o-mini\".completion", "0.60");

        assertEquals(List.of("conclave.llm.prices.\"openrouter/openai/gpt-4o-mini\" has a negative price (-0.15 / 0.60"
                + " USD per million tokens)"), problems);
    }

    @Test
    void unknownProviderKindIsRefused() {
        List<String> problems = problems(OPENROUTER, "conclave.llm.providers.openrouter.api-key", "sk-or-v1-abc",
                "conclave.llm.providers.openrouter.kind", "anthropic");

        assertEquals(List.of("conclave.llm.providers.openrouter.kind is 'anthropic'; use one of [openai, offline]"),
                problems.stream().map(p -> p.replace("[offline, openai]", "[openai, offline]")).toList());
    }
}
