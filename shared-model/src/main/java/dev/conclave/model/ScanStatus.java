package dev.conclave.model;

/** Where a scan run stands. COMPLETED, PARTIAL and FAILED are final. */
public enum ScanStatus {
    QUEUED, RUNNING, COMPLETED, PARTIAL, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == PARTIAL || this == FAILED;
    }
}
