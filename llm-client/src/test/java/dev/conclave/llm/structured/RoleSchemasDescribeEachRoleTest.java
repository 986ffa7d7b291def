package dev.conclave.llm.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.llm.offline.OfflineAnalyst;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.StaticScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each role's schema names the fields the report reads, in the strict form OpenAI accepts. */
class RoleSchemasDescribeEachRoleTest {
    private final RoleSchemas schemas = new RoleSchemas();

    @Test
    void architectSchemaHasItsFieldsAndLevelEnum() {
        RoleSchema architect = schemas.forRole("architect");

        assertEquals("architect_analysis", architect.name());
        assertEquals(List.of("architecture_assessment", "design_patterns", "scalability_notes",
                "technical_debt_priority"), names(architect.schema().path("required")));
        JsonNode properties = architect.schema().path("properties");
        assertEquals("string", properties.path("design_patterns").path("items").path("type").asText());
        assertEquals(List.of("low", "medium", "high"), names(properties.path("technical_debt_priority").path("enum")));
    }

    @Test
    void deploymentBlockersAreStrictObjectsWithASeverity() {
        JsonNode blocker = schemas.forRole("deployment").schema().path("properties").path("deployment_blockers")
                .path("items");

        assertEquals("object", blocker.path("type").asText());
        assertEquals(List.of("issue", "severity"), names(blocker.path("required")));
        assertFalse(blocker.path("additionalProperties").asBoolean(true));
        assertEquals(List.of("low", "medium", "high"), names(blocker.path("properties").path("severity").path("enum")));
    }

    @Test
    void businessViabilityIsAnIntegerFromZeroToTen() {
        JsonNode properties = schemas.forRole("business").schema().path("properties");

        assertEquals("integer", properties.path("market_viability").path("type").asText());
        assertEquals(0, properties.path("market_viability").path("minimum").asInt(-1));
        assertEquals(10, properties.path("market_viability").path("maximum").asInt());
        assertEquals("boolean", properties.path("portfolio_suitable").path("type").asText());
    }

    @Test
    void aggregatorScoresAreBoundedAndThereAreExactlyThreePriorities() {
        RoleSchema aggregator = schemas.forRole("aggregator");
        JsonNode properties = aggregator.schema().path("properties");

        assertEquals("aggregated_insights", aggregator.name());
        for (String score : List.of("vibecodibility_score", "fit_score")) {
            assertEquals(0, properties.path(score).path("minimum").asInt(-1), score);
            assertEquals(10, properties.path(score).path("maximum").asInt(), score);
        }
        assertEquals(3, properties.path("top_priorities").path("minItems").asInt());
        assertEquals(3, properties.path("top_priorities").path("maxItems").asInt());
    }

    @Test
    void unknownRoleGetsTheGenericSpecialistSchema() {
        RoleSchema security = schemas.forRole("security");

        assertFalse(schemas.hasOwnSchema("security"));
        assertEquals("security_analysis", security.name());
        assertEquals(List.of("summary", "findings", "priority"), names(security.schema().path("required")));
        assertEquals("array", security.schema().path("properties").path("findings").path("type").asText());
    }

    @Test
    void everyObjectRequiresAllItsPropertiesAndAllowsNoOthers() {
        for (String role : List.of("architect", "deployment", "business", "aggregator", "security")) {
            List<String> problems = new ArrayList<>();
            strictProblems(schemas.forRole(role).schema(), role, problems);
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void offlineAnswersFitTheirRoleSchemas() {
        OfflineAnalyst analyst = new OfflineAnalyst();
        SchemaValidator validator = new SchemaValidator();
        ScanDigest digest = digest();
        Map<String, JsonNode> panel = new LinkedHashMap<>();
        for (String role : List.of("architect", "deployment", "business", "security")) {
            JsonNode answer = analyst.answer(role, digest, Map.of());
            assertEquals(List.of(), validator.validate(answer, schemas.forRole(role).schema()), role);
            panel.put(role, answer);
        }
        JsonNode synthesis = analyst.answer("aggregator", digest, panel);
        assertEquals(List.of(), validator.validate(synthesis, schemas.forRole("aggregator").schema()));
    }

    @Test
    void changingAReturnedSchemaDoesNotChangeTheNextOne() {
        ((ObjectNode) schemas.forRole("architect").schema()).remove("properties");

        assertTrue(schemas.forRole("architect").schema().has("properties"));
    }

    private static void strictProblems(JsonNode schema, String path, List<String> problems) {
        if ("object".equals(schema.path("type").asText())) {
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            if (!properties.equals(names(schema.path("required")))) {
                problems.add(path + ": required " + names(schema.path("required")) + " != properties " + properties);
            }
            if (schema.path("additionalProperties").asBoolean(true)) {
                problems.add(path + ": additionalProperties is not false");
            }
            schema.path("properties").properties()
                    .forEach(p -> strictProblems(p.getValue(), path + "." + p.getKey(), problems));
        }
        if (schema.has("items")) {
            strictProblems(schema.path("items"), path + "[]", problems);
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static ScanDigest digest() {
        ProjectFacts facts = new ProjectFacts(true, true, false, false, false, false, false, 2, 10, List.of(),
                List.of("app/main.py"), List.of("pyproject.toml"));
        return new ScanDigest("greeter", 14, 9_000, List.of(new LanguageStat("Python", 10, 800)),
                List.of("README.md", "app/main.py"), false,
                new FileExcerpt("README.md", "# Greeter\n\nGreets people by name over HTTP.\n", false),
                List.of(), facts, new StaticScores(6.0, 10, 60));
    }
}
