package dev.conclave.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one specialist role produced for one scan run, published on {@link Topics#ROLE_RESULTS}.
 * A role that gives up publishes {@link RoleOutcome#FAILED} with the reason, never nothing.
 *
 * @param analysis the role's schema-valid analysis (null when failed)
 * @param offline  true when the answer came from the offline simulator, not a real model
 */
public record RoleResult(
        int schemaVersion,
        UUID scanId,
        int run,
        String role,
        RoleOutcome outcome,
        JsonNode analysis,
        String failureReason,
        String provider,
        String model,
        boolean offline,
        String workerInstance,
        Instant startedAt,
        Instant completedAt) {

    public static RoleResult failed(ScanRequest request, String role, String reason, String workerInstance,
            Instant startedAt) {
        return new RoleResult(SchemaVersions.WIRE, request.scanId(), request.run(), role, RoleOutcome.FAILED, null,
                reason, null, null, false, workerInstance, startedAt, Instant.now());
    }

    /** Decodes and validates a message: the one way a consumer reads a role result. */
    public static RoleResult decode(String json) {
        return WireJson.decode(json, RoleResult.class).validate();
    }

    /** Everything that makes this result impossible to record, in words; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = SchemaVersions.envelopeProblems(schemaVersion, scanId, run);
        if (role == null || role.isBlank()) {
            problems.add("role is blank");
        }
        if (outcome == null) {
            problems.add("outcome is missing");
        } else if (outcome == RoleOutcome.SUCCEEDED && (analysis == null || analysis.isNull())) {
            problems.add("outcome is SUCCEEDED but analysis is missing");
        }
        return problems;
    }

    /** This result, or a {@link WireFormatException} naming every problem ({@link #problems()}). */
    public RoleResult validate() {
        SchemaVersions.refuseIfAny("RoleResult", problems());
        return this;
    }
}
