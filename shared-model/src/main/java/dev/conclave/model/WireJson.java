package dev.conclave.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON codec for everything on the wire. Unknown fields are ignored so an older reader
 * survives a newer writer's additions; a message whose schema version is newer than
 * {@link SchemaVersions#WIRE} is refused by the consumer, not guessed at.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** Applies Conclave's settings to a mapper (the services pass Quarkus' own mapper here). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Decodes a message, or throws {@link WireFormatException} saying what is wrong with it. */
    public static <T> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new WireFormatException("empty " + type.getSimpleName() + " message");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new WireFormatException("null " + type.getSimpleName() + " message");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new WireFormatException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private WireJson() {
    }
}
