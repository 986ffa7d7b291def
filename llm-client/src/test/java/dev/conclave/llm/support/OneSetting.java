package dev.conclave.llm.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A test profile that changes one setting: a subclass names it and its value. */
public abstract class OneSetting implements QuarkusTestProfile {
    private final Map<String, String> override;

    protected OneSetting(String key, String value) {
        this.override = Map.of(key, value);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return override;
    }
}
