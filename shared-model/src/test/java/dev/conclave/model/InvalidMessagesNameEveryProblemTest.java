package dev.conclave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidMessagesNameEveryProblemTest {

    @Test
    void aRequestWithoutScanIdIsRefusedNamingIt() {
        WireFormatException refused = assertThrows(WireFormatException.class,
                () -> ScanRequest.decode("{\"schemaVersion\":1,\"run\":1,\"roles\":[\"architect\"]}"));
        assertTrue(refused.getMessage().contains("scanId is missing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("digest is missing"), refused.getMessage());
        assertTrue(refused.getMessage().contains("deadline is missing"), refused.getMessage());
    }

    @Test
    void everyProblemOfARequestIsNamedAtOnce() {
        ScanRequest request = WireJson.decode("{\"schemaVersion\":2,\"run\":0,\"roles\":[\"architect\",\" \"]}",
                ScanRequest.class);
        assertEquals(List.of("schemaVersion 2 is newer than 1, the newest this consumer reads; upgrade the consumer",
                "scanId is missing", "run is 0; runs start at 1", "roles[1] is blank", "digest is missing",
                "requestedAt is missing", "deadline is missing"), request.problems());
        assertTrue(WireJson.decode("{\"schemaVersion\":0,\"roles\":null}", ScanRequest.class).problems()
                .containsAll(List.of("schemaVersion is 0; versions start at 1", "roles is empty; a request names at least one role")));
    }

    @Test
    void aSucceededResultWithoutAnalysisIsRefused() {
        String json = "{\"schemaVersion\":1,\"scanId\":\"6f1c1d34-6a4c-4a53-9a55-0c3a4d1b2e10\",\"run\":1,"
                + "\"role\":\"architect\",\"outcome\":\"SUCCEEDED\"}";
        WireFormatException refused = assertThrows(WireFormatException.class, () -> RoleResult.decode(json));
        assertEquals("invalid RoleResult: outcome is SUCCEEDED but analysis is missing", refused.getMessage());
        assertEquals(List.of("role is blank", "outcome is missing"),
                WireJson.decode("{\"schemaVersion\":1,\"scanId\":\"6f1c1d34-6a4c-4a53-9a55-0c3a4d1b2e10\",\"run\":1}",
                        RoleResult.class).problems());
    }
}
