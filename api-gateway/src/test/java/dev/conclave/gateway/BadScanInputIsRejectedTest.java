package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ScanEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad submission gets a 4xx naming the field and limit, and nothing is stored or published. */
@QuarkusTest
class BadScanInputIsRejectedTest {
    private static final String NAME = "bad-input-" + System.nanoTime();


    static Stream<Arguments> badSubmissions() {
        String big = "x".repeat(3000);
        String files = IntStream.range(0, 6).mapToObj(i -> "{\"path\":\"f" + i + ".txt\",\"content\":\"" + "y".repeat(1900) + "\"}")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": \"" + NAME + "\", \"files\": [", 400, "body", "malformed JSON"),
                Arguments.of("missing name", "{\"files\": [{\"path\": \"a.py\", \"content\": \"x\"}]}", 400, "name", "name is missing"),
                Arguments.of("no files", "{\"name\": \"" + NAME + "\", \"files\": []}", 400, "files", "files is empty"),
                Arguments.of("neither files nor digest", "{\"name\": \"" + NAME + "\"}", 400, "files", "files is missing"),
                Arguments.of("file over the size limit",
                        "{\"name\": \"" + NAME + "\", \"files\": [{\"path\": \"big.txt\", \"content\": \"" + big + "\"}]}",
                        413, "files[0].content", "the limit is 2000 (conclave.intake.max-file-bytes)"),
                Arguments.of("body over the total limit", "{\"name\": \"" + NAME + "\", \"files\": [" + files + "]}",
                        413, "body", "the limit is 10000 (conclave.intake.max-total-bytes)"),
                Arguments.of("path traversal",
                        "{\"name\": \"" + NAME + "\", \"files\": [{\"path\": \"../../etc/passwd\", \"content\": \"x\"}]}",
                        400, "files[0].path", "not a plain relative path"),
                Arguments.of("absolute path",
                        "{\"name\": \"" + NAME + "\", \"files\": [{\"path\": \"/etc/passwd\", \"content\": \"x\"}]}",
                        400, "files[0].path", "not a plain relative path"),
                Arguments.of("nesting deeper than the parser's limit",
                        "{\"name\": \"" + NAME + "\", \"x\": " + "[".repeat(1500) + "]".repeat(1500) + "}",
                        400, "body", "malformed JSON"),
                Arguments.of("bypassCache that is no boolean",
                        "{\"name\": \"" + NAME + "\", \"bypassCache\": \"yes\", \"files\": [{\"path\": \"a.py\", \"content\": \"x\"}]}",
                        400, "bypassCache", "bypassCache must be true or false"),
                Arguments.of("git ref that is an option",
                        "{\"name\": \"" + NAME + "\", \"git\": {\"url\": \"https://github.com/a/b.git\", \"ref\": \"--upload-pack=x\"}}",
                        400, "git.ref", "not starting with '-'"),
                Arguments.of("unknown role",
                        "{\"name\": \"" + NAME + "\", \"roles\": [\"astrologer\"], \"files\": [{\"path\": \"a.py\", \"content\": \"x\"}]}",
                        400, "roles", "unknown role 'astrologer'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void isRejectedAndLeavesNoTrace(String what, String body, int status, String field, String message) {
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            given().contentType("application/json").body(body)
                    .when().post("/api/v1/scans")
                    .then().statusCode(status)
                    .body("field", equalTo(field))
                    .body("error", containsString(message));

            assertEquals(topic.total(before), topic.total(topic.endOffsets()), "nothing may be published");
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", NAME));
        assertEquals(0, stored, "nothing may be stored");
    }
}
