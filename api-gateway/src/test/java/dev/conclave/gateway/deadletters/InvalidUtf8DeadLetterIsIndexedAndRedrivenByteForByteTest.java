package dev.conclave.gateway.deadletters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.conclave.delivery.PermanentFailure;
import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * A dead letter that is not UTF-8 is indexed as it is, shown as base64, and re-driven to its source
 * topic with its original bytes and headers plus redriven-from; re-driving it again sends nothing
 * unless forced.
 */
@QuarkusTest
class InvalidUtf8DeadLetterIsIndexedAndRedrivenByteForByteTest {
    /** An invalid two-byte sequence, a lone continuation byte, 0xFF and NUL: no UTF-8 decoder takes it. */
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, 0x28, (byte) 0x80, (byte) 0xFF, 0x00, 'x'};
    private static final byte[] NOT_UTF8_HEADER = {(byte) 0xFE, 0x01};

    @Inject
    DeadLetterFixture fixture;

    @Test
    void invalidUtf8IsIndexedThenRedrivenOnceWithItsBytesAndHeaders() throws Exception {
        Instant since = Instant.now();
        Headers headers = new RecordHeaders()
                .add("trace-id", "t-7".getBytes(StandardCharsets.UTF_8))
                .add("binary", NOT_UTF8_HEADER);
        String key = fixture.deadLetter(Topics.SCAN_REQUESTS, NOT_UTF8, headers, "aggregator-intake",
                new PermanentFailure("the record's value (6 bytes) is not valid UTF-8 text"));

        JsonPath letter = fixture.awaitIndexed(key, since);
        assertNull(letter.getString("value"), "not shown as text");
        assertEquals(Base64.getEncoder().encodeToString(NOT_UTF8), letter.getString("valueBase64"));
        assertEquals(6, letter.getInt("valueBytes"));
        assertEquals(Base64.getEncoder().encodeToString(NOT_UTF8_HEADER),
                letter.getString("headers.find { it.key == 'binary' }.valueBase64"));
        long id = letter.getLong("id");
        String position = letter.getString("position");

        Map<TopicPartition, Long> before = fixture.endOffsets(Topics.SCAN_REQUESTS);
        given().when().post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("outcome", equalTo("REDRIVEN")).body("redriveCount", equalTo(1))
                .body("topic", equalTo(Topics.SCAN_REQUESTS)).body("redrivenFrom", equalTo(position));

        List<ConsumerRecord<byte[], byte[]>> back = fixture.recordsAfter(Topics.SCAN_REQUESTS, before, key);
        assertEquals(1, back.size(), "sent back once");
        ConsumerRecord<byte[], byte[]> record = back.getFirst();
        assertArrayEquals(NOT_UTF8, record.value(), "the original bytes");
        assertEquals(List.of("trace-id", "binary", DeadLetters.REDRIVEN_FROM),
                StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList(),
                "its own headers and redriven-from; no dead-letter header");
        assertArrayEquals(NOT_UTF8_HEADER, record.headers().lastHeader("binary").value());
        assertEquals(position, new String(record.headers().lastHeader(DeadLetters.REDRIVEN_FROM).value(),
                StandardCharsets.UTF_8));

        // Again without force: nothing is sent, the count stays.
        given().when().post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("outcome", equalTo("ALREADY_REDRIVEN")).body("redriveCount", equalTo(1));
        assertEquals(1, fixture.recordsAfter(Topics.SCAN_REQUESTS, before, key).size(), "still sent once");
        given().when().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("redriveCount", equalTo(1)).body("redrivenAt", org.hamcrest.Matchers.notNullValue());

        // Forced: sent again and counted.
        given().queryParam("force", true).when().post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("outcome", equalTo("REDRIVEN")).body("redriveCount", equalTo(2));
        assertEquals(2, fixture.recordsAfter(Topics.SCAN_REQUESTS, before, key).size(), "forced: sent a second time");
    }

    @Test
    void bulkRedriveCountsWhatItSentAndWhatWasSentBefore() throws Exception {
        Instant since = Instant.now();
        String token = "bulk-" + System.nanoTime();
        String first = fixture.deadLetter(Topics.ROLE_RESULTS, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                "aggregator", new PermanentFailure("result names no scan (" + token + ")"));
        String second = fixture.deadLetter(Topics.ROLE_RESULTS, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                "aggregator", new PermanentFailure("result names no scan (" + token + ")"));
        fixture.awaitIndexed(first, since);
        fixture.awaitIndexed(second, since);
        Map<TopicPartition, Long> before = fixture.endOffsets(Topics.ROLE_RESULTS);

        given().queryParam("reason", token).when().post("/api/v1/dead-letters/redrive").then().statusCode(200)
                .body("matched", equalTo(2)).body("redriven", equalTo(2)).body("alreadyRedriven", equalTo(0))
                .body("failed", equalTo(0));
        given().queryParam("reason", token).when().post("/api/v1/dead-letters/redrive").then().statusCode(200)
                .body("matched", equalTo(2)).body("redriven", equalTo(0)).body("alreadyRedriven", equalTo(2));

        assertEquals(1, fixture.recordsAfter(Topics.ROLE_RESULTS, before, first).size());
        assertEquals(1, fixture.recordsAfter(Topics.ROLE_RESULTS, before, second).size());
        given().queryParam("reason", token).queryParam("redriven", false).when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aLetterThatDoesNotSayWhereItCameFromIsIndexedButNotRedriven() throws Exception {
        Instant since = Instant.now();
        // Written to the topic by hand, with none of the dead-letter headers.
        String key = fixture.publish(Topics.DEAD_LETTERS, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        long id = fixture.awaitIndexed(key, since).getLong("id");

        given().when().post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(409)
                .body("error", containsString("dead-letter-topic"));
        given().when().post("/api/v1/dead-letters/999999999/redrive").then().statusCode(404)
                .body("error", containsString("GET /api/v1/dead-letters"));
        given().when().post("/api/v1/dead-letters/abc/redrive").then().statusCode(400).body("field", equalTo("id"));
    }
}
