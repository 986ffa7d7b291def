package dev.conclave.aggregator.service;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The requests remembered for claiming are found by scan and run only, and stay within their bound. */
class RecentRequestsAreBoundedAndExactTest {

    private static ScanRequest request(UUID scanId, int run) {
        Instant now = Instant.now();
        return new ScanRequest(SchemaVersions.WIRE, scanId, run, "demo", List.of("architect"), null, now,
                now.plusSeconds(60), false);
    }

    @Test
    void aRunIsFoundByItsScanAndRunOnly() {
        RecentRequests recent = new RecentRequests(10_000);
        UUID scan = UUID.randomUUID();
        ScanRequest first = request(scan, 1);
        recent.remember(first, 100);
        assertSame(first, recent.find(scan, 1));
        assertNull(recent.find(scan, 2), "another run of the scan");
        assertNull(recent.find(UUID.randomUUID(), 1), "another scan");
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheBoundIsPassed() {
        RecentRequests recent = new RecentRequests(300);
        ScanRequest a = request(UUID.randomUUID(), 1);
        ScanRequest b = request(UUID.randomUUID(), 1);
        ScanRequest c = request(UUID.randomUUID(), 1);
        recent.remember(a, 100);
        recent.remember(b, 100);
        recent.find(a.scanId(), 1); // a used again: b is now the oldest
        recent.remember(c, 150);
        assertNull(recent.find(b.scanId(), 1));
        assertSame(a, recent.find(a.scanId(), 1));
        assertSame(c, recent.find(c.scanId(), 1));
        recent.remember(request(UUID.randomUUID(), 1), 301); // larger than the bound: not kept, nothing evicted
        assertSame(a, recent.find(a.scanId(), 1));
    }
}
