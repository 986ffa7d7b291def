package dev.conclave.llm.structured;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema one role answers in, with the name OpenAI's {@code response_format.json_schema.name}
 * wants (letters, digits, {@code _} and {@code -}, at most 64).
 *
 * @param schema a copy owned by the caller; changing it changes nothing in {@link RoleSchemas}
 */
public record RoleSchema(String name, ObjectNode schema) {
}
