package dev.conclave.gateway.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * One dead letter in full: its {@link DeadLetterSummary} fields, the exception class, the value as
 * text ({@code value}) or, when it is not UTF-8, as {@code valueBase64}, and the original record's
 * own headers the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterDetail(long id, String position, String sourceTopic, Integer sourcePartition,
        Long sourceOffset, String group, String reason, String exception, Instant deadLetteredAt, Instant indexedAt,
        String key, String keyBase64, String value, String valueBase64, Integer valueBytes, List<Header> headers,
        Instant redrivenAt, int redriveCount) {

    /** A header of the original record: its value as text, or as base64 when it is not UTF-8. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(String key, String value, String valueBase64) {
    }

    static DeadLetterDetail of(DeadLetterEntity letter) {
        Bytes key = Bytes.of(letter.recordKey);
        Bytes value = Bytes.of(letter.recordValue);
        List<Header> headers = (letter.headers == null ? List.<StoredHeader>of() : letter.headers).stream()
                .map(h -> {
                    Bytes bytes = Bytes.of(h.value() == null ? null : Base64.getDecoder().decode(h.value()));
                    return new Header(h.key(), bytes.text(), bytes.base64());
                }).toList();
        return new DeadLetterDetail(letter.id, letter.position(), letter.sourceTopic, letter.sourcePartition,
                letter.sourceOffset, letter.consumerGroup, letter.reason, letter.exception, letter.deadLetteredAt,
                letter.indexedAt, key.text(), key.base64(), value.text(), value.base64(),
                letter.recordValue == null ? null : letter.recordValue.length, headers, letter.redrivenAt,
                letter.redriveCount);
    }
}
