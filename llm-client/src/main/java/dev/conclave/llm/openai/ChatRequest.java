package dev.conclave.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One chat-completions request: a system and a user message to one model. Optional parts are null
 * and then left out of the request, so the provider's defaults apply; the {@code with…} methods
 * return changed copies.
 *
 * @param system         the system message; blank sends only the user message
 * @param responseSchema asks for {@code response_format: json_schema} in strict mode; null for free text
 * @param includeUsage   sends OpenRouter's {@code usage: {include: true}} so the answer carries its cost
 * @param timeout        for this request; null uses the client's
 */
public record ChatRequest(String model, String system, String user, Double temperature, Integer maxTokens,
        ResponseSchema responseSchema, boolean includeUsage, Duration timeout) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(user, "user");
        system = system == null ? "" : system;
    }

    public static ChatRequest of(String model, String system, String user) {
        return new ChatRequest(model, system, user, null, null, null, false, null);
    }

    public ChatRequest withTemperature(double value) {
        return new ChatRequest(model, system, user, value, maxTokens, responseSchema, includeUsage, timeout);
    }

    public ChatRequest withMaxTokens(int value) {
        return new ChatRequest(model, system, user, temperature, value, responseSchema, includeUsage, timeout);
    }

    public ChatRequest withResponseSchema(String name, JsonNode schema) {
        return new ChatRequest(model, system, user, temperature, maxTokens, new ResponseSchema(name, schema),
                includeUsage, timeout);
    }

    public ChatRequest withUsage() {
        return new ChatRequest(model, system, user, temperature, maxTokens, responseSchema, true, timeout);
    }

    public ChatRequest withTimeout(Duration value) {
        return new ChatRequest(model, system, user, temperature, maxTokens, responseSchema, includeUsage, value);
    }

    /** The schema the answer must follow, under the name OpenAI requires ({@code [a-zA-Z0-9_-]{1,64}}). */
    public record ResponseSchema(String name, JsonNode schema) {
        private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

        public ResponseSchema {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("schema name '" + name
                        + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            Objects.requireNonNull(schema, "schema");
        }
    }
}
