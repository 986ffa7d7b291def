package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.service.FanIn.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a synthesis claim alive while its synthesis runs: every third of the lease it extends
 * {@code claimed_until}, so a synthesis slower than the lease (retries, fallbacks, a slow model) is
 * not taken over and paid for a second time. Renewing stops when the synthesis is done, or when the
 * claim is no longer this one's.
 */
@ApplicationScoped
public class LeaseHeartbeat {
    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);

    private final FanIn fanIn;
    private final Duration period;

    public LeaseHeartbeat(FanIn fanIn, AggregationConfig config) {
        this.fanIn = fanIn;
        this.period = config.synthesisLease().dividedBy(3);
    }

    /** Starts renewing {@code claim}'s lease until the returned beat is closed. */
    public Beat start(Claim claim) {
        Beat beat = new Beat();
        Thread.ofVirtual().name("synthesis-lease-" + claim.request().scanId()).start(() -> renewUntilDone(claim, beat));
        return beat;
    }

    private void renewUntilDone(Claim claim, Beat beat) {
        try {
            // A latch, not an interrupt: interrupting a thread inside JDBC would close its connection.
            while (!beat.done.await(period.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    if (!fanIn.renew(claim)) {
                        if (beat.done.getCount() == 0) {
                            return; // the run was closed or released while this renewal waited for its row
                        }
                        LOG.warnf("synthesis of scan %s run %d no longer holds its claim; its outcome will not be written",
                                claim.request().scanId(), claim.request().run());
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("could not renew the synthesis lease of scan %s run %d, trying again in %s: %s",
                            claim.request().scanId(), claim.request().run(), period, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A running heartbeat; closing it stops the renewals (a renewal already under way changes nothing after the close). */
    public static final class Beat implements AutoCloseable {
        private final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void close() {
            done.countDown();
        }
    }
}
