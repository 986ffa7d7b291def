package dev.conclave.gateway.deadletters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.conclave.delivery.PermanentFailure;
import dev.conclave.model.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A purged dead letter is gone from the list and from show; a filtered purge removes exactly what it matches. */
@QuarkusTest
class PurgedDeadLetterLeavesTheIndexTest {

    @Inject
    DeadLetterFixture fixture;

    @Test
    void purgedByIdOrByFilterTheLettersAreNoLongerListed() throws Exception {
        Instant since = Instant.now();
        String token = "purge-" + System.nanoTime();
        String one = letter(token);
        String two = letter(token);
        String kept = letter("kept-" + token);
        long oneId = fixture.awaitIndexed(one, since).getLong("id");
        fixture.awaitIndexed(two, since);
        fixture.awaitIndexed(kept, since);

        given().when().delete("/api/v1/dead-letters/" + oneId).then().statusCode(204);
        given().when().get("/api/v1/dead-letters/" + oneId).then().statusCode(404)
                .body("error", containsString("no dead letter " + oneId));
        given().when().delete("/api/v1/dead-letters/" + oneId).then().statusCode(404);
        given().queryParam("from", since.toString()).queryParam("limit", 500).when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("items.key", not(hasItem(one))).body("items.key", hasItem(two));

        // "kept-<token>" contains the token too: the filter is a substring, so it is narrowed by the prefix.
        given().queryParam("reason", "(" + token).when().post("/api/v1/dead-letters/purge").then().statusCode(200)
                .body("purged", equalTo(1));
        given().queryParam("reason", token).when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("items.key", equalTo(java.util.List.of(kept)));
        given().queryParam("reason", "(" + token).when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("items", empty());
    }

    private String letter(String token) throws Exception {
        return fixture.deadLetter(Topics.SCAN_REQUESTS, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                "analysis-business", new PermanentFailure("scan request names no scan (" + token + ")"));
    }
}
