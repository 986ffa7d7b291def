package dev.conclave.gateway.deadletters;

import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends dead letters back to the topic they were consumed from: the original key, value bytes and
 * headers plus {@link DeadLetters#REDRIVEN_FROM}. Each letter is locked while it is sent, and marked
 * re-driven (time, count) in the same transaction once the broker acknowledged it, so two re-drives
 * of one letter take turns and the second finds it re-driven. A crash between the acknowledgement
 * and the commit sends it twice; the consumers are idempotent.
 */
@ApplicationScoped
public class DeadLetterRedrives {
    /** Where a dead letter may go back to: the topics Conclave consumes (never the dead letters themselves). */
    static final List<String> TARGETS = Topics.ALL.stream().filter(t -> !t.equals(Topics.DEAD_LETTERS)).toList();
    private static final Logger LOG = Logger.getLogger(DeadLetterRedrives.class);
    private static final int ID_BATCH = 10_000;

    private final DeadLetterStore store;
    private final RedrivePublisher publisher;

    public DeadLetterRedrives(DeadLetterStore store, RedrivePublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** Re-drives one letter, or does nothing if it was re-driven before and {@code force} is false. */
    public RedriveOutcome redrive(long id, boolean force) {
        return QuarkusTransaction.requiringNew().call(() -> redriveLocked(id, force));
    }

    /** Re-drives every matching letter, one transaction each; stops at the first broker failure. */
    public BulkRedriveOutcome redrive(DeadLetterFilter filter, boolean force) {
        List<Long> ids = matchingIds(filter);
        long redriven = 0;
        long already = 0;
        long failed = 0;
        String error = null;
        for (int i = 0; i < ids.size(); i++) {
            try {
                RedriveOutcome outcome = redrive(ids.get(i), force);
                if (outcome.outcome().equals(RedriveOutcome.REDRIVEN)) {
                    redriven++;
                } else {
                    already++;
                }
            } catch (DeadLetterRefusal refusal) {
                error = error == null ? refusal.getMessage() : error;
                if (refusal.status() == 503) {
                    failed += ids.size() - i;
                    if (redriven == 0) {
                        throw refusal; // nothing happened at all: the same answer as for one letter
                    }
                    break;
                }
                failed++; // purged meanwhile, or nowhere to send it back to
            }
        }
        LOG.infof("bulk re-drive (force=%s): %d matched, %d re-driven, %d already, %d failed", force, ids.size(),
                redriven, already, failed);
        return new BulkRedriveOutcome(ids.size(), redriven, already, failed, error);
    }

    private List<Long> matchingIds(DeadLetterFilter filter) {
        List<Long> ids = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<Long> batch = store.ids(filter, before, ID_BATCH);
            ids.addAll(batch);
            if (batch.size() < ID_BATCH) {
                return ids;
            }
            before = Optional.of(batch.getLast());
        }
    }

    private RedriveOutcome redriveLocked(long id, boolean force) {
        DeadLetterEntity letter = store.lock(id).orElseThrow(() -> DeadLetterRefusal.notFound(id));
        if (letter.redrivenAt != null && !force) {
            return new RedriveOutcome(id, RedriveOutcome.ALREADY_REDRIVEN, letter.sourceTopic, letter.position(),
                    letter.redriveCount, letter.redrivenAt);
        }
        publisher.send(record(letter, target(letter)));
        store.markRedriven(letter, Instant.now());
        LOG.infof("dead letter %d (%s) re-driven to %s, %d times now", id, letter.position(), letter.sourceTopic,
                letter.redriveCount);
        return new RedriveOutcome(id, RedriveOutcome.REDRIVEN, letter.sourceTopic, letter.position(),
                letter.redriveCount, letter.redrivenAt);
    }

    private static String target(DeadLetterEntity letter) {
        if (letter.sourceTopic == null) {
            throw DeadLetterRefusal.notRedrivable(letter.id, "it has no " + DeadLetters.TOPIC
                    + " header, so where it came from is unknown; purge it, or publish its value yourself");
        }
        if (!TARGETS.contains(letter.sourceTopic)) {
            throw DeadLetterRefusal.notRedrivable(letter.id, "it names '" + letter.sourceTopic + "' as its source,"
                    + " which is not a topic Conclave consumes " + TARGETS + "; purge it");
        }
        return letter.sourceTopic;
    }

    /** The original record again, with {@link DeadLetters#REDRIVEN_FROM} replacing any earlier one. */
    private static ProducerRecord<byte[], byte[]> record(DeadLetterEntity letter, String topic) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, letter.recordKey, letter.recordValue);
        for (StoredHeader header : letter.headers == null ? List.<StoredHeader>of() : letter.headers) {
            if (!header.key().equals(DeadLetters.REDRIVEN_FROM)) {
                record.headers().add(header.key(), header.value() == null ? null : Base64.getDecoder().decode(header.value()));
            }
        }
        record.headers().add(DeadLetters.REDRIVEN_FROM, letter.position().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
