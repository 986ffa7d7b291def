package dev.conclave.aggregator.messaging;

import dev.conclave.model.WireFormatException;
import org.jboss.logging.Logger;

/**
 * Runs a message's handling a few times with growing pauses before giving up on it, so a
 * database hiccup does not send a good message to the dead-letter topic; an undecodable message
 * goes there at once. Whatever still throws is nacked and dead-lettered by SmallRye.
 */
final class Redelivery {
    private static final Logger LOG = Logger.getLogger(Redelivery.class);
    private static final int ATTEMPTS = 4;

    static void handle(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (WireFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                long pause = (long) (200 * Math.pow(3, attempt - 1) * (0.5 + Math.random()));
                LOG.warnf("%s failed (attempt %d of %d), again in %d ms: %s", what, attempt, ATTEMPTS, pause, e.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Redelivery() {
    }
}
