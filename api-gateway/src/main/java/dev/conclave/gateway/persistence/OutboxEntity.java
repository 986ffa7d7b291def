package dev.conclave.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A record that must reach Kafka, written in the transaction of the change it announces and deleted
 * once the broker acknowledged it: the table holds only what is not yet published.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The relay leaves the row alone until then: someone is publishing it, or it waits out a backoff. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
