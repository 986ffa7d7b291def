package dev.conclave.model;

import java.util.List;

/** Versions of the shapes on the wire; a consumer refuses a message newer than it understands. */
public final class SchemaVersions {
    /** Version of {@link ScanRequest}, {@link RoleResult} and {@link ScanCompleted}. */
    public static final int WIRE = 1;
    /** Version of the report document ({@link ScanReport}) and the role analyses inside it. */
    public static final int REPORT = 1;

    /** Adds a problem to {@code problems} when a message's wire version is not one this code reads. */
    static void check(int schemaVersion, List<String> problems) {
        if (schemaVersion < 1) {
            problems.add("schemaVersion is " + schemaVersion + "; versions start at 1");
        } else if (schemaVersion > WIRE) {
            problems.add("schemaVersion " + schemaVersion + " is newer than " + WIRE
                    + ", the newest this consumer reads; upgrade the consumer");
        }
    }

    private SchemaVersions() {
    }
}
