package dev.conclave.llm.progress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reported step is appended to the scan's Redis stream, which expires on its own. */
@QuarkusTest
class ReportedStepsLandInTheScansStreamTest {
    @Inject
    ProgressReporter progress;

    @Inject
    RedisDataSource redis;

    @Test
    void stepIsInTheStreamWithATimeToLive() {
        UUID scanId = UUID.randomUUID();

        progress.report(scanId, 1, "deployment", ProgressStage.RETRYING, "openrouter/m", "http_503; attempt 2 in 800 ms");

        String key = ProgressEvent.streamKey(scanId);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.execute("XLEN", key).toLong() == 1);
        String entry = redis.execute("XRANGE", key, "-", "+").get(0).get(1).get(1).toString();
        assertTrue(entry.contains("\"stage\":\"RETRYING\"") && entry.contains("http_503"), entry);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.execute("TTL", key).toLong() > 0);
    }
}
