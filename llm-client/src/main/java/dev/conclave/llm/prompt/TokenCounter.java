package dev.conclave.llm.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts tokens with a real BPE tokenizer (cl100k_base via jtokkit), the encoding of the
 * OpenAI-compatible models Conclave talks to; other models' tokenizers differ by a few per cent,
 * which the rate limiter settles from the reported usage.
 *
 * <p>Counting is most of a worker's CPU (issue 11), and the same text is counted again and again: the
 * prompt library counts a prompt, the offline provider counts it again, the three roles and the synthesis
 * embed the same digest in different templates, and fitting a prompt to its budget re-counts everything
 * but the dropped part. So a text is cut into pieces at <em>safe boundaries</em> and each piece's count is
 * remembered in a bounded memo (least recently used pieces go first, {@link #MEMO_CHARS} characters in
 * all). The sum of the pieces' counts is exactly jtokkit's count of the whole text, because cl100k splits
 * a text into pre-tokens before its byte-pair merges, and no pre-token ever spans a safe boundary: a
 * position right after {@code \n} or {@code \r} that is followed only by spaces or tabs and then a
 * printable non-space ASCII character (every line start of pretty-printed JSON, for instance). No
 * pre-token pattern of cl100k continues past a line break into spaces and a visible character, nor does
 * any lookahead before that position depend on what follows it; {@code TokenCountIsExactTest} checks
 * this against jtokkit on prompts and on random texts full of line breaks and whitespace.
 *
 * <p>Where to cut among the safe boundaries depends only on the line just before (content-defined, as
 * in rsync), so the digest is cut the same way whatever template surrounds it and its pieces are found
 * again for the next role.
 */
@ApplicationScoped
public class TokenCounter {
    /** Characters of remembered pieces in all (strings of mostly ASCII: about this many bytes). */
    static final int MEMO_CHARS = 2_000_000;
    /** A safe boundary is used as a cut after a line whose hash has these bits clear: every ~16 lines. */
    private static final int CUT_MASK = 0xF;
    /** Pieces shorter than this are not worth a memo entry; they are counted with their neighbour. */
    private static final int MIN_PIECE = 256;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private final Memo memo;

    public TokenCounter() {
        this(MEMO_CHARS);
    }

    TokenCounter(int memoChars) {
        this.memo = new Memo(memoChars);
    }

    /** Exactly jtokkit's {@code countTokensOrdinary(text)}, from remembered pieces where it can. */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int total = 0;
        int start = 0;
        int lineHash = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lineHash = 31 * lineHash + c;
            if (c == '\n' || c == '\r') {
                int next = i + 1;
                if ((mix(lineHash) & CUT_MASK) == 0 && next - start >= MIN_PIECE && safeBoundary(text, next)) {
                    total += piece(text.substring(start, next));
                    start = next;
                }
                lineHash = 0;
            }
        }
        return total + piece(start == 0 ? text : text.substring(start));
    }

    /** Characters the memo holds now (for tests: it never exceeds its bound). */
    long memoChars() {
        return memo.chars();
    }

    /** The count of a piece that starts and ends at safe boundaries (or the text's own ends). */
    private int piece(String piece) {
        Integer known = memo.get(piece);
        if (known != null) {
            return known;
        }
        // Counted outside the memo's lock: two threads may count the same new piece, both exactly.
        int counted = encoding.countTokensOrdinary(piece);
        memo.put(piece, counted);
        return counted;
    }

    /**
     * True when a pre-token boundary of cl100k lies at {@code at}, given that {@code text.charAt(at - 1)} is
     * {@code \n} or {@code \r}: only spaces and tabs follow up to a printable non-space ASCII character.
     */
    static boolean safeBoundary(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            return c > ' ' && c < 0x7F;
        }
        return false;
    }

    /** Spreads a line's {@link String#hashCode()}-style hash so its low bits decide cuts evenly. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** The longest beginning of {@code text} that fits in {@code maxTokens} tokens. */
    public String truncate(String text, int maxTokens) {
        if (text == null || maxTokens <= 0) {
            return "";
        }
        var encoded = encoding.encodeOrdinary(text, maxTokens);
        return encoded.isTruncated() ? encoding.decode(encoded.getTokens()) : text;
    }

    /** Least recently used pieces first out, bounded by their characters in all; one lock, held briefly. */
    private static final class Memo {
        private final int capacity;
        private final LinkedHashMap<String, Integer> counts = new LinkedHashMap<>(1024, 0.75f, true);
        private long chars;

        Memo(int capacity) {
            this.capacity = capacity;
        }

        synchronized long chars() {
            return chars;
        }

        synchronized Integer get(String piece) {
            return counts.get(piece);
        }

        synchronized void put(String piece, int count) {
            if (piece.length() > capacity || counts.put(piece, count) != null) {
                return;
            }
            chars += piece.length();
            var oldest = counts.entrySet().iterator();
            while (chars > capacity && oldest.hasNext()) {
                Map.Entry<String, Integer> out = oldest.next();
                chars -= out.getKey().length();
                oldest.remove();
            }
        }
    }
}
