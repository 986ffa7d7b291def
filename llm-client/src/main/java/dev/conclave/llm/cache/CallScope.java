package dev.conclave.llm.cache;

import dev.conclave.llm.ModelRef;
import java.util.UUID;

/** Which call a cache event belongs to, for its row in {@code cache_event}; {@code tenant} is the scan's. */
public record CallScope(UUID scanId, int run, String role, ModelRef model, String workerInstance, String tenant) {
}
