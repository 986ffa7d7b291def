package dev.conclave.llm.structured;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a model's answer against a schema from {@link SchemaGenerator}: types, required and
 * unexpected properties, enums, numeric ranges, array lengths, at any depth. Each violation is a
 * sentence with the JSON path of the value, e.g.
 * {@code $.deployment_blockers[1].severity: "urgent" is not one of [low, medium, high]}, written so it
 * can go into the metrics and into a repair prompt as it is.
 *
 * <p>Only the keywords the generator writes are understood; this is not a general JSON Schema validator.
 */
public final class SchemaValidator {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int QUOTE_LIMIT = 60;

    /** The violations, in document order; empty when the value fits the schema. */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> violations = new ArrayList<>();
        check(value, schema, "$", violations);
        return List.copyOf(violations);
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> violations) {
        JsonNode type = schema.get("type");
        if (type != null && !hasType(value, type)) {
            violations.add(path + ": expected " + typeText(type) + " but got " + describe(value));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && !contains(allowed, value)) {
            violations.add(path + ": " + quote(value) + " is not one of " + enumText(allowed));
        }
        if (value.isNumber()) {
            checkRange(value, schema, path, violations);
        }
        if (value.isArray()) {
            checkArray(value, schema, path, violations);
        }
        if (value.isObject()) {
            checkObject(value, schema, path, violations);
        }
    }

    private void checkRange(JsonNode value, JsonNode schema, String path, List<String> violations) {
        BigDecimal number = value.decimalValue();
        JsonNode minimum = schema.get("minimum");
        if (minimum != null && number.compareTo(minimum.decimalValue()) < 0) {
            violations.add(path + ": " + value + " is below the minimum " + minimum);
        }
        JsonNode maximum = schema.get("maximum");
        if (maximum != null && number.compareTo(maximum.decimalValue()) > 0) {
            violations.add(path + ": " + value + " is above the maximum " + maximum);
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String path, List<String> violations) {
        JsonNode minItems = schema.get("minItems");
        JsonNode maxItems = schema.get("maxItems");
        if (minItems != null && value.size() < minItems.asInt()) {
            violations.add(path + ": has " + value.size() + " items, at least " + minItems.asInt() + " expected");
        }
        if (maxItems != null && value.size() > maxItems.asInt()) {
            violations.add(path + ": has " + value.size() + " items, at most " + maxItems.asInt() + " expected");
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), items, path + "[" + i + "]", violations);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> violations) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                violations.add(child(path, required.asText()) + ": is required but missing");
            }
        }
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode propertySchema = properties.get(field.getKey());
            if (propertySchema != null) {
                check(field.getValue(), propertySchema, child(path, field.getKey()), violations);
            } else if (closed) {
                violations.add(child(path, field.getKey()) + ": is not a property of this object (allowed: "
                        + fieldNames(properties) + ")");
            }
        }
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).anyMatch(one -> hasType(value, one));
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            // JSON Schema counts 7.0 as an integer; Jackson reads it into an int as well.
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> true;
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        return StreamSupport.stream(allowed.spliterator(), false).anyMatch(value::equals);
    }

    private static String child(String path, String name) {
        return IDENTIFIER.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    private static String typeText(JsonNode type) {
        return type.isArray() ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(" or ")) : type.asText();
    }

    private static String enumText(JsonNode allowed) {
        return StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String fieldNames(JsonNode properties) {
        return properties.properties().stream().map(Map.Entry::getKey).collect(Collectors.joining(", "));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string " + quote(value);
            case NUMBER -> "number " + value;
            case BOOLEAN -> "boolean " + value;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String quote(JsonNode value) {
        String text = value.toString();
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }
}
