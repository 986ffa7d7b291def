package dev.conclave.gateway.service;

import dev.conclave.delivery.Sql;
import dev.conclave.gateway.config.OutboxConfig;
import dev.conclave.gateway.config.Workable;
import dev.conclave.gateway.messaging.Deliveries;
import dev.conclave.gateway.messaging.OutboxPublisher;
import dev.conclave.gateway.messaging.OutboxRecord;
import dev.conclave.gateway.persistence.OutboxEntity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The transactional outbox: a record that must reach Kafka is stored in the transaction of the
 * change it announces, so both exist or neither does. Whoever wrote it tries to publish it right after
 * the commit ({@link #publishNow}); the relay ({@link #relayDue}) publishes whatever is left, on every
 * gateway instance. A row is deleted once the broker acknowledged its record.
 *
 * <p>Who may publish a row is decided by {@code next_attempt_at}, not by a lock held while waiting for
 * the broker: the writer's insert claims the row for {@code immediate-wait} plus a margin, the relay
 * claims due rows under {@code for update skip locked} and leases them for {@code ack-timeout} plus a
 * margin. No database connection is held while Kafka is slow or down, and a claim of a dead instance
 * simply expires. A record may be published twice (a lease expired mid-publish, a delete failed after
 * the ack); every consumer is idempotent, so a duplicate is harmless, a lost record is not.
 */
@ApplicationScoped
public class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** Room between a claim's expected end and its expiry, for a slow commit or a GC pause. */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(2);
    private static final int ERROR_LENGTH = 2000;

    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final EntityManager em;
    private final AgroalDataSource database;
    /** Rows of immediate publishes, deleted after their ack together with those of concurrent submissions. */
    private final GroupedDeletes acknowledgedDeletes;

    public Outbox(OutboxPublisher publisher, OutboxConfig config, EntityManager em, AgroalDataSource database) {
        this.publisher = publisher;
        this.config = config;
        this.em = em;
        this.database = database;
        // One statement in auto-commit: no JTA transaction or ORM session around it (issue 11).
        this.acknowledgedDeletes = new GroupedDeletes(ids -> Sql.withConnection(database,
                "deleting " + ids.size() + " acknowledged outbox rows", connection -> delete(connection, ids)));
    }

    void onStart(@Observes StartupEvent event) {
        Workable.require("the outbox settings (conclave.outbox.*)", problems(config));
    }

    /** Every problem of the settings, one sentence each naming what to change; empty when they can work. */
    public static List<String> problems(OutboxConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.batchSize() < 1) {
            problems.add("conclave.outbox.batch-size is " + config.batchSize() + "; it must be 1 or more");
        }
        if (config.immediateWait().isNegative() || config.immediateWait().isZero()) {
            problems.add("conclave.outbox.immediate-wait must be positive (default 3s)");
        }
        if (config.ackTimeout().compareTo(config.deliveryTimeout()) <= 0) {
            problems.add("conclave.outbox.ack-timeout (" + config.ackTimeout() + ") must be longer than"
                    + " conclave.outbox.delivery-timeout (" + config.deliveryTimeout() + "), or the relay gives up on"
                    + " records the producer still delivers and publishes them twice");
        }
        if (config.retryBackoff().isNegative() || config.retryBackoffMax().compareTo(config.retryBackoff()) < 0) {
            problems.add("conclave.outbox.retry-backoff must be 0 or more and at most conclave.outbox.retry-backoff-max");
        }
        return problems;
    }

    /**
     * Stores a record in the caller's transaction, claimed by the caller for an immediate
     * {@link #publishNow} after the commit; if that never happens the relay takes it when the claim expires.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxRecord add(String topic, String key, String payload) {
        OutboxEntity row = new OutboxEntity();
        row.topic = topic;
        row.messageKey = key;
        row.payload = payload;
        row.createdAt = Instant.now();
        row.nextAttemptAt = claimOfWriter(row.createdAt);
        row.persist();
        em.flush();
        return new OutboxRecord(row.id, topic, key, payload, 0);
    }

    /** Until when a row written at {@code createdAt} is its writer's to publish ({@code next_attempt_at}). */
    public Instant claimOfWriter(Instant createdAt) {
        return createdAt.plus(config.immediateWait()).plus(CLAIM_MARGIN);
    }

    /**
     * Publishes a record just committed by {@link #add}, waiting at most {@code immediate-wait} for the
     * ack. Never throws: a record not published here stays for the relay.
     */
    public boolean publishNow(OutboxRecord record) {
        try {
            Deliveries deliveries = publisher.publish(List.of(record), config.immediateWait());
            if (deliveries.acknowledged().contains(record.id())) {
                // The common case: deleted together with the rows of concurrent submissions, in one statement.
                acknowledgedDeletes.delete(record.id());
                return true;
            }
            settle(List.of(record), deliveries);
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("outbox row %d (%s, key %s) left to the relay: %s", record.id(), record.topic(), record.key(),
                    e.getMessage());
            return false;
        }
    }

    /** One relay round: claims up to a batch of due rows, oldest first, publishes them and settles them. */
    public RelayRound relayDue() {
        List<OutboxRecord> claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
        if (claimed.isEmpty()) {
            return new RelayRound(0, 0, false);
        }
        int published = settle(claimed, publisher.publish(claimed, config.ackTimeout()));
        return new RelayRound(claimed.size(), published, claimed.size() >= config.batchSize());
    }

    /** What is waiting to be published: a cheap query (a bounded count and one index lookup). */
    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    select (select count(*) from (select 1 from outbox limit 100000) b),
                           (select created_at from outbox order by id limit 1)""").getSingleResult();
            long rows = ((Number) row[0]).longValue();
            return new Backlog(rows, Optional.ofNullable(row[1]).map(Outbox::instant));
        });
    }

    private static Instant instant(Object timestamp) {
        return switch (timestamp) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp sql -> sql.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + timestamp.getClass());
        };
    }

    private List<OutboxRecord> claimDue() {
        @SuppressWarnings("unchecked")
        List<OutboxEntity> due = em.createNativeQuery("""
                select * from outbox
                where next_attempt_at <= now()
                order by id
                limit ?1
                for update skip locked""", OutboxEntity.class)
                .setParameter(1, config.batchSize())
                .getResultList();
        Instant leaseEnd = Instant.now().plus(config.ackTimeout()).plus(CLAIM_MARGIN);
        for (OutboxEntity row : due) {
            row.nextAttemptAt = leaseEnd;
        }
        return due.stream().map(r -> new OutboxRecord(r.id, r.topic, r.messageKey, r.payload, r.attempts)).toList();
    }

    /** Deletes the acknowledged rows and gives the failed ones a backoff; returns how many were acknowledged. */
    private int settle(List<OutboxRecord> records, Deliveries deliveries) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!deliveries.acknowledged().isEmpty()) {
                deleteNow(deliveries.acknowledged());
            }
            for (OutboxRecord record : records) {
                String error = deliveries.failed().get(record.id());
                if (error != null) {
                    int attempts = record.attempts() + 1;
                    em.createQuery("""
                            update OutboxEntity set attempts = :attempts, lastError = :error, nextAttemptAt = :next
                            where id = :id""")
                            .setParameter("attempts", attempts)
                            .setParameter("error", error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error)
                            .setParameter("next", Instant.now().plus(backoff(attempts)))
                            .setParameter("id", record.id())
                            .executeUpdate();
                }
            }
        });
        for (Map.Entry<Long, String> failure : deliveries.failed().entrySet()) {
            LOG.warnf("outbox row %d not published yet (the relay retries it): %s", failure.getKey(), failure.getValue());
        }
        return deliveries.acknowledged().size();
    }

    /**
     * Deletes acknowledged rows in one statement, in the caller's transaction: one array parameter, so
     * the statement is the same whatever the count (a plain statement, no entity or query translation).
     */
    private void deleteNow(List<Long> ids) {
        em.unwrap(Session.class).doWork(connection -> delete(connection, ids));
    }

    private static int delete(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return delete.executeUpdate();
        }
    }

    /** Exponential in the attempts, capped, with jitter so instances that failed together do not retry together. */
    Duration backoff(int attempts) {
        long base = config.retryBackoff().toMillis();
        long cap = config.retryBackoffMax().toMillis();
        long exponential = attempts >= 31 ? cap : Math.min(cap, base << Math.max(0, attempts - 1));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    /** The outcome of one relay round; {@code fullBatch} when more rows may be due right now. */
    public record RelayRound(int claimed, int published, boolean fullBatch) {
        /** Go on at once only while full batches go through; a failure waits for its backoff. */
        public boolean anotherRoundNow() {
            return fullBatch && published == claimed;
        }
    }

    /** Rows waiting to be published, and when the oldest was written. */
    public record Backlog(long rows, Optional<Instant> oldestCreatedAt) {
    }
}
