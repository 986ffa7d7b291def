package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A fourth role is a name in the panel (conclave.roles.panel): the gateway accepts it and a scan naming none gets it. */
@QuarkusTest
@TestProfile(RolesAreThePanelsTest.WithSecurity.class)
class RolesAreThePanelsTest {

    public static class WithSecurity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("conclave.roles.panel", "architect,deployment,business,security");
        }
    }


    @Test
    void aScanMayAskForTheFourthRole() {
        assertEquals(List.of("security"), published("""
                {"name": "asks-security", "roles": ["security"], "files": [{"path": "a.py", "content": "x = 1\\n"}]}"""));
    }

    @Test
    void aScanNamingNoRoleGetsTheWholePanel() {
        assertEquals(List.of("architect", "deployment", "business", "security"), published("""
                {"name": "asks-nothing", "files": [{"path": "a.py", "content": "x = 1\\n"}]}"""));
    }

    @Test
    void aRoleOutsideThePanelIsRefusedNamingTheSetting() {
        given().contentType("application/json").body("""
                {"name": "asks-astrology", "roles": ["astrologer"], "files": [{"path": "a.py", "content": "x = 1\\n"}]}""")
                .when().post("/api/v1/scans")
                .then().statusCode(400)
                .body("error", containsString("unknown role 'astrologer'; known roles: [architect, deployment, business,"
                        + " security] (conclave.roles.panel)"));
    }

    private List<String> published(String body) {
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            String scanId = given().contentType("application/json").body(body)
                    .when().post("/api/v1/scans")
                    .then().statusCode(202)
                    .extract().path("scanId");
            return topic.after(before).stream().filter(r -> scanId.equals(r.key()))
                    .map(r -> WireJson.decode(r.value(), ScanRequest.class).roles()).findFirst().orElseThrow();
        }
    }
}
