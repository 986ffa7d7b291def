package dev.conclave.gateway.security;

/**
 * What an API key may do. {@code SUBMITTER} submits scans and reads its own; {@code VIEWER} reads
 * every scan of its tenant and its analytics; {@code ADMIN} does both and manages keys, replay and
 * dead letters.
 */
public enum ApiRole {
    SUBMITTER,
    VIEWER,
    ADMIN
}
