package dev.conclave.scanner.compress;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts the tokens a text costs a model. The compressor takes one as a parameter so that a caller that
 * already holds a counter (llm-client's, in a service) can pass it and budgets agree to the token.
 */
@FunctionalInterface
public interface TokenMeter {

    int count(String text);

    /** cl100k_base via jtokkit, the encoding the rest of Conclave counts with. Thread-safe. */
    static TokenMeter cl100k() {
        var encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        return text -> text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
