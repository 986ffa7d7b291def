package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/** Prices per million tokens from configuration. Placeholder: knows no prices yet. */
@ApplicationScoped
public class PriceTable {

    /** What a call of these sizes costs on this model, when the table has its price. */
    public Optional<BigDecimal> cost(ModelRef model, long promptTokens, long completionTokens) {
        return Optional.empty();
    }
}
