package dev.conclave.llm.faults;

import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelCaller;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.SampleDigests;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** One architect task against the fake provider per test, with a fresh scan id and a clean server. */
abstract class FaultTestBase {
    @Inject
    ModelCaller models;

    UUID scanId;

    @BeforeEach
    void freshScanAndServer() {
        scanId = UUID.randomUUID();
        FakeProvider.server().resetAll();
    }

    AnalysisAnswer analyse() {
        return models.analyse(AnalysisTask.specialist(scanId, 1, "architect", SampleDigests.greeter(), false));
    }
}
