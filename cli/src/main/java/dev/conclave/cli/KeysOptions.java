package dev.conclave.cli;

import java.net.URI;
import java.util.Set;

/**
 * {@code conclave keys create|list|revoke ...} once understood ({@link KeysCli}).
 *
 * @param name     create: the key's name (who or what uses it); null otherwise
 * @param role     create: submitter, viewer or admin; null otherwise
 * @param tenant   create: the tenant the key belongs to; null for the creating key's own
 * @param ttlDays  create: days until the key expires; null for a key that does not expire
 * @param id       revoke: the key's id; null otherwise
 * @param json     print the gateway's JSON answer as it is
 */
record KeysOptions(Action action, URI server, String name, String role, String tenant, Integer ttlDays, String id,
        boolean json) {

    enum Action { CREATE, LIST, REVOKE }

    static final Set<String> ROLES = Set.of("submitter", "viewer", "admin");
}
