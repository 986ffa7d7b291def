package dev.conclave.gateway.deadletters;

import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of {@code scan.dead-letters} read apart: its position there, what its dead-letter headers
 * say (null where one is missing or unreadable: a record anyone wrote to the topic is still indexed),
 * and the original record's key, value and own headers byte for byte.
 */
record DeadLetter(int dlqPartition, long dlqOffset, String sourceTopic, Integer sourcePartition, Long sourceOffset,
        String group, String reason, String exception, Instant deadLetteredAt, byte[] key, byte[] value,
        List<StoredHeader> headers) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<StoredHeader> own = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetters.PREFIX)) {
                own.add(new StoredHeader(header.key(),
                        header.value() == null ? null : Base64.getEncoder().encodeToString(header.value())));
            }
        }
        String time = header(record, DeadLetters.TIME);
        Instant at = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        try {
            at = time == null ? at : Instant.parse(time);
        } catch (DateTimeException e) {
            // not a time: the record's own timestamp is the next best
        }
        return new DeadLetter(record.partition(), record.offset(), header(record, DeadLetters.TOPIC),
                integer(header(record, DeadLetters.PARTITION)), longValue(header(record, DeadLetters.OFFSET)),
                header(record, DeadLetters.GROUP), reason(record), header(record, DeadLetters.EXCEPTION), at,
                record.key(), record.value(), List.copyOf(own));
    }

    /** The same dead letter without its own headers, with why they were dropped: for one whose headers cannot be stored. */
    DeadLetter withoutHeaders(String why) {
        String note = "(its headers were not indexed: " + why + ")";
        return new DeadLetter(dlqPartition, dlqOffset, sourceTopic, sourcePartition, sourceOffset, group,
                reason == null ? note : reason + " " + note, exception, deadLetteredAt, key, value, List.of());
    }

    static String position(int partition, long offset) {
        return Topics.DEAD_LETTERS + "/" + partition + "/" + offset;
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        String reason = header(record, DeadLetters.REASON);
        String dropped = header(record, DeadLetters.REASON + "-value-dropped");
        return dropped == null ? reason : reason + " (the value was not kept: " + dropped + ")";
    }

    /**
     * The last header of that name as text, never failing: bytes that are not UTF-8 become U+FFFD, and
     * NUL (which PostgreSQL's text cannot hold) too, so no header can keep a dead letter out of the index.
     */
    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
