package dev.conclave.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The intake limits as shipped (file:// disabled), except single files up to 200 MB so that a bomb meets the
 * ratio rule first: for tests where the test profile's small limits would stop an upload before the rule under test.
 */
public class ProductionIntakeLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "conclave.intake.max-archive-bytes", "50000000",
                "conclave.intake.max-file-bytes", "200000000",
                "conclave.intake.max-uncompressed-bytes", "200000000",
                "conclave.intake.max-entries", "20000",
                "conclave.intake.max-compression-ratio", "100",
                "conclave.intake.git.allow-file", "false");
    }
}
