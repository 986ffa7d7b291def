package dev.conclave.model;

/** How one specialist role ended for one scan run. */
public enum RoleOutcome {
    SUCCEEDED, FAILED
}
