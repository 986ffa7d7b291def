package dev.conclave.model;

import java.util.List;

/** Kafka topic names. Every topic is keyed by scan id so one scan's messages stay ordered. */
public final class Topics {
    /** Scan requests published by the gateway, consumed once per specialist role. */
    public static final String SCAN_REQUESTS = "scan.requests";
    /** One {@link RoleResult} per role, consumed by the aggregator. */
    public static final String ROLE_RESULTS = "scan.results";
    /** One {@link ScanCompleted} per finished run. */
    public static final String SCAN_COMPLETED = "scan.completed";
    /** Messages that could not be decoded or failed repeatedly, with the reason in headers. */
    public static final String DEAD_LETTERS = "scan.dead-letters";

    public static final List<String> ALL = List.of(SCAN_REQUESTS, ROLE_RESULTS, SCAN_COMPLETED, DEAD_LETTERS);

    /** Consumer group of the specialists serving one role: instances of a role split its partitions. */
    public static String analysisGroup(String role) {
        return "analysis-" + role;
    }

    private Topics() {
    }
}
