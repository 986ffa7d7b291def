package dev.conclave.llm.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Tests against {@link FakeProvider}; classes with this profile share one application. */
public class FakeProviderProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeProvider.class));
    }
}
