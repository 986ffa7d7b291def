package dev.conclave.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value of a role's analysis (or of a top-level field the report has no place for), shaped for
 * showing: the layout follows the data, not a schema, so a role added by configuration is shown field
 * by field like the known ones. Scalars are already worded (yes/no, numbers with their known scale);
 * the templates choose the markup by {@link #kind()} and escape every text.
 */
public sealed interface FieldValue {

    enum Kind { TEXT, NOT_GIVEN, NONE, ITEMS, LINE, FIELDS }

    Kind kind();

    /** A field: its name as it came, the name as a label, its value. */
    record Field(String key, String label, FieldValue value) {
    }

    /**
     * A scalar, worded.
     *
     * @param severity set when the field is a {@code severity}, which the page shows as a badge
     */
    record Text(String text, Severity severity) implements FieldValue {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** A field that is there with no value (JSON null). */
    record NotGiven() implements FieldValue {
        public Kind kind() {
            return Kind.NOT_GIVEN;
        }
    }

    /** An empty list or object. */
    record None() implements FieldValue {
        public Kind kind() {
            return Kind.NONE;
        }
    }

    /** A list; an object in it is a {@link Line}, a list in it another {@code Items}. */
    record Items(List<FieldValue> items) implements FieldValue {
        public Kind kind() {
            return Kind.ITEMS;
        }
    }

    /**
     * An object inside a list, on one line, its first field leading: a deployment blocker
     * {@code {"issue": "No Dockerfile", "severity": "high"}} reads "No Dockerfile (severity: high)".
     * Nested lists and objects in it are shown as their JSON text.
     */
    record Line(FieldValue lead, List<Field> rest) implements FieldValue {
        public Kind kind() {
            return Kind.LINE;
        }
    }

    /** An object, field by field. */
    record Fields(List<Field> fields) implements FieldValue {
        public Kind kind() {
            return Kind.FIELDS;
        }
    }

    /**
     * A severity as a badge shows it.
     *
     * @param shown "high", or "unrated" when blank
     * @param kind  the badge's colour: one of the known severities, or "other"
     */
    record Severity(String shown, String kind) {
        /** Worst first; blockers are sorted by this. */
        static final List<String> ORDER = List.of("critical", "high", "medium", "low");

        static Severity of(String severity) {
            String shown = severity.isBlank() ? "unrated" : severity.strip().toLowerCase(Locale.ROOT);
            return new Severity(shown, ORDER.contains(shown) ? shown : "other");
        }

        static int rank(String severity) {
            int rank = ORDER.indexOf(severity.strip().toLowerCase(Locale.ROOT));
            return rank < 0 ? ORDER.size() : rank;
        }
    }

    /** The value of a field named {@code field} (its name picks the scale of a number). */
    static FieldValue of(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return new NotGiven();
        }
        if (value.isValueNode()) {
            return scalar(field, value);
        }
        if (value.isEmpty()) {
            return new None();
        }
        if (value.isArray()) {
            List<FieldValue> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isObject() && !item.isEmpty() ? line(item) : of(field, item)));
            return new Items(items);
        }
        return fields(value);
    }

    static Fields fields(JsonNode object) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.add(new Field(field.getKey(), ReportDocument.label(field.getKey()), of(field.getKey(), field.getValue())));
        }
        return new Fields(fields);
    }

    private static Line line(JsonNode object) {
        FieldValue lead = null;
        List<Field> rest = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            FieldValue shown = value.isValueNode() ? scalar(field.getKey(), value) : new Text(value.toString(), null);
            if (lead == null) {
                lead = shown;
            } else {
                rest.add(new Field(field.getKey(), ReportDocument.label(field.getKey()).toLowerCase(Locale.ROOT), shown));
            }
        }
        return new Line(lead, rest);
    }

    /** yes/no, numbers with their known scale, severities as badges, text as it is. */
    private static Text scalar(String field, JsonNode value) {
        if (value.isBoolean()) {
            return new Text(value.booleanValue() ? "yes" : "no", null);
        }
        if (value.isNumber()) {
            String number = value.isIntegralNumber() ? value.asText() : NumberText.decimal(value.doubleValue());
            return new Text(number + NumberText.scaleSuffix(field), null);
        }
        return new Text(value.asText(), field.equals("severity") ? Severity.of(value.asText()) : null);
    }
}
