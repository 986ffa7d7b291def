package dev.conclave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request's tenant survives the wire; a request from before tenants (no field, or null) reads as the default
 * tenant; and a reader that knows no tenant (version 1 as it was) still reads a request that has one.
 */
class TenantOnTheWireReadsDefaultWhenAbsentTest {

    /** The fields a reader from before tenants knew of a request, enough to show it decodes. */
    record ReaderBeforeTenants(int schemaVersion, UUID scanId, int run, String projectName, List<String> roles) {
    }

    @Test
    void theTenantSurvivesTheWireAndItsAbsenceIsTheDefault() {
        ScanRequest ofT2 = request("t2");
        ObjectNode withoutTenant = (ObjectNode) WireJson.tree(ofT2);
        withoutTenant.remove("tenant");
        ObjectNode nullTenant = withoutTenant.deepCopy().putNull("tenant");

        assertEquals("t2", ScanRequest.decode(WireJson.encode(ofT2)).tenant());
        assertEquals("default", ScanRequest.decode(withoutTenant.toString()).tenant());
        assertEquals("default", ScanRequest.decode(nullTenant.toString()).tenant());
        assertEquals("default", request(null).tenant(), "a request built without a tenant");
    }

    @Test
    void aTenantThatCannotBeOneIsRefusedWithTheReason() {
        ObjectNode json = (ObjectNode) WireJson.tree(request("t2"));

        for (var bad : List.of(json.deepCopy().put("tenant", "t".repeat(129)), json.deepCopy().put("tenant", "t2\nforged"))) {
            WireFormatException refused = assertThrows(WireFormatException.class, () -> ScanRequest.decode(bad.toString()));
            assertTrue(refused.getMessage().contains("tenant is not a tenant name"), refused.getMessage());
        }
        ObjectNode notText = json.deepCopy().set("tenant", WireJson.mapper().createObjectNode().put("name", "t2"));
        assertThrows(WireFormatException.class, () -> ScanRequest.decode(notText.toString()));
    }

    @Test
    void aReaderFromBeforeTenantsStillReadsARequestWithOne() {
        ScanRequest ofT2 = request("t2");

        ReaderBeforeTenants old = WireJson.decode(WireJson.encode(ofT2), ReaderBeforeTenants.class);

        assertEquals(new ReaderBeforeTenants(SchemaVersions.WIRE, ofT2.scanId(), 1, "demo", List.of("architect")), old);
    }

    private static ScanRequest request(String tenant) {
        Instant now = Instant.parse("2026-12-01T04:00:00Z");
        ScanDigest digest = new ScanDigest("demo", 1, 10, List.of(new LanguageStat("Java", 1, 10)), List.of("A.java"),
                false, null, List.of(), new ProjectFacts(false, false, false, false, false, false, false, 0, 1, List.of(),
                List.of(), List.of()), new StaticScores(5, 10, 0));
        return new ScanRequest(SchemaVersions.WIRE, UUID.randomUUID(), 1, "demo", List.of("architect"), digest, now,
                now.plusSeconds(600), false, Map.of(), Map.of(), RunOrigin.SUBMITTED, null, tenant);
    }
}
