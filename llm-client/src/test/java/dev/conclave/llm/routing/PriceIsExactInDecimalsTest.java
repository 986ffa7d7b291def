package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices per million tokens give costs to the last digit, for model ids with '/', '.' and ':'. */
class PriceIsExactInDecimalsTest {
    private static final ModelRef LLAMA = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct");
    private static final ModelRef FREE = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct:free");

    private final PriceTable prices = new PriceTable(TestConfig.of(Map.of(
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct\".prompt", "0.13",
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct\".completion", "0.39",
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct:free\".prompt", "0",
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct:free\".completion", "0")));

    @Test
    void costIsPromptAndCompletionTokensAtTheirPricePerMillion() {
        // 1834 × 0.13 + 412 × 0.39 = 238.42 + 160.68 = 399.10 USD per million → 0.0003991
        assertEquals(0, new BigDecimal("0.0003991").compareTo(prices.cost(LLAMA, 1834, 412).orElseThrow()));
    }

    @Test
    void manySmallCallsAddUpWithoutRoundingDrift() {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 10_000; i++) {
            total = total.add(prices.cost(LLAMA, 1, 1).orElseThrow());
        }
        assertEquals(0, new BigDecimal("0.0052").compareTo(total), total.toPlainString());
    }

    @Test
    void aFreeModelCostsZeroAndAnUnpricedOneHasNoCost() {
        assertEquals(0, BigDecimal.ZERO.compareTo(prices.cost(FREE, 50_000, 4_000).orElseThrow()));
        assertTrue(prices.cost(ModelRef.parse("openai/gpt-4o"), 10, 10).isEmpty());
    }
}
