package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a call costs in USD, from {@code conclave.llm.prices."provider/model".prompt} and
 * {@code .completion} (USD per million tokens). Used to cost calls whose provider reports no cost
 * of its own and to try the cheapest of interchangeable models first.
 *
 * <p>The arithmetic is {@link BigDecimal} throughout and exact: a price times a token count, moved
 * six places left, loses nothing, so a cost summed over thousands of calls is still to the cent what
 * the provider bills. Validating the prices (present, not negative) is start-up validation's job.
 */
@ApplicationScoped
public class PriceTable {
    private static final int PER_MILLION = 6;

    private final LlmConfig config;

    public PriceTable(LlmConfig config) {
        this.config = config;
    }

    /** What a call of these sizes costs on this model, when the table has its price. */
    public Optional<BigDecimal> cost(ModelRef model, long promptTokens, long completionTokens) {
        return price(model).map(price -> price.prompt().multiply(BigDecimal.valueOf(promptTokens))
                .add(price.completion().multiply(BigDecimal.valueOf(completionTokens)))
                .movePointLeft(PER_MILLION));
    }

    /** The configured price of the model, if any. */
    public Optional<LlmConfig.Price> price(ModelRef model) {
        return Optional.ofNullable(config.prices().get(model.toString()));
    }
}
