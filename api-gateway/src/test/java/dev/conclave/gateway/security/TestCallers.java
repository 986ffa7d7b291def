package dev.conclave.gateway.security;

import java.util.UUID;

/** Callers for tests that use the services directly, without a request. */
public final class TestCallers {
    /** An admin of the default (operator) tenant, as the bootstrap key is. */
    public static final Caller OPERATOR_ADMIN = new Caller(new UUID(0, 1), "cnk_testadmn", CurrentCaller.DEFAULT_TENANT,
            ApiRole.ADMIN);

    private TestCallers() {
    }
}
