package dev.conclave.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.Readiness;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every fault test asserts once its fault is over, and the one-line summary it prints for
 * docs/reliability.md: every accepted scan final (all COMPLETED where the test demands it) within
 * its deadline plus a margin, no doubled rows, one result per expected role, no stopped consumer,
 * model calls repeated by recovery at most 1 %.
 */
final class FaultReport {
    /** How long after its deadline a scan may still close: a sweep interval and a loaded machine. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    /** How long the consumers may take to be ready again once the fault is over. */
    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(90);
    private static final double MAX_REPEATED_SHARE = 0.01;

    private final Fleet fleet;
    private final RunLedger ledger;
    private final String test;
    private final List<String> figures = new ArrayList<>();

    FaultReport(Fleet fleet, String test) {
        this.fleet = fleet;
        this.ledger = new RunLedger(fleet.database());
        this.test = test;
    }

    RunLedger ledger() {
        return ledger;
    }

    /** Adds a measured figure to the summary line, e.g. {@code resume after kill 1 = 47.2 s}. */
    void figure(String name, Object value) {
        figures.add(name + " " + value);
    }

    void seconds(String name, Duration value) {
        figure(name, "%.1f s".formatted(value.toMillis() / 1000.0));
    }

    void seconds(String name, Optional<Duration> value) {
        figure(name, value.map(d -> "%.1f s".formatted(d.toMillis() / 1000.0)).orElse("never"));
    }

    /**
     * Waits for every accepted scan to be final, then checks and prints everything.
     *
     * @param allCompleted    whether every scan must be COMPLETED (a kill or an outage loses nothing), or
     *                        merely final
     * @param deadlineSeconds the deadline the scans were submitted with
     * @param since           when the fault ended (drain time is measured from it)
     */
    void verify(ScanLoad load, boolean allCompleted, int deadlineSeconds, Instant since) {
        List<Accepted> scans = load.awaitAllSubmitted(Duration.ofSeconds(deadlineSeconds));
        Optional<Instant> drained = ledger.awaitAllFinal(scans, Duration.ofSeconds(deadlineSeconds).plus(MARGIN));
        seconds("drained after the fault", drained.map(at -> Duration.between(since, at)));
        Map<String, Integer> statuses = ledger.statuses(scans);
        List<String> late = ledger.lateOrUnfinished(scans, MARGIN);
        RunLedger.Rows rows = ledger.rows(scans);
        RunLedger.Calls calls = ledger.calls(scans);
        List<Readiness> notReady = awaitReady();
        System.out.printf("[fault] %s: %d scans accepted, refused %s; final %s; %s; %s; role_result %d rows"
                        + " (%d doubled), aggregation %d rows (%d doubled); not ready at the end: %s%n",
                test, scans.size(), load.refusals(), statuses, String.join(", ", figures), calls.describe(),
                rows.roleResults(), rows.duplicateRoleResults(), rows.aggregations(), rows.duplicateAggregations(),
                notReady.isEmpty() ? "none" : notReady);

        assertAll(
                () -> assertTrue(scans.size() > 0, "the gateway accepted no scan at all: " + load.refusals()),
                () -> assertTrue(late.isEmpty(), late.size() + " accepted scans did not finish by their deadline + "
                        + MARGIN.toSeconds() + " s, e.g. " + late.subList(0, Math.min(5, late.size()))),
                () -> {
                    if (allCompleted) {
                        assertEquals(Map.of("COMPLETED", scans.size()), statuses,
                                "every accepted scan COMPLETED despite the fault");
                    }
                },
                () -> assertEquals(0, rows.duplicateRoleResults(), "doubled role_result rows"),
                () -> assertEquals(0, rows.duplicateAggregations(), "doubled aggregation rows"),
                () -> assertTrue(rows.roleMismatches().isEmpty(), "runs without exactly one result per expected role: "
                        + rows.roleMismatches().subList(0, Math.min(5, rows.roleMismatches().size()))),
                () -> assertTrue(calls.repeatedShare() <= MAX_REPEATED_SHARE,
                        "recovery repeated more than 1 % of the model calls: " + calls.describe()),
                () -> assertTrue(notReady.isEmpty(), "consumers not ready (stopped?) at the end: " + notReady));
    }

    /** Waits for every process of the fleet to be ready again; returns those that are not. */
    private List<Readiness> awaitReady() {
        try {
            Awaitility.await("every service ready").atMost(READY_AGAIN_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> fleet.processNames().stream().allMatch(name -> fleet.readiness(name).up()));
            return List.of();
        } catch (ConditionTimeoutException e) {
            return fleet.processNames().stream().map(fleet::readiness).filter(r -> !r.up()).toList();
        }
    }
}
