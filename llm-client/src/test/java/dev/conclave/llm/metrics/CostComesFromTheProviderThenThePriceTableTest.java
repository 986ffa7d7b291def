package dev.conclave.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.Attempt;
import dev.conclave.llm.routing.PriceTable;
import dev.conclave.llm.routing.TestConfig;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An attempt's cost: the simulator's is free, the provider's own figure wins, then the price table's. */
class CostComesFromTheProviderThenThePriceTableTest {
    private static final ModelRef PRICED = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct");
    private static final ModelRef UNPRICED = ModelRef.parse("openai/gpt-4o");

    private final AttemptCost costs = new AttemptCost(new PriceTable(TestConfig.of(Map.of(
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct\".prompt", "0.13",
            "conclave.llm.prices.\"openrouter/meta-llama/llama-3.3-70b-instruct\".completion", "0.39"))));

    @Test
    void theSimulatorIsFreeWhateverItReports() {
        assertEquals(new AttemptCost.Cost(BigDecimal.ZERO, "FREE"), costs.of(PRICED, true, attempt(1834, 412, "0.5")));
    }

    @Test
    void theProvidersOwnFigureWinsOverThePriceTable() {
        assertEquals(new AttemptCost.Cost(new BigDecimal("0.0021"), "PROVIDER"),
                costs.of(PRICED, false, attempt(1834, 412, "0.0021")));
    }

    @Test
    void withoutAFigureThePriceTableCostsTheTokens() {
        AttemptCost.Cost cost = costs.of(PRICED, false, attempt(1834, 412, null));
        assertEquals("PRICE_TABLE", cost.source());
        assertEquals(0, new BigDecimal("0.0003991").compareTo(cost.usd()), cost.usd().toPlainString());
    }

    @Test
    void noTokensCostNothingAndAnUnpricedModelIsUnknown() {
        assertEquals(AttemptCost.Cost.NONE, costs.of(UNPRICED, false, attempt(0, 0, null)));
        AttemptCost.Cost unknown = costs.of(UNPRICED, false, attempt(10, 10, null));
        assertEquals("NONE", unknown.source());
        assertNull(unknown.usd());
    }

    static Attempt attempt(int promptTokens, int completionTokens, String costUsd) {
        return new Attempt(1, "m", Attempt.Outcome.SUCCEEDED, null, null, null, 200, "m", promptTokens,
                completionTokens, costUsd == null ? null : new BigDecimal(costUsd), "gen-1", 40L, 900, null, null);
    }
}
