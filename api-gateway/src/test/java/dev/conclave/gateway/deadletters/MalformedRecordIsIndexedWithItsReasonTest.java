package dev.conclave.gateway.deadletters;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanRequest;
import dev.conclave.model.Topics;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A scan request no consumer can decode is dead-lettered, indexed, listed with its reason and shown as it was. */
@QuarkusTest
class MalformedRecordIsIndexedWithItsReasonTest {
    private static final String GARBAGE = "{not json";

    @Inject
    DeadLetterFixture fixture;

    @Test
    void malformedRequestIsListedWithTheReasonItWasRejectedFor() throws Exception {
        Instant since = Instant.now();
        WireFormatException rejection = decodeFailure(GARBAGE);
        Headers headers = new RecordHeaders().add("trace-id", "t-42".getBytes(StandardCharsets.UTF_8));
        String key = fixture.deadLetter(Topics.SCAN_REQUESTS, GARBAGE.getBytes(StandardCharsets.UTF_8), headers,
                "analysis-architect", rejection);

        JsonPath letter = fixture.awaitIndexed(key, since);

        assertEquals(Topics.SCAN_REQUESTS, letter.getString("sourceTopic"));
        assertEquals("analysis-architect", letter.getString("group"));
        assertEquals(rejection.getMessage(), letter.getString("reason"));
        assertTrue(letter.getString("reason").startsWith("not a valid ScanRequest"), letter.prettify());
        assertEquals(GARBAGE, letter.getString("value"), "shown as text: it is UTF-8");
        assertNull(letter.getString("valueBase64"));
        List<Map<String, String>> own = letter.getList("headers");
        assertEquals(List.of(Map.of("key", "trace-id", "value", "t-42")), own,
                "its own headers, without the dead-letter ones");
        assertTrue(letter.getString("position").startsWith(Topics.DEAD_LETTERS + "/"), letter.prettify());

        // The filters find it, in any case of the reason; the complementary ones do not.
        assertTrue(listedKeys(Map.of("reason", "NOT A VALID scanrequest", "from", since.toString())).contains(key));
        assertTrue(listedKeys(Map.of("topic", Topics.SCAN_REQUESTS, "redriven", "false", "from", since.toString()))
                .contains(key));
        assertFalse(listedKeys(Map.of("topic", Topics.ROLE_RESULTS, "from", since.toString())).contains(key));
        assertFalse(listedKeys(Map.of("redriven", "true", "from", since.toString())).contains(key));
        assertFalse(listedKeys(Map.of("to", since.toString())).contains(key));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() throws Exception {
        Instant since = Instant.now();
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = fixture.deadLetter(Topics.ROLE_RESULTS, GARBAGE.getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                    "aggregator", decodeFailure(GARBAGE));
        }
        fixture.awaitIndexed(last, since);

        JsonPath first = given().queryParam("from", since.toString()).queryParam("topic", Topics.ROLE_RESULTS)
                .queryParam("limit", 2)
                .when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("from", since.toString()).queryParam("topic", Topics.ROLE_RESULTS)
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();

        List<Long> ids = new ArrayList<>(first.getList("items.id", Long.class));
        ids.addAll(second.getList("items.id", Long.class));
        assertEquals(3, ids.size(), "three letters over two pages");
        assertEquals(3, ids.stream().distinct().count());
        assertNull(second.getString("nextCursor"), "the second page is the last");
        given().queryParam("limit", 0).when().get("/api/v1/dead-letters").then().statusCode(400);
        given().queryParam("from", "yesterday").when().get("/api/v1/dead-letters").then().statusCode(400);
    }

    private static List<String> listedKeys(Map<String, String> filters) {
        return given().queryParams(filters).queryParam("limit", 500).when().get("/api/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("items.key", String.class);
    }

    private static WireFormatException decodeFailure(String value) {
        try {
            WireJson.decode(value, ScanRequest.class);
        } catch (WireFormatException e) {
            return e;
        }
        throw new AssertionError(value + " decoded");
    }
}
