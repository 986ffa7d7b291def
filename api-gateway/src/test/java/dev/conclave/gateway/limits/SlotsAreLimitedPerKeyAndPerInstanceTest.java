package dev.conclave.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Uploads and event streams held at once: per API key and per instance, freed on close, refusals naming the key. */
class SlotsAreLimitedPerKeyAndPerInstanceTest {
    private final ConcurrencyLimit uploads = new ConcurrencyLimit("uploads", 3, "conclave.limits.uploads-per-instance",
            2, "conclave.limits.uploads-per-key", 2);
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void aKeyBeyondItsShareIsRefusedWhileAnotherKeyIsNot() {
        ConcurrencyLimit.Slot first = uploads.acquire(alice);
        uploads.acquire(alice);
        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> uploads.acquire(alice));
        assertTrue(refused.getMessage().contains("conclave.limits.uploads-per-key=2"), refused.getMessage());
        assertEquals(2, refused.retryAfterSeconds());
        assertEquals(2, uploads.inUse(), "a refused request holds nothing");

        uploads.acquire(bob);
        first.close();
        uploads.acquire(alice);
        assertEquals(3, uploads.inUse());
    }

    @Test
    void theInstanceLimitCountsEveryKey() {
        uploads.acquire(alice);
        uploads.acquire(alice);
        uploads.acquire(bob);
        LimitExceededException refused = assertThrows(LimitExceededException.class, () -> uploads.acquire(UUID.randomUUID()));
        assertTrue(refused.getMessage().contains("conclave.limits.uploads-per-instance=3"), refused.getMessage());
        assertEquals(3, uploads.inUse());
    }

    @Test
    void closingASlotTwiceFreesItOnce() {
        ConcurrencyLimit.Slot slot = uploads.acquire(alice);
        uploads.acquire(alice);
        slot.close();
        slot.close();
        assertEquals(1, uploads.inUse());
        uploads.acquire(alice);
        assertThrows(LimitExceededException.class, () -> uploads.acquire(alice),
                "a second close must not have freed a slot it did not hold");
    }
}
