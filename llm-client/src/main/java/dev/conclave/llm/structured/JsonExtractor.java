package dev.conclave.llm.structured;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's answer. Models asked for "JSON and nothing else" still wrap it
 * in a {@code ```json} fence or a sentence of prose, so this tries, in order: the whole text, the
 * {@code ```json} fenced blocks, any fenced block, and the first balanced {@code {...}} in the text
 * (braces inside JSON strings do not count). Only objects are returned; garbage gives an empty result,
 * never an exception.
 */
public final class JsonExtractor {
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*([A-Za-z0-9_+-]*)[^\\n]*\\n(.*?)```",
            Pattern.DOTALL);
    /** Bounds the brace scan on long garbage: each candidate start costs a pass over the rest of the text. */
    private static final int MAX_CANDIDATES = 64;

    // Trailing tokens must fail, or "{...} and some prose" would pass as the whole text.
    private final ObjectReader reader = WireJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Optional<JsonNode> extract(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<JsonNode> whole = parseObject(text);
        if (whole.isPresent()) {
            return whole;
        }
        List<String> jsonBlocks = new ArrayList<>();
        List<String> otherBlocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            boolean json = fence.group(1).toLowerCase(Locale.ROOT).startsWith("json");
            (json ? jsonBlocks : otherBlocks).add(fence.group(2));
        }
        for (List<String> blocks : List.of(jsonBlocks, otherBlocks)) {
            for (String block : blocks) {
                Optional<JsonNode> parsed = parseObject(block);
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return firstBalancedObject(text);
    }

    private Optional<JsonNode> firstBalancedObject(String text) {
        int start = text.indexOf('{');
        for (int tried = 0; start >= 0 && tried < MAX_CANDIDATES; tried++) {
            int end = matchingBrace(text, start);
            if (end > start) {
                Optional<JsonNode> parsed = parseObject(text.substring(start, end + 1));
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
            start = text.indexOf('{', start + 1);
        }
        return Optional.empty();
    }

    /** Index of the brace closing the one at {@code start}, or -1; quotes and escapes are tracked. */
    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private Optional<JsonNode> parseObject(String candidate) {
        try {
            JsonNode node = reader.readTree(candidate.strip());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
