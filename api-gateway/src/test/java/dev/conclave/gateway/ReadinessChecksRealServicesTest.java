package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness reports UP only because Kafka's topics, PostgreSQL and Redis answered; it shows the outbox backlog. */
@QuarkusTest
class ReadinessChecksRealServicesTest {

    @Test
    void readinessNamesEveryServiceItChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka-topics", "Database connections health check",
                        "Redis connection health check", "outbox"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.unpublished", notNullValue());
    }

    @Test
    void openApiDocumentDescribesTheScanApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/scans"))
                .body("paths.'/api/v1/scans'.post.requestBody.content", org.hamcrest.Matchers.hasKey("application/zip"));
    }
}
