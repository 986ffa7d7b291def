package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.ModelRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group {@code a|b|c} is ordered by what this call would cost there; the chain around it stays as configured. */
class InterchangeableModelsAreTriedCheapestFirstTest {
    // "prompt-heavy" is cheap to read and dear to write; "balanced" the other way round; "unpriced" has no price.
    private final ModelRouter router = TestConfig.router(TestConfig.of(Map.of(
            "conclave.llm.roles.architect.chain",
            "openrouter/anthropic/claude-sonnet-4,openrouter/unpriced|openrouter/prompt-heavy|openrouter/balanced,"
                    + TestConfig.OFFLINE,
            "conclave.llm.providers.openrouter.api-key", "test-key",
            "conclave.llm.prices.\"openrouter/prompt-heavy\".prompt", "0.10",
            "conclave.llm.prices.\"openrouter/prompt-heavy\".completion", "2.00",
            "conclave.llm.prices.\"openrouter/balanced\".prompt", "0.50",
            "conclave.llm.prices.\"openrouter/balanced\".completion", "0.50")), new TestConfig.ManualClock());

    @Test
    void aLongPromptWithAShortAnswerGoesToTheModelCheapToRead() {
        assertEquals(models("openrouter/anthropic/claude-sonnet-4", "openrouter/prompt-heavy", "openrouter/balanced",
                "openrouter/unpriced", TestConfig.OFFLINE), router.route("architect", 12_000, 500));
    }

    @Test
    void aShortPromptWithALongAnswerGoesToTheModelCheapToWrite() {
        assertEquals(models("openrouter/anthropic/claude-sonnet-4", "openrouter/balanced", "openrouter/prompt-heavy",
                "openrouter/unpriced", TestConfig.OFFLINE), router.route("architect", 500, 12_000));
    }

    @Test
    void aRoleWithoutAChainUsesTheDefaultChain() {
        assertEquals(models(TestConfig.OFFLINE), router.route("business", 1_000, 1_000));
    }

    private static List<ModelRef> models(String... names) {
        return java.util.Arrays.stream(names).map(ModelRef::parse).toList();
    }
}
