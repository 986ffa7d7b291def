package dev.conclave.gateway.messaging;

import dev.conclave.model.RunCancel;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Announces a stored cancel on the Redis channel {@link RunCancel#CHANNEL}, where every worker and
 * aggregator instance listens and aborts the run's model calls in flight. Best effort and bounded: the
 * cancel is already in PostgreSQL, which the workers read before each role, so an announcement Redis
 * did not take costs at most the calls already in flight.
 */
@ApplicationScoped
public class RunCancelAnnouncer {
    private static final Logger LOG = Logger.getLogger(RunCancelAnnouncer.class);
    /** A cancel answers quickly even with Redis gone; the database holds it anyway. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;

    public RunCancelAnnouncer(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Publishes the announcement; false (and a warning) when Redis did not take it in time. */
    public boolean announce(RunCancel cancel) {
        try {
            redis.pubsub(String.class).publish(RunCancel.CHANNEL, cancel.message()).await().atMost(WAIT);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("the cancel of scan %s run %d is stored but was not announced on Redis (%s): workers stop it"
                    + " before their next role, calls already in flight run to their end", cancel.scanId(), cancel.run(),
                    e.getMessage());
            return false;
        }
    }
}
