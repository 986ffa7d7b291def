package dev.conclave.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Versions of the shapes on the wire; a consumer refuses a message newer than it understands. */
public final class SchemaVersions {
    /** Version of {@link ScanRequest}, {@link RoleResult} and {@link ScanCompleted}. */
    public static final int WIRE = 1;
    /** Version of the report document ({@link ScanReport}) and the role analyses inside it. */
    public static final int REPORT = 1;

    /**
     * What is wrong with the envelope every per-run message shares (wire version, scan id, run), in
     * words; the message's own checks add to the returned list.
     */
    static List<String> envelopeProblems(int schemaVersion, UUID scanId, int run) {
        List<String> problems = new ArrayList<>();
        check(schemaVersion, problems);
        if (scanId == null) {
            problems.add("scanId is missing");
        }
        if (run < 1) {
            problems.add("run is " + run + "; runs start at 1");
        }
        return problems;
    }

    /** Throws {@link WireFormatException} naming every problem of a {@code type} message, if it has any. */
    static void refuseIfAny(String type, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new WireFormatException("invalid " + type + ": " + String.join("; ", problems));
        }
    }

    /** Adds a problem to {@code problems} when a message's wire version is not one this code reads. */
    private static void check(int schemaVersion, List<String> problems) {
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
