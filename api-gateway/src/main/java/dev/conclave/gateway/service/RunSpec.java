package dev.conclave.gateway.service;

import dev.conclave.model.ReplayShare;
import dev.conclave.model.RoleOverride;
import dev.conclave.model.RunOrigin;
import java.util.List;
import java.util.Map;

/**
 * What a new run of an existing scan does.
 *
 * @param analyse     the roles analysed again (their models are called); null for every role of the latest run.
 *                    The latest run's other roles are carried over from their newest stored result, or
 *                    analysed when no run has one
 * @param carryFrom   carry only from this run (a re-synthesis of it); null for each role's newest result
 * @param overrides   per analysed role, another prompt version or model chain
 * @param replay      the replay job that asks for the run, with its share of the rate limit; null otherwise
 * @param requestedBy who asked, for the audit; null when not known
 */
public record RunSpec(List<String> analyse, Integer carryFrom, boolean bypassCache, Map<String, RoleOverride> overrides,
        RunOrigin origin, ReplayShare replay, String requestedBy) {

    public RunSpec {
        analyse = analyse == null ? null : List.copyOf(analyse);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** Every role analysed again, as configured. */
    public static RunSpec everyRole(RunOrigin origin, String requestedBy) {
        return new RunSpec(null, null, false, Map.of(), origin, null, requestedBy);
    }

    /** No role analysed: the run is synthesised again from {@code run}'s stored results. */
    public static RunSpec resynthesis(int run, RunOrigin origin, ReplayShare replay, String requestedBy) {
        return new RunSpec(List.of(), run, false, Map.of(), origin, replay, requestedBy);
    }
}
