package dev.conclave.llm.cancel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.conclave.llm.ratelimit.OwnRedis;
import dev.conclave.llm.ratelimit.OwnRedisServer;
import dev.conclave.model.RunCancel;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cancel listener on a Redis of the test's own: what is not an announcement is ignored, an
 * announcement marks its run, and after Redis was killed and started again the listener subscribes
 * again by itself and hears the next one.
 */
@QuarkusTest
@TestProfile(OwnRedis.class)
class CancelIsHeardAgainAfterRedisRestartsTest {
    @Inject
    CancelledRuns runs;
    @Inject
    CancelListener listener;
    @Inject
    RedisDataSource redis;

    OwnRedisServer server;

    @Test
    void malformedMessagesAreIgnoredAndAnnouncementsAreHeardAcrossARestart() {
        await("the first subscription").atMost(Duration.ofSeconds(20)).until(listener::listening);
        UUID malformed = UUID.randomUUID();
        publish("not a cancel");
        publish(malformed + " 0");
        publish(malformed + " one");
        UUID before = UUID.randomUUID();
        publish(new RunCancel(before, 1).message());
        await("the announcement before the restart").atMost(Duration.ofSeconds(10)).until(() -> runs.isCancelled(before, 1));
        assertFalse(runs.isCancelled(malformed, 0) || runs.isCancelled(malformed, 1), "nothing marked by a malformed message");

        server.kill();
        await("the subscription to end").atMost(Duration.ofSeconds(20)).until(() -> !listener.listening());
        server.start();
        await("the subscription again").atMost(Duration.ofSeconds(30)).until(listener::listening);

        UUID after = UUID.randomUUID();
        publish(new RunCancel(after, 2).message());
        await("the announcement after the restart").atMost(Duration.ofSeconds(10)).until(() -> runs.isCancelled(after, 2));
    }

    private void publish(String message) {
        redis.pubsub(String.class).publish(RunCancel.CHANNEL, message);
    }
}
