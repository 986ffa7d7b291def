package dev.conclave.gateway.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One dead letter in a list: where it came from, who gave up on it and why, its key (as text, or
 * {@code keyBase64} when it is not UTF-8), the size of its value, and its re-drives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterSummary(long id, String position, String sourceTopic, Integer sourcePartition,
        Long sourceOffset, String group, String reason, Instant deadLetteredAt, String key, String keyBase64,
        Integer valueBytes, Instant redrivenAt, int redriveCount) {

    static DeadLetterSummary of(DeadLetterEntity letter) {
        Bytes key = Bytes.of(letter.recordKey);
        return new DeadLetterSummary(letter.id, letter.position(), letter.sourceTopic, letter.sourcePartition,
                letter.sourceOffset, letter.consumerGroup, letter.reason, letter.deadLetteredAt, key.text(),
                key.base64(), letter.recordValue == null ? null : letter.recordValue.length, letter.redrivenAt,
                letter.redriveCount);
    }
}
