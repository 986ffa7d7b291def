package dev.conclave.gateway.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. {@code SUBMITTER} submits scans and reads its own; {@code VIEWER} reads
 * every scan of its tenant and its analytics; {@code ADMIN} does both and manages keys, replay and
 * dead letters.
 */
public enum ApiRole {
    SUBMITTER,
    VIEWER,
    ADMIN;

    /** The role names of {@code @RolesAllowed}: an identity has exactly its key's role, lower case. */
    public static final String SUBMITTER_ROLE = "submitter";
    public static final String VIEWER_ROLE = "viewer";
    public static final String ADMIN_ROLE = "admin";

    /** The name used on the wire, in {@code @RolesAllowed} and in the database's upper-case column. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a request or a row names, any case; empty when it is none of them. */
    public static Optional<ApiRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiRole role : values()) {
            if (role.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
