package dev.conclave.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The role consumers of one process share the decoding of a record, and never hand out another record's. */
class EachRequestIsDecodedOnceForEveryRoleTest {
    private final SharedDecodes decodes = new SharedDecodes();

    private static ConsumerRecord<String, String> record(int partition, long offset, ScanRequest request) {
        return record(partition, offset, WireJson.encode(request));
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String text) {
        return new ConsumerRecord<>("scan.requests", partition, offset, "key", text);
    }

    @Test
    void theRolesOfOneRecordShareOneDecoding() {
        ScanRequest sent = WorkerWire.request(UUID.randomUUID(), 1);
        // Each role's consumer has a record object of its own, with a text of its own.
        ScanRequest architect = decodes.decode(record(3, 41, sent));
        ScanRequest deployment = decodes.decode(record(3, 41, sent));
        ScanRequest business = decodes.decode(record(3, 41, sent));
        assertEquals(sent.scanId(), architect.scanId());
        assertSame(architect, deployment);
        assertSame(architect, business);
    }

    @Test
    void anotherRecordInTheSameSlotIsDecodedAfresh() {
        ScanRequest first = WorkerWire.request(UUID.randomUUID(), 1);
        ScanRequest second = WorkerWire.request(UUID.randomUUID(), 1);
        decodes.decode(record(0, 5, first));
        // Same slot (offset SLOTS further on), another record: its own decoding.
        ScanRequest later = decodes.decode(record(0, 5 + SharedDecodes.SLOTS, second));
        assertEquals(second.scanId(), later.scanId());
        // Same partition and offset with another text (a topic made again): never the remembered one.
        ScanRequest other = WorkerWire.request(UUID.randomUUID(), 2);
        assertEquals(other.scanId(), decodes.decode(record(0, 5 + SharedDecodes.SLOTS, other)).scanId());
        assertEquals(2, decodes.decode(record(0, 5 + SharedDecodes.SLOTS, other)).run());
    }

    @Test
    void aLongRequestIsDecodedByEachRoleAndABadOneFailsEachTime() {
        ScanRequest sent = WorkerWire.request(UUID.randomUUID(), 1);
        String text = WireJson.encode(sent);
        String padded = text.substring(0, text.length() - 1) + ",\"padding\":\"" + "x".repeat(SharedDecodes.MAX_CHARS) + "\"}";
        ScanRequest one = decodes.decode(record(1, 7, padded));
        ScanRequest two = decodes.decode(record(1, 7, padded));
        assertEquals(sent.scanId(), one.scanId());
        assertNotSame(one, two);

        assertThrows(WireFormatException.class, () -> decodes.decode(record(2, 9, "{\"scanId\": ")));
        assertThrows(WireFormatException.class, () -> decodes.decode(record(2, 9, "{\"scanId\": ")));
    }
}
