package dev.conclave.aggregator.service;

import dev.conclave.model.ScanRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The scan requests this instance opened lately, decoded, so that claiming one of their runs need not read
 * the request back from its {@code aggregation} row and decode it again (issue 11: that was 4 % of the
 * aggregator's CPU). A run's request never changes once stored (the first insert wins and every copy of the
 * record is the same request), so a remembered one is the stored one. Bounded by the length of the requests'
 * JSON, least recently used first out; a run this instance did not open is read from the database as before.
 */
final class RecentRequests {
    /** JSON characters of the remembered requests in all (their decoded form takes a few times that). */
    static final long CAPACITY_CHARS = 4_000_000;

    private record Key(UUID scanId, int run) {
    }

    private record Entry(ScanRequest request, int chars) {
    }

    private final long capacity;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    RecentRequests() {
        this(CAPACITY_CHARS);
    }

    RecentRequests(long capacity) {
        this.capacity = capacity;
    }

    synchronized void remember(ScanRequest request, int jsonChars) {
        if (jsonChars > capacity) {
            return;
        }
        Entry previous = entries.put(new Key(request.scanId(), request.run()), new Entry(request, jsonChars));
        chars += jsonChars - (previous == null ? 0 : previous.chars());
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (chars > capacity && oldest.hasNext()) {
            chars -= oldest.next().getValue().chars();
            oldest.remove();
        }
    }

    /** The request of the run, if this instance opened it lately; else null. */
    synchronized ScanRequest find(UUID scanId, int run) {
        Entry entry = entries.get(new Key(scanId, run));
        return entry == null ? null : entry.request();
    }
}
