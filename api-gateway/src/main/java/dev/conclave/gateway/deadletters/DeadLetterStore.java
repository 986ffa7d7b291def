package dev.conclave.gateway.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.conclave.gateway.security.AuthConfig;
import org.hibernate.Session;

/** Table {@code dead_letter}: the index's writes and the API's reads, each in its own transaction. */
@ApplicationScoped
public class DeadLetterStore {
    private static final String INSERT = """
            insert into dead_letter (dlq_partition, dlq_offset, source_topic, source_partition, source_offset,
                consumer_group, reason, exception, dead_lettered_at, record_key, record_value, headers, tenant)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), coalesce((select tenant from scan where id = ?), ?))
            on conflict (dlq_partition, dlq_offset) do nothing""";

    private final EntityManager entities;
    private final String operatorTenant;
    private final ObjectMapper json = new ObjectMapper();

    public DeadLetterStore(EntityManager entities, AuthConfig auth) {
        this.entities = entities;
        this.operatorTenant = auth.operatorTenant();
    }

    /** Stores a dead letter unless its position is indexed already (it came again): true if it is new. */
    @Transactional
    public boolean index(DeadLetter letter) {
        String headers;
        try {
            headers = json.writeValueAsString(letter.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the headers of " + DeadLetter.position(letter.dlqPartition(),
                    letter.dlqOffset()), e);
        }
        // Plain JDBC: typed nulls for bytea and integer columns, and ON CONFLICT, which JPQL has not.
        return entities.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setInt(1, letter.dlqPartition());
                insert.setLong(2, letter.dlqOffset());
                insert.setString(3, letter.sourceTopic());
                insert.setObject(4, letter.sourcePartition(), Types.INTEGER);
                insert.setObject(5, letter.sourceOffset(), Types.BIGINT);
                insert.setString(6, letter.group());
                insert.setString(7, letter.reason());
                insert.setString(8, letter.exception());
                insert.setTimestamp(9, Timestamp.from(letter.deadLetteredAt()));
                insert.setBytes(10, letter.key());
                insert.setBytes(11, letter.value());
                insert.setString(12, headers);
                // Every topic is keyed by scan id: the letter is that scan's tenant's, else the operator's.
                insert.setObject(13, scanId(letter.key()), Types.OTHER);
                insert.setString(14, operatorTenant);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** The letter, if it is {@code tenant}'s. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetterEntity> find(long id, String tenant) {
        return DeadLetterEntity.<DeadLetterEntity>findByIdOptional(id).filter(letter -> letter.tenant.equals(tenant));
    }

    /** The letter, locked until the caller's transaction ends, so two re-drives of it take turns. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetterEntity> lock(long id) {
        return DeadLetterEntity.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Up to {@code limit} matching letters, newest first, below {@code beforeId} when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetterEntity> page(DeadLetterFilter filter, Optional<Long> beforeId, int limit) {
        return query(filter, beforeId).page(Page.ofSize(limit)).list();
    }

    /** The ids of up to {@code limit} matching letters, newest first, below {@code beforeId} when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> ids(DeadLetterFilter filter, Optional<Long> beforeId, int limit) {
        DeadLetterFilter.Where where = filter.where(beforeId);
        var query = entities.createQuery("select id from DeadLetterEntity where " + where.condition()
                + " order by id desc", Long.class).setMaxResults(limit);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Removes one letter of {@code tenant} from the index; false if there was none. */
    @Transactional
    public boolean delete(long id, String tenant) {
        return DeadLetterEntity.delete("id = ?1 and tenant = ?2", id, tenant) == 1;
    }

    /** Removes every matching letter from the index; how many. */
    @Transactional
    public long delete(DeadLetterFilter filter) {
        DeadLetterFilter.Where where = filter.where(Optional.empty());
        return DeadLetterEntity.delete(where.condition(), parameters(where));
    }

    /** Records a re-drive the broker acknowledged, on a letter locked by {@link #lock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markRedriven(DeadLetterEntity letter, Instant at) {
        letter.redrivenAt = at;
        letter.redriveCount++;
    }

    private static PanacheQuery<DeadLetterEntity> query(DeadLetterFilter filter, Optional<Long> beforeId) {
        DeadLetterFilter.Where where = filter.where(beforeId);
        return DeadLetterEntity.find(where.condition(), Sort.descending("id"), parameters(where));
    }

    /** The scan id a record key names, or null: keys are scan ids as text, but a dead letter's may be anything. */
    private static UUID scanId(byte[] key) {
        if (key == null || key.length != 36) {
            return null;
        }
        try {
            return UUID.fromString(new String(key, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Parameters parameters(DeadLetterFilter.Where where) {
        Parameters parameters = new Parameters();
        where.parameters().forEach(parameters::and);
        return parameters;
    }
}
