package dev.conclave.llm.metrics;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.Attempt;
import dev.conclave.llm.routing.PriceTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Where the cost in an attempt's {@code model_call} row comes from: the simulator is free; otherwise the
 * provider's own figure where it reports one, else nothing for an attempt that used no tokens, else the
 * price table's ({@code conclave.llm.prices.*}), else unknown.
 */
@ApplicationScoped
public class AttemptCost {
    private final PriceTable prices;

    public AttemptCost(PriceTable prices) {
        this.prices = prices;
    }

    /**
     * A cost and where it came from.
     *
     * @param usd    null when unknown
     * @param source {@code model_call.cost_source}: PROVIDER, PRICE_TABLE, FREE or NONE
     */
    public record Cost(BigDecimal usd, String source) {
        /** Nothing was spent that anyone could know of (no answer arrived, or no call started). */
        public static final Cost NONE = new Cost(BigDecimal.ZERO, "NONE");
        static final Cost FREE = new Cost(BigDecimal.ZERO, "FREE");
    }

    /** What {@code attempt} at {@code model} cost; {@code simulated} for the offline provider. */
    public Cost of(ModelRef model, boolean simulated, Attempt attempt) {
        if (simulated) {
            return Cost.FREE;
        }
        if (attempt.costUsd() != null) {
            return new Cost(attempt.costUsd(), "PROVIDER");
        }
        if (attempt.promptTokens() + attempt.completionTokens() == 0) {
            return Cost.NONE;
        }
        Optional<BigDecimal> priced = prices.cost(model, attempt.promptTokens(), attempt.completionTokens());
        return new Cost(priced.orElse(null), priced.isPresent() ? "PRICE_TABLE" : "NONE");
    }
}
