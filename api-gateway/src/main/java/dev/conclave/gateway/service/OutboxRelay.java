package dev.conclave.gateway.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes what the outbox still holds: records whose immediate publication failed (the broker was
 * down or slow) or never happened (the gateway died between the commit and the publish). Runs on every
 * gateway instance; {@code for update skip locked} and the claim on each row keep instances apart.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;

    public OutboxRelay(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${conclave.outbox.relay-interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            Outbox.RelayRound round;
            do {
                round = outbox.relayDue();
                if (round.published() > 0) {
                    LOG.infof("outbox relay published %d of %d records", round.published(), round.claimed());
                }
            } while (round.anotherRoundNow());
        } catch (RuntimeException e) {
            // The database is down or refused: the rows stay, the next round tries again.
            LOG.warnf("outbox relay round failed, retried in the next round: %s", e.getMessage());
        }
    }
}
