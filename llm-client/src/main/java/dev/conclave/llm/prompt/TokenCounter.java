package dev.conclave.llm.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts tokens with a real BPE tokenizer (cl100k_base via jtokkit), the encoding of the
 * OpenAI-compatible models Conclave talks to; other models' tokenizers differ by a few per cent,
 * which the rate limiter settles from the reported usage.
 */
@ApplicationScoped
public class TokenCounter {
    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** The longest beginning of {@code text} that fits in {@code maxTokens} tokens. */
    public String truncate(String text, int maxTokens) {
        if (text == null || maxTokens <= 0) {
            return "";
        }
        var encoded = encoding.encodeOrdinary(text, maxTokens);
        return encoded.isTruncated() ? encoding.decode(encoded.getTokens()) : text;
    }
}
