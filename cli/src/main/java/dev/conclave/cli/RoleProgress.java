package dev.conclave.cli;

import dev.conclave.report.ReportView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one specialist role of a scan stands, as {@code GET /api/v1/scans/{id}} reports it.
 *
 * @param state PENDING, SUCCEEDED, FAILED or MISSING; kept as text so a state added by a newer
 *              gateway is shown rather than refused
 * @param startedAt   when the role's worker started, once it has answered (may be absent)
 * @param completedAt when the role's answer was made (may be absent)
 */
public record RoleProgress(
        String role,
        String state,
        String provider,
        String model,
        boolean offline,
        String failureReason,
        Instant startedAt,
        Instant completedAt) {

    /** A role as far as the gateway knows before any worker reported timings. */
    public RoleProgress(String role, String state, String provider, String model, boolean offline,
            String failureReason) {
        this(role, state, provider, model, offline, failureReason, null, null);
    }

    /** How long the role's worker took, when the gateway reported both ends. */
    public Optional<Duration> took() {
        return startedAt != null && completedAt != null && !completedAt.isBefore(startedAt)
                ? Optional.of(Duration.between(startedAt, completedAt))
                : Optional.empty();
    }

    /** What a report says of this role: the reason it failed, how long it took. */
    public ReportView.RoleState reportState() {
        return new ReportView.RoleState(role, offline, failureReason, took().orElse(null));
    }

    /** "provider/model", with a marker when the offline simulator answered, or "" before any model did. */
    public String answeredBy() {
        String who;
        if (provider != null && model != null) {
            who = provider + "/" + model;
        } else if (model != null) {
            who = model;
        } else if (provider != null) {
            who = provider;
        } else {
            who = "";
        }
        if (offline && !who.startsWith("offline")) {
            who = who.isEmpty() ? "offline" : who + " (offline)";
        }
        return who;
    }
}
