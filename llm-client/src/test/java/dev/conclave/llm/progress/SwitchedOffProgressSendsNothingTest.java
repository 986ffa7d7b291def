package dev.conclave.llm.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.support.OneSetting;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code conclave.llm.progress.enabled=false} writes no event to a scan's stream. */
@QuarkusTest
@TestProfile(SwitchedOffProgressSendsNothingTest.Off.class)
class SwitchedOffProgressSendsNothingTest {

    public static class Off extends OneSetting {
        public Off() {
            super("conclave.llm.progress.enabled", "false");
        }
    }

    @Inject
    ProgressReporter progress;

    @Inject
    RedisDataSource redis;

    @Test
    void noStreamIsWritten() throws InterruptedException {
        UUID scanId = UUID.randomUUID();

        progress.report(scanId, 1, "architect", ProgressStage.STARTED, null, null);
        Thread.sleep(200); // reporting is fire-and-forget: give a write the time it would take

        assertEquals(0L, redis.execute("EXISTS", ProgressEvent.streamKey(scanId)).toLong());
    }
}
