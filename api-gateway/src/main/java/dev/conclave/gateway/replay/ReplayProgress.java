package dev.conclave.gateway.replay;

/**
 * A job's items as counted from replay_item and their runs' aggregation rows.
 *
 * @param selected  items selected
 * @param started   items whose run was started
 * @param open      started runs not closed yet (the job's window)
 * @param pending   items not started and not skipped
 * @param skipped   items whose run could not be started (the reason is on the item)
 */
public record ReplayProgress(int selected, int started, int completed, int partial, int failed, int cancelled,
        int skipped, int open, int pending) {

    /** Nothing left to start and nothing of the job's still open. */
    public boolean done() {
        return pending == 0 && open == 0;
    }
}
