package dev.conclave.llm.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violations name the value by its JSON path and say what was wrong with it. */
class SchemaValidatorReportsViolationsTest {
    private final RoleSchemas schemas = new RoleSchemas();
    private final SchemaValidator validator = new SchemaValidator();

    private static final String DEPLOYMENT = """
            {"deployment_strategy": "Container on one VM",
             "infrastructure_recommendations": "A small VM",
             "deployment_blockers": [{"issue": "No Dockerfile", "severity": "high"},
                                     {"issue": "Secrets in git", "severity": "%s"}],
             "mvp_roadmap": ["Add a Dockerfile"]}""";

    private static final String AGGREGATE = """
            {"overall_assessment": "Promising",
             "top_priorities": ["Tests", "Dockerfile", "README"],
             "vibecodibility_score": 7,
             "fit_score": %s}""";

    @Test
    void validAnswerHasNoViolations() {
        assertEquals(List.of(), validate("deployment", DEPLOYMENT.formatted("medium")));
        assertEquals(List.of(), validate("aggregator", AGGREGATE.formatted("10")));
    }

    @Test
    void wrongEnumValueIsReportedAtItsPath() {
        assertEquals(List.of("$.deployment_blockers[1].severity: \"urgent\" is not one of [low, medium, high]"),
                validate("deployment", DEPLOYMENT.formatted("urgent")));
    }

    @Test
    void missingFieldIsReported() {
        assertEquals(List.of("$.fit_score: is required but missing"),
                validate("aggregator", AGGREGATE.formatted("0").replace(",\n \"fit_score\": 0", "")));
    }

    @Test
    void scoreOutsideZeroToTenIsReported() {
        assertEquals(List.of("$.fit_score: 11 is above the maximum 10"), validate("aggregator", AGGREGATE.formatted("11")));
        assertEquals(List.of("$.fit_score: -1 is below the minimum 0"), validate("aggregator", AGGREGATE.formatted("-1")));
    }

    @Test
    void extraPropertyIsReported() {
        List<String> violations = validate("aggregator", AGGREGATE.formatted("5").replace("}", ", \"confidence\": 0.9}"));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("$.confidence: is not a property of this object"), violations.get(0));
    }

    @Test
    void wrongTypesAreReportedAndAWholeFloatCountsAsAnInteger() {
        assertEquals(List.of("$.fit_score: expected integer but got string \"high\""),
                validate("aggregator", AGGREGATE.formatted("\"high\"")));
        assertEquals(List.of("$.fit_score: expected integer but got number 7.5"),
                validate("aggregator", AGGREGATE.formatted("7.5")));
        assertEquals(List.of(), validate("aggregator", AGGREGATE.formatted("7.0")));
        assertEquals(List.of("$: expected object but got an array"), validator.validate(json("[]"),
                schemas.forRole("architect").schema()));
    }

    @Test
    void wrongNumberOfPrioritiesIsReported() {
        assertEquals(List.of("$.top_priorities: has 2 items, at least 3 expected"),
                validate("aggregator", AGGREGATE.formatted("5").replace(", \"README\"", "")));
    }

    @Test
    void everyViolationIsListedNotJustTheFirst() {
        String broken = "{\"architecture_assessment\": 3, \"design_patterns\": [\"MVC\", null],"
                + " \"technical_debt_priority\": \"HIGH\"}";

        assertEquals(List.of(
                "$.scalability_notes: is required but missing",
                "$.architecture_assessment: expected string but got number 3",
                "$.design_patterns[1]: expected string but got null",
                "$.technical_debt_priority: \"HIGH\" is not one of [low, medium, high]"),
                validate("architect", broken));
    }

    private List<String> validate(String role, String answer) {
        return validator.validate(json(answer), schemas.forRole(role).schema());
    }

    private static JsonNode json(String text) {
        try {
            return WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
