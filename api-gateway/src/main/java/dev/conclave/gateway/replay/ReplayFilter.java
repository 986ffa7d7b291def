package dev.conclave.gateway.replay;

import dev.conclave.gateway.security.CurrentCaller;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.List;

/**
 * Which scans a bulk replay selects: those whose current run is closed and matches every criterion
 * given (null or empty: any). Stored as the job's {@code selection}.
 *
 * @param since       the current run was requested at or after this
 * @param until       ... and before this; a job sets it to its creation when not given, so the runs it
 *                    starts itself can never match its own selection
 * @param statuses    the current run ended so (COMPLETED, PARTIAL, FAILED, CANCELLED)
 * @param failedRole  this role failed or was missing in the current run
 * @param namePattern the scan's name matches this glob ({@code *} any text, {@code ?} one character)
 * @param model       a model the current run called, asked for or answering ({@code model} or {@code provider/model})
 * @param limit       at most this many scans, oldest run first
 * @param tenant      only this tenant's scans: the job's (selections stored before tenants were the default tenant's)
 */
public record ReplayFilter(Instant since, Instant until, List<ScanStatus> statuses, String failedRole,
        String namePattern, String model, int limit, String tenant) {

    /** The closed statuses a filter may ask for. */
    public static final List<ScanStatus> CLOSED = List.of(ScanStatus.COMPLETED, ScanStatus.PARTIAL, ScanStatus.FAILED,
            ScanStatus.CANCELLED);

    public ReplayFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        tenant = tenant == null ? CurrentCaller.DEFAULT_TENANT : tenant;
    }

    ReplayFilter until(Instant instant) {
        return new ReplayFilter(since, instant, statuses, failedRole, namePattern, model, limit, tenant);
    }
}
