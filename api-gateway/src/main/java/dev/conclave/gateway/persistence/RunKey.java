package dev.conclave.gateway.persistence;

import java.io.Serializable;
import java.util.UUID;

/** Primary key of the per-run tables: (scan, run). */
public record RunKey(UUID scanId, int run) implements Serializable {
}
