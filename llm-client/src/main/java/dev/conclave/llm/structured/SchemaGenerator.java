package dev.conclave.llm.structured;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the JSON Schema of a record class, in the subset of draft 2020-12 that OpenAI's strict
 * structured outputs accept: every object lists all its properties as required and allows no
 * others, arrays have {@code items}, enums are string enums. Property names are the ones Jackson
 * writes ({@code @JsonNaming}, {@code @JsonProperty}), so the schema and the record cannot drift apart.
 *
 * <p>Ranges are passed in as {@link Bounds} by property name rather than read from annotations, so the
 * wire records in {@code shared-model} stay free of validation concerns.
 */
public final class SchemaGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
            BigDecimal.class);

    /**
     * Inclusive limits for one property: {@code minimum}/{@code maximum} on a number,
     * {@code minItems}/{@code maxItems} on an array.
     */
    public record Bounds(long min, long max) {
        public Bounds {
            if (min > max) {
                throw new IllegalArgumentException("bounds " + min + ".." + max + " are empty");
            }
        }

        public static Bounds between(long min, long max) {
            return new Bounds(min, max);
        }

        public static Bounds exactly(long count) {
            return new Bounds(count, count);
        }
    }

    public ObjectNode schemaFor(Class<? extends Record> type) {
        return schemaFor(type, Map.of());
    }

    /**
     * The schema of {@code type}; {@code bounds} apply to every property of that (JSON) name, at
     * any depth. A bound naming no property is refused, so a typo cannot silently drop a limit.
     */
    public ObjectNode schemaFor(Class<? extends Record> type, Map<String, Bounds> bounds) {
        Set<String> unused = new HashSet<>(bounds.keySet());
        ObjectNode schema = objectSchema(type, bounds, unused, new LinkedHashSet<>());
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("bounds for " + unused + " match no property of "
                    + type.getSimpleName());
        }
        return schema;
    }

    private ObjectNode objectSchema(Class<?> type, Map<String, Bounds> bounds, Set<String> unused,
            Set<Class<?>> enclosing) {
        if (!enclosing.add(type)) {
            // Strict mode would need $defs/$ref for this; no analysis record is recursive.
            throw new IllegalArgumentException(type.getSimpleName() + " contains itself " + enclosing
                    + "; recursive records are not supported");
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : type.getRecordComponents()) {
            String name = propertyName(type, component);
            ObjectNode property = valueSchema(component.getGenericType(), type.getSimpleName() + "." + name,
                    bounds, unused, enclosing);
            Bounds limit = bounds.get(name);
            if (limit != null) {
                applyBounds(property, limit, type.getSimpleName() + "." + name);
                unused.remove(name);
            }
            properties.set(name, property);
            required.add(name);
        }
        schema.put("additionalProperties", false);
        enclosing.remove(type);
        return schema;
    }

    private ObjectNode valueSchema(Type type, String where, Map<String, Bounds> bounds, Set<String> unused,
            Set<Class<?>> enclosing) {
        if (type instanceof WildcardType wildcard) {
            return valueSchema(wildcard.getUpperBounds()[0], where, bounds, unused, enclosing);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", valueSchema(generic.getActualTypeArguments()[0], where + "[]", bounds, unused,
                    enclosing));
            return array;
        }
        if (type instanceof Class<?> plain) {
            if (plain == String.class || plain == char.class || plain == Character.class) {
                return NODES.objectNode().put("type", "string");
            }
            if (plain == boolean.class || plain == Boolean.class) {
                return NODES.objectNode().put("type", "boolean");
            }
            if (INTEGERS.contains(plain)) {
                return NODES.objectNode().put("type", "integer");
            }
            if (NUMBERS.contains(plain)) {
                return NODES.objectNode().put("type", "number");
            }
            if (plain.isEnum()) {
                return enumSchema(plain);
            }
            if (plain.isRecord()) {
                return objectSchema(plain, bounds, unused, enclosing);
            }
            if (plain.isArray()) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", valueSchema(plain.getComponentType(), where + "[]", bounds, unused, enclosing));
                return array;
            }
        }
        throw new IllegalArgumentException(where + ": " + type.getTypeName() + " has no strict JSON Schema form;"
                + " use a record, a List, an enum, a string, a number or a boolean");
    }

    private static void applyBounds(ObjectNode property, Bounds limit, String where) {
        switch (property.path("type").asText()) {
            case "integer", "number" -> property.put("minimum", limit.min()).put("maximum", limit.max());
            case "array" -> property.put("minItems", limit.min()).put("maxItems", limit.max());
            default -> throw new IllegalArgumentException("bounds on " + where + ": bounds apply to numbers and"
                    + " arrays, not to " + property.path("type").asText());
        }
    }

    /** The values Jackson writes: the {@code @JsonValue} method's result if there is one, else the constant's name. */
    private static ObjectNode enumSchema(Class<?> type) {
        Method wire = null;
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                wire = method;
            }
        }
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode values = schema.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(wire == null ? ((Enum<?>) constant).name() : String.valueOf(wire.invoke(constant)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read the wire value of " + constant, e);
            }
        }
        return schema;
    }

    private static String propertyName(Class<?> owner, RecordComponent component) {
        // Java copies a component's @JsonProperty onto the accessor, which is where Jackson finds it.
        JsonProperty explicit = component.getAccessor().getAnnotation(JsonProperty.class);
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        JsonNaming naming = owner.getAnnotation(JsonNaming.class);
        if (naming == null) {
            return component.getName();
        }
        PropertyNamingStrategy strategy;
        try {
            strategy = naming.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + naming.value().getSimpleName() + " for "
                    + owner.getSimpleName(), e);
        }
        if (strategy instanceof PropertyNamingStrategies.NamingBase base) {
            return base.translate(component.getName());
        }
        throw new IllegalArgumentException(owner.getSimpleName() + " uses " + naming.value().getSimpleName()
                + "; only the PropertyNamingStrategies naming strategies are supported");
    }
}
