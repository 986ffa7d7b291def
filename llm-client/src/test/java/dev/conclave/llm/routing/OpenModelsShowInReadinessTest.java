package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * In the running application the router is one bean for every caller and {@code model-routing} is
 * among the readiness checks: a role whose every model is open makes the instance not ready.
 */
@QuarkusTest
class OpenModelsShowInReadinessTest {
    private static final ModelRef OFFLINE = ModelRef.parse(TestConfig.OFFLINE);

    @Inject
    ModelRouter router;

    @Inject
    SmallRyeHealthReporter health;

    @AfterEach
    void closeTheCircuitForTheNextTest() {
        router.succeeded(OFFLINE);
    }

    @Test
    void aRoleWithEveryModelOpenMakesTheInstanceNotReady() {
        assertEquals(List.of(OFFLINE), router.route("architect", 1_000, 1_000));
        assertTrue(router.offlineFallback(), "the library's chains name OpenRouter and the test sets no key");
        assertEquals("UP", modelRouting().getString("status"));

        for (int i = 0; i < 3; i++) {
            router.failed(OFFLINE);
        }

        JsonObject check = modelRouting();
        assertEquals("DOWN", check.getString("status"));
        assertEquals("architect: " + OFFLINE, check.getJsonObject("data").getString("roles with every model open"));
    }

    private JsonObject modelRouting() {
        return health.getReadiness().getPayload().getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(ModelRoutingHealth.NAME))
                .findFirst().orElseThrow();
    }
}
