package dev.conclave.gateway.security;

import java.util.UUID;

/**
 * Who made the current request: the API key that authenticated it.
 *
 * @param keyId     the key's id; per-key limits and "its own scans" are keyed by it
 * @param keyPrefix the key's visible prefix, for logs and audit columns (never the secret part)
 * @param tenant    every row the caller reads or writes belongs to this tenant
 * @param role      what the key may do
 */
public record Caller(UUID keyId, String keyPrefix, String tenant, ApiRole role) {
}
