package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A replay request that cannot mean anything is refused with the field at fault, and nothing is started. */
@QuarkusTest
class BadReplayRequestsAreRefusedTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                    | body",
            "[]                                                          | body",
            "{}                                                          | filter",
            "{\"filter\": {}, \"topic\": \"scan.results\"}               | topic",
            "{\"filter\": {\"limit\": 0}}                                | filter.limit",
            "{\"filter\": {\"status\": \"RUNNING\"}}                     | filter.status",
            "{\"filter\": {\"since\": \"yesterday\"}}                    | filter.since",
            "{\"filter\": {\"failedRole\": \"poet\"}}                    | filter.failedRole",
            "{\"filter\": {\"colour\": \"red\"}}                         | filter.colour",
            "{\"filter\": {}, \"share\": 0}                              | share",
            "{\"filter\": {}, \"share\": 1.5}                            | share",
            "{\"filter\": {}, \"maxInFlight\": 0}                        | maxInFlight",
            "{\"filter\": {}, \"roles\": []}                             | roles",
            "{\"filter\": {}, \"roles\": [\"poet\"]}                     | roles",
            "{\"filter\": {}, \"dryRun\": \"yes\"}                       | dryRun",
            "{\"topic\": \"scan.completed\", \"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\"} | topic",
            "{\"topic\": \"scan.results\", \"from\": \"2026-01-01T00:00:00Z\"} | to",
            "{\"topic\": \"scan.results\", \"from\": \"2026-01-02T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"} | to",
    })
    void refusedWithTheFieldAtFault(String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/replays")
                .then().statusCode(400).body("field", equalTo(field));
    }

    @Test
    void anUnknownJobIs404AndAMalformedIdIs400() {
        given().when().get("/api/v1/replays/" + UUID.randomUUID()).then().statusCode(404)
                .body("error", containsString("GET /api/v1/replays"));
        given().when().post("/api/v1/replays/not-a-uuid/cancel").then().statusCode(400).body("field", equalTo("id"));
        given().when().post("/api/v1/replays/" + UUID.randomUUID() + "/pause").then().statusCode(404);
    }
}
