package dev.conclave.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The replay job a run belongs to, and the share of the fleet's rate limit that job may use: its
 * model calls take a permit from the job's own bucket (this share of the fleet's rate) as well as
 * from the fleet's, so live scans keep the rest.
 *
 * @param share from just above 0 to 1
 */
public record ReplayShare(UUID jobId, double share) {

    /** What is wrong with it, in words; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (jobId == null) {
            problems.add("replay.jobId is missing");
        }
        if (!(share > 0 && share <= 1)) {
            problems.add("replay.share is " + share + "; it is a fraction above 0 and at most 1");
        }
        return problems;
    }
}
