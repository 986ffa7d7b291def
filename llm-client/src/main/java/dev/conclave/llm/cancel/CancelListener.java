package dev.conclave.llm.cancel;

import dev.conclave.delivery.Backoff;
import dev.conclave.delivery.RetryPolicy;
import dev.conclave.llm.redis.RedisClients;
import dev.conclave.model.RunCancel;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Feeds {@link CancelledRuns} from the Redis channel {@link RunCancel#CHANNEL}, on every instance that
 * calls models (workers and aggregators). The subscription holds a connection of its own; when it
 * ends (Redis restarted or unreachable) it is made again, after a backoff, for as long as the process
 * runs. Cancels announced while it was down are not replayed: the database check before each role
 * still sees them, only a call already in flight then runs to its end.
 */
@ApplicationScoped
public class CancelListener {
    private static final Logger LOG = Logger.getLogger(CancelListener.class);

    private final ReactiveRedisDataSource redis;
    private final CancelledRuns runs;
    /** Resubscribes for as long as the process runs, 0.5 s doubling to 10 s with full jitter. */
    private static final RetryPolicy RESUBSCRIBE = new RetryPolicy(RetryPolicy.UNLIMITED, Duration.ofMillis(500),
            Duration.ofSeconds(10), RetryPolicy.Jitter.FULL, null, failure -> RetryPolicy.Verdict.UNTIL_BACK);

    private final Backoff backoff = RESUBSCRIBE.backoff();
    private final AtomicBoolean listening = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile ReactiveRedisSubscriber subscriber;

    public CancelListener(@RedisClientName(RedisClients.CANCEL) ReactiveRedisDataSource redis, CancelledRuns runs) {
        this.redis = redis;
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        subscribe();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped.set(true);
        ReactiveRedisSubscriber current = subscriber;
        if (current != null) {
            current.unsubscribe().subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** Whether the subscription is up: while it is not, only the database check stops a cancelled run. */
    public boolean listening() {
        return listening.get();
    }

    /** One message of the channel; anything that is not an announcement is ignored (the channel is not ours alone). */
    void onMessage(String message) {
        RunCancel.parse(message).ifPresentOrElse(run -> {
            LOG.infof("run %d of scan %s was cancelled: no further model call for it here", run.run(), run.scanId());
            runs.cancel(run);
        }, () -> LOG.warnf("ignored a message on %s that is not '<scan id> <run>': %.100s", RunCancel.CHANNEL, message));
    }

    private void subscribe() {
        if (stopped.get()) {
            return;
        }
        try {
            redis.pubsub(String.class).subscribe(RunCancel.CHANNEL, this::onMessage, () -> lost(null), this::lost)
                    .subscribe().with(this::subscribed, this::notSubscribed);
        } catch (RuntimeException e) {
            notSubscribed(e);
        }
    }

    private void subscribed(ReactiveRedisSubscriber subscription) {
        subscriber = subscription;
        listening.set(true);
        if (failures.getAndSet(0) > 0) {
            LOG.infof("listening for cancels on %s again", RunCancel.CHANNEL);
        }
    }

    /** The subscription ended or broke; only the first of its end and its error resubscribes. */
    private void lost(Throwable failure) {
        if (listening.compareAndSet(true, false)) {
            LOG.warnf("the subscription to %s ended (%s); resubscribing", RunCancel.CHANNEL,
                    failure == null ? "connection closed" : failure.getMessage());
            retryLater();
        }
    }

    private void notSubscribed(Throwable failure) {
        int failed = failures.incrementAndGet();
        if (failed == 1) {
            LOG.warnf("cannot subscribe to %s yet (%s); retrying, meanwhile cancels are seen in the database only",
                    RunCancel.CHANNEL, failure.getMessage());
        }
        retryLater();
    }

    private void retryLater() {
        if (stopped.get()) {
            return;
        }
        Duration wait = backoff.delay(Math.min(failures.get(), 10), null);
        Thread.ofVirtual().name("cancel-resubscribe").start(() -> {
            try {
                Thread.sleep(wait);
                subscribe();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
