package dev.conclave.model;

/** Where a scan run stands. COMPLETED, PARTIAL, FAILED and CANCELLED are final. */
public enum ScanStatus {
    QUEUED, RUNNING, COMPLETED, PARTIAL, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == PARTIAL || this == FAILED || this == CANCELLED;
    }
}
