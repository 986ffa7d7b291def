package dev.conclave.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The remembered counts are jtokkit's own: a text counted from memoised pieces gives exactly the number
 * jtokkit gives for the whole text, on prompts and on random texts made of what breaks tokenizers
 * (line breaks, runs of spaces and tabs, Unicode spaces, contractions, digits, punctuation).
 */
class TokenCountIsExactTest {
    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final String[] ALPHABET = {"\n", "\n", "\r", "\r\n", " ", " ", "  ", "\t", "a", "Zeb", "é", "ß",
        "word", "'s", "'ll", "'", "7", "123", "4567", "{", "}", "\"", ":", ",", "[", "]", "-", "_", "#", "/",
        "\u00a0", "\u2028", "\u3000", "\u000b", "\f", "\u0085", "日本", "😀", ".\n", ":\n", "\n}", "\n  \"k\""};

    private static String randomText(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    @Test
    void noPreTokenSpansASafeBoundary() {
        Random random = new Random(11);
        int boundaries = 0;
        for (int round = 0; round < 400; round++) {
            String text = randomText(random, 40 + random.nextInt(80));
            int whole = JTOKKIT.countTokensOrdinary(text);
            for (int at = 1; at < text.length(); at++) {
                char before = text.charAt(at - 1);
                if ((before == '\n' || before == '\r') && TokenCounter.safeBoundary(text, at)) {
                    boundaries++;
                    assertEquals(whole, JTOKKIT.countTokensOrdinary(text.substring(0, at))
                            + JTOKKIT.countTokensOrdinary(text.substring(at)), "split at " + at + " of " + text);
                }
            }
        }
        assertTrue(boundaries > 1_000, "the random texts had " + boundaries + " safe boundaries to check");
    }

    @Test
    void longRandomTextsCountExactlyTwice() {
        Random random = new Random(12);
        TokenCounter counter = new TokenCounter();
        for (int round = 0; round < 200; round++) {
            String text = randomText(random, 500 + random.nextInt(3_000));
            int expected = JTOKKIT.countTokensOrdinary(text);
            assertEquals(expected, counter.count(text), "first count");
            assertEquals(expected, counter.count(text), "count from the memo");
            String embedded = "Intro:\n" + text + "\n\nThe end.";
            assertEquals(JTOKKIT.countTokensOrdinary(embedded), counter.count(embedded), "embedded in another text");
        }
    }

    @Test
    void promptsSharingADigestCountExactly() {
        TokenCounter counter = new TokenCounter();
        String digest = prettyDigest(60);
        for (String role : List.of("architect", "business", "deployment", "a-fourth-specialist")) {
            String user = "Assess this project from the point of view of " + role + ".\n\nProject digest:\n" + digest;
            assertEquals(JTOKKIT.countTokensOrdinary(user), counter.count(user), role);
        }
        String synthesis = "Panel answers by role:\n{\n  \"architect\" : { }\n}\n\nProject digest:\n" + digest;
        assertEquals(JTOKKIT.countTokensOrdinary(synthesis), counter.count(synthesis));
        assertEquals(JTOKKIT.countTokensOrdinary(digest), counter.count(digest));
        assertEquals(JTOKKIT.countTokensOrdinary(digest.trim()), counter.count(digest.trim()));
    }

    @Test
    void memoStaysWithinItsBoundAndCountsStayExact() {
        TokenCounter counter = new TokenCounter(20_000);
        Random random = new Random(13);
        for (int round = 0; round < 100; round++) {
            String text = prettyDigest(5 + random.nextInt(20)) + randomText(random, 200);
            assertEquals(JTOKKIT.countTokensOrdinary(text), counter.count(text));
            assertTrue(counter.memoChars() <= 20_000, "memo holds " + counter.memoChars() + " characters");
        }
    }

    @Test
    void concurrentCountsAreExact() throws Exception {
        TokenCounter counter = new TokenCounter(50_000);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            texts.add("Role " + i + "\n---\n" + prettyDigest(10 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (String text : texts) {
                            assertEquals(JTOKKIT.countTokensOrdinary(text), counter.count(text));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pretty-printed JSON shaped like a digest, with quoted sources: line starts are safe boundaries. */
    static String prettyDigest(int sources) {
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("projectName", "greeter");
        digest.put("tree", List.of("README.md", "app/main.py", "app/util.py", "tests/test_main.py"));
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            files.add(Map.of("path", "app/module" + i + ".py", "content",
                    ("def handler_" + i + "(request):\n    return respond(request, status=200)  # it's fine\n").repeat(3)));
        }
        digest.put("sources", files);
        try {
            return WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
