package dev.conclave.gateway.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Selects the runs of a topic replay: re-reads {@code scan.results} or {@code scan.requests} between
 * two instants through a consumer of its own (assign plus offsets-for-times, up to the high-water
 * marks taken when it starts, never a live group's offsets) and writes one replay_item per run read.
 */
@ApplicationScoped
public class TopicReplay {

    /**
     * Reads {@code topic} from {@code from} to {@code to} and inserts the job's items idempotently.
     *
     * @return how many records were read, how many runs were selected, how many records were skipped (undecodable)
     */
    public Selection select(UUID jobId, String topic, Instant from, Instant to) {
        throw new UnsupportedOperationException("topic replay selection is being built");
    }

    /** What a topic read found. */
    public record Selection(long recordsRead, long runsSelected, long recordsSkipped) {
    }
}
