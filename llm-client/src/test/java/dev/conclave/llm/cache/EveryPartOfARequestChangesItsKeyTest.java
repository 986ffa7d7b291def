package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same request always has the same key, whatever only changes how it is sent; anything that can
 * change the answer gives another key, including text that merely moves between two messages.
 */
@QuarkusTest
class EveryPartOfARequestChangesItsKeyTest {
    private static final ModelRef MODEL = new ModelRef("openrouter", "meta-llama/llama-3.3-70b-instruct");

    @Inject
    ResponseCache cache;

    private static ChatRequest base() {
        return ChatRequest.of(MODEL.model(), "You are the architect.", "the digest")
                .withTemperature(0.2)
                .withMaxTokens(4000)
                .withResponseSchema("architect_analysis", schema("object", "summary"));
    }

    private static JsonNode schema(String type, String required) {
        ObjectNode schema = WireJson.mapper().createObjectNode().put("type", type);
        schema.putArray("required").add(required);
        return schema;
    }

    @Test
    void theSameRequestHasTheSameKey() {
        CacheKey first = cache.key(MODEL, base());

        assertEquals(first, cache.key(MODEL, base()));
        assertEquals(first, cache.key(ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct"), base()));
        // Only how the request travels, not what the model is asked.
        assertEquals(first, cache.key(MODEL, base().withTimeout(Duration.ofSeconds(5)).withUsage()));
        ObjectNode reordered = WireJson.mapper().createObjectNode();
        reordered.putArray("required").add("summary");
        reordered.put("type", "object");
        assertEquals(first, cache.key(MODEL, base().withResponseSchema("architect_analysis", reordered)));
    }

    @Test
    void eachChangeGivesAnotherKey() {
        Map<String, CacheKey> keys = new LinkedHashMap<>();
        keys.put("base", cache.key(MODEL, base()));
        keys.put("provider", cache.key(new ModelRef("openai", MODEL.model()), base()));
        keys.put("model", cache.key(new ModelRef("openrouter", "qwen/qwen-2.5-72b-instruct"),
                new ChatRequest("qwen/qwen-2.5-72b-instruct", base().system(), base().user(), 0.2, 4000,
                        base().responseSchema(), false, null)));
        keys.put("system message", cache.key(MODEL, new ChatRequest(MODEL.model(), "You are the auditor.", "the digest",
                0.2, 4000, base().responseSchema(), false, null)));
        keys.put("user message", cache.key(MODEL, new ChatRequest(MODEL.model(), "You are the architect.",
                "another digest", 0.2, 4000, base().responseSchema(), false, null)));
        keys.put("text moved between messages", cache.key(MODEL, new ChatRequest(MODEL.model(),
                "You are the architect.the", " digest", 0.2, 4000, base().responseSchema(), false, null)));
        keys.put("no system message", cache.key(MODEL, new ChatRequest(MODEL.model(), "",
                "You are the architect.the digest", 0.2, 4000, base().responseSchema(), false, null)));
        keys.put("temperature", cache.key(MODEL, base().withTemperature(0.7)));
        keys.put("no temperature", cache.key(MODEL, new ChatRequest(MODEL.model(), base().system(), base().user(),
                null, 4000, base().responseSchema(), false, null)));
        keys.put("max tokens", cache.key(MODEL, base().withMaxTokens(4001)));
        keys.put("schema name", cache.key(MODEL, base().withResponseSchema("deployment_analysis",
                schema("object", "summary"))));
        keys.put("schema JSON", cache.key(MODEL, base().withResponseSchema("architect_analysis",
                schema("object", "risks"))));
        keys.put("no schema", cache.key(MODEL, new ChatRequest(MODEL.model(), base().system(), base().user(),
                0.2, 4000, null, false, null)));

        assertEquals(keys.size(), keys.values().stream().distinct().count(), "keys that collide: " + keys);
    }
}
