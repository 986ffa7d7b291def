package dev.conclave.llm.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.FakeProviderProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refused key is not retried and no other model of that provider is tried: the reason says what to fix. */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class RefusedKeyStopsAtOnceTest extends FaultTestBase {

    @Test
    void refusedKeyEndsTheRoleWithAClearReason() {
        FakeProvider.always("primary", aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}"));

        ModelCallException failure = assertThrows(ModelCallException.class, this::analyse);

        assertEquals("all_models_failed", failure.errorClass());
        assertTrue(failure.getMessage().contains("refused the API key (401): check FAKE_API_KEY"), failure.getMessage());
        assertFalse(failure.getMessage().contains(FakeProvider.KEY), "the key never appears in a reason");
        assertEquals(List.of("primary 1 FAILED http_401"), CallRows.summary(scanId));
        assertEquals(List.of("primary"), FakeProvider.modelsCalled(), "one request, no retry, no backup of the same provider");
    }
}
