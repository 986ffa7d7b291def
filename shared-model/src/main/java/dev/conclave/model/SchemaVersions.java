package dev.conclave.model;

/** Versions of the shapes on the wire; a consumer refuses a message newer than it understands. */
public final class SchemaVersions {
    /** Version of {@link ScanRequest}, {@link RoleResult} and {@link ScanCompleted}. */
    public static final int WIRE = 1;
    /** Version of the report document ({@link ScanReport}) and the role analyses inside it. */
    public static final int REPORT = 1;

    private SchemaVersions() {
    }
}
