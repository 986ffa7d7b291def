package dev.conclave.gateway.deadletters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One record of {@code scan.dead-letters} in the index: where it is on that topic, what its
 * dead-letter headers say, the original record byte for byte, and whether it was re-driven. Rows
 * are inserted by {@link DeadLetterStore#index} (idempotent on the position), never through this class.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetterEntity extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "dlq_partition")
    public int dlqPartition;
    @Column(name = "dlq_offset")
    public long dlqOffset;
    @Column(name = "source_topic")
    public String sourceTopic;
    @Column(name = "source_partition")
    public Integer sourcePartition;
    @Column(name = "source_offset")
    public Long sourceOffset;
    @Column(name = "consumer_group")
    public String consumerGroup;
    public String reason;
    public String exception;
    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;
    @Column(name = "record_key")
    public byte[] recordKey;
    @Column(name = "record_value")
    public byte[] recordValue;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredHeader> headers;
    @Column(name = "indexed_at")
    public Instant indexedAt;
    @Column(name = "redriven_at")
    public Instant redrivenAt;
    @Column(name = "redrive_count")
    public int redriveCount;
    /** The tenant of its scan when its key names a known scan, else the operator tenant. */
    public String tenant;

    /** The dead letter's own place, {@code scan.dead-letters/<partition>/<offset>}: the re-drive header's value. */
    public String position() {
        return DeadLetter.position(dlqPartition, dlqOffset);
    }
}
