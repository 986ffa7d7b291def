package dev.conclave.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request to analyse one project, published by the gateway on {@link Topics#SCAN_REQUESTS}.
 *
 * @param run          1 for the first submission; every re-run or replay publishes the scan's next run
 * @param roles        the specialist roles to analyse; their workers call their models
 * @param deadline     after this instant the aggregator closes the run with what arrived
 * @param bypassCache  true to make every model call fresh even when a cached answer exists
 * @param carriedRoles roles not analysed again but taken over from an earlier run's stored result (role to
 *                     that run): no model call; the aggregator waits for {@code roles} plus these
 * @param overrides    per analysed role, another prompt version or model chain than configured
 * @param origin       why the run exists; null in requests from before runs had origins (a submission)
 * @param replay       set when a replay job made the run: its model calls take the job's share of the rate limit
 * @param tenant       the tenant the scan belongs to; every model call and cache event of the run is recorded under
 *                     it. Absent in requests from before tenants (and from gateways that do not send it): those
 *                     read as {@link #DEFAULT_TENANT}
 */
public record ScanRequest(
        int schemaVersion,
        UUID scanId,
        int run,
        String projectName,
        List<String> roles,
        ScanDigest digest,
        Instant requestedAt,
        Instant deadline,
        boolean bypassCache,
        Map<String, Integer> carriedRoles,
        Map<String, RoleOverride> overrides,
        RunOrigin origin,
        ReplayShare replay,
        String tenant) {

    /** The tenant of everything from before tenants existed, and of a gateway without keys. */
    public static final String DEFAULT_TENANT = "default";
    /** Longer than any tenant name the gateway hands out; a longer one is a broken or hostile message. */
    static final int MAX_TENANT_LENGTH = 128;

    public ScanRequest {
        // Tolerant of null here so that a malformed message decodes and validate() can name what is wrong.
        roles = roles == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(roles));
        carriedRoles = carriedRoles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(carriedRoles));
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        origin = origin == null ? RunOrigin.SUBMITTED : origin;
        tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
    }

    /** A submission's first run: every role analysed as configured. */
    public ScanRequest(int schemaVersion, UUID scanId, int run, String projectName, List<String> roles,
            ScanDigest digest, Instant requestedAt, Instant deadline, boolean bypassCache) {
        this(schemaVersion, scanId, run, projectName, roles, digest, requestedAt, deadline, bypassCache, Map.of(),
                Map.of(), RunOrigin.SUBMITTED, null, null);
    }

    /** Decodes and validates a message: the one way a consumer reads a request. */
    public static ScanRequest decode(String json) {
        return WireJson.decode(json, ScanRequest.class).validate();
    }

    /** Every role the run's report is made of: the analysed ones, then the carried ones. */
    public List<String> expectedRoles() {
        List<String> expected = new ArrayList<>(roles);
        carriedRoles.keySet().stream().filter(role -> !expected.contains(role)).forEach(expected::add);
        return List.copyOf(expected);
    }

    /** The override of one analysed role, or null when it runs as configured. */
    public RoleOverride overrideOf(String role) {
        return overrides.get(role);
    }

    /** Everything that makes this request impossible to process, in words; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = SchemaVersions.envelopeProblems(schemaVersion, scanId, run);
        if (roles.isEmpty() && carriedRoles.isEmpty()) {
            problems.add("roles is empty; a request names at least one role");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || roles.get(i).isBlank()) {
                problems.add("roles[" + i + "] is blank");
            }
        }
        Set<String> analysed = new HashSet<>(roles);
        carriedRoles.forEach((role, from) -> {
            if (analysed.contains(role)) {
                problems.add("role " + role + " is both analysed and carried");
            }
            if (from == null || from < 1 || from >= run) {
                problems.add("carriedRoles." + role + " is " + from + "; a role is carried from an earlier run (1 to "
                        + (run - 1) + ")");
            }
        });
        overrides.forEach((role, override) -> {
            if (!analysed.contains(role)) {
                problems.add("overrides names role " + role + ", which this run does not analyse");
            } else if (override == null) {
                problems.add("overrides." + role + " is null");
            } else {
                problems.addAll(override.problems(role));
            }
        });
        if (replay != null) {
            problems.addAll(replay.problems());
        }
        if (tenant.length() > MAX_TENANT_LENGTH || tenant.chars().anyMatch(Character::isISOControl)) {
            problems.add("tenant is not a tenant name (" + Math.min(tenant.length(), 10_000) + " characters, at most "
                    + MAX_TENANT_LENGTH + ", no control characters)");
        }
        if (digest == null) {
            problems.add("digest is missing");
        }
        if (requestedAt == null) {
            problems.add("requestedAt is missing");
        }
        if (deadline == null) {
            problems.add("deadline is missing");
        }
        return problems;
    }

    /** This request, or a {@link WireFormatException} naming every problem ({@link #problems()}). */
    public ScanRequest validate() {
        SchemaVersions.refuseIfAny("ScanRequest", problems());
        return this;
    }
}
