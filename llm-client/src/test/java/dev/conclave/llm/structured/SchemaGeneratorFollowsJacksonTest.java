package dev.conclave.llm.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.llm.structured.SchemaGenerator.Bounds;
import dev.conclave.model.DeploymentAnalysis;
import dev.conclave.model.DeploymentAnalysis.Blocker;
import dev.conclave.model.Level;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema's property names and shapes are the ones Jackson writes for the record. */
class SchemaGeneratorFollowsJacksonTest {
    private final SchemaGenerator generator = new SchemaGenerator();

    enum Colour { RED, DARK_BLUE }

    record Swatch(String hexCode, Colour colour) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Palette(String paletteName, @JsonProperty("ID") long paletteId, List<Swatch> swatches, double[] weights,
            Boolean isDefault) {
    }

    record WithMap(Map<String, String> labels) {
    }

    @Test
    void namingStrategyExplicitNamesAndNestedRecordsAreFollowed() {
        ObjectNode schema = generator.schemaFor(Palette.class);
        JsonNode properties = schema.path("properties");

        assertEquals(List.of("palette_name", "ID", "swatches", "weights", "is_default"), fieldNames(properties));
        assertEquals("integer", properties.path("ID").path("type").asText());
        assertEquals("number", properties.path("weights").path("items").path("type").asText());
        assertEquals("boolean", properties.path("is_default").path("type").asText());
        JsonNode swatch = properties.path("swatches").path("items");
        // Swatch has no @JsonNaming of its own, so Jackson (and the schema) keep its camelCase.
        assertEquals(List.of("hexCode", "colour"), fieldNames(swatch.path("properties")));
        assertEquals(List.of("RED", "DARK_BLUE"), texts(swatch.path("properties").path("colour").path("enum")));
    }

    @Test
    void schemaNamesMatchWhatWireJsonWrites() {
        DeploymentAnalysis analysis = new DeploymentAnalysis("Container", "One VM",
                List.of(new Blocker("No Dockerfile", Level.HIGH)), List.of("Ship"));

        JsonNode written = WireJson.tree(analysis);
        ObjectNode schema = generator.schemaFor(DeploymentAnalysis.class);

        assertEquals(fieldNames(written), fieldNames(schema.path("properties")));
        assertEquals(List.of(), new SchemaValidator().validate(written, schema));
    }

    @Test
    void boundsBecomeRangesOnNumbersAndLengthsOnArrays() {
        ObjectNode schema = generator.schemaFor(Palette.class,
                Map.of("ID", Bounds.between(1, 99), "swatches", Bounds.between(1, 5)));

        assertEquals(99, schema.path("properties").path("ID").path("maximum").asInt());
        assertEquals(1, schema.path("properties").path("swatches").path("minItems").asInt());
        assertEquals(5, schema.path("properties").path("swatches").path("maxItems").asInt());
    }

    @Test
    void boundsThatFitNoPropertyAreRefused() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> generator.schemaFor(Palette.class, Map.of("palette_nmae", Bounds.between(0, 1))));
        IllegalArgumentException onText = assertThrows(IllegalArgumentException.class,
                () -> generator.schemaFor(Palette.class, Map.of("palette_name", Bounds.between(0, 1))));

        assertTrue(typo.getMessage().contains("palette_nmae"), typo.getMessage());
        assertTrue(onText.getMessage().contains("not to string"), onText.getMessage());
    }

    @Test
    void typesWithoutAStrictSchemaAreRefusedByName() {
        IllegalArgumentException map = assertThrows(IllegalArgumentException.class,
                () -> generator.schemaFor(WithMap.class));

        assertTrue(map.getMessage().startsWith("WithMap.labels"), map.getMessage());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
