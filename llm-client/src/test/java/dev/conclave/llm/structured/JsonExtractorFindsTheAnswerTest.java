package dev.conclave.llm.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON object is found however the model wrapped it; garbage gives nothing and no exception. */
class JsonExtractorFindsTheAnswerTest {
    private final JsonExtractor extractor = new JsonExtractor();

    @Test
    void bareObject() {
        assertEquals("low", field(extractor.extract("  {\"priority\": \"low\"}\n"), "priority"));
    }

    @Test
    void jsonFencedBlockInsideProse() {
        String answer = """
                Here is my assessment:

                ```json
                {"priority": "high", "summary": "Needs tests"}
                ```

                Let me know if you need more.""";

        assertEquals("high", field(extractor.extract(answer), "priority"));
    }

    @Test
    void jsonFenceIsPreferredOverAnEarlierOtherFence() {
        String answer = """
                Example of the config:
                ```yaml
                priority: low
                ```
                And the answer:
                ```JSON
                {"priority": "medium"}
                ```""";

        assertEquals("medium", field(extractor.extract(answer), "priority"));
    }

    @Test
    void plainFencedBlock() {
        assertEquals("medium", field(extractor.extract("```\n{\"priority\": \"medium\"}\n```"), "priority"));
    }

    @Test
    void objectInProseWithBracesInsideStrings() {
        String answer = "Sure! {\"summary\": \"Uses {placeholders} and a stray } brace\", \"priority\": \"low\"}"
                + " Hope this helps {really}.";

        JsonNode found = extractor.extract(answer).orElseThrow();

        assertEquals("Uses {placeholders} and a stray } brace", found.path("summary").asText());
        assertEquals("low", found.path("priority").asText());
    }

    @Test
    void braceInProseBeforeTheObjectIsSkipped() {
        String answer = "The {config} block matters. Answer: {\"priority\": \"high\", \"escaped\": \"say \\\"}\\\"\"}";

        assertEquals("high", field(extractor.extract(answer), "priority"));
    }

    @Test
    void garbageGivesNothing() {
        for (String garbage : new String[] {null, "", "   ", "I cannot help with that.", "[1, 2, 3]",
                "{\"summary\": \"cut off in the mid", "}{", "{{{{{{", "```json\n{oops}\n```", "{\"a\": 1,}"}) {
            assertEquals(Optional.empty(), extractor.extract(garbage), String.valueOf(garbage));
        }
    }

    @Test
    void deeplyNestedGarbageGivesNothing() {
        assertEquals(Optional.empty(), extractor.extract("{\"a\":".repeat(5_000) + "1" + "}".repeat(4_000)));
    }

    private static String field(Optional<JsonNode> found, String name) {
        return found.orElseThrow(() -> new AssertionError("no JSON found")).path(name).asText();
    }
}
