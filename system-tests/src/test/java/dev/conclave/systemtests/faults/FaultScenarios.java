package dev.conclave.systemtests.faults;

import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.LocalStack;
import dev.conclave.systemtests.fleet.Pauses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two shapes of fault test: a service killed with SIGKILL twice mid-run and restarted, and a
 * dependency stopped for a while and started again, each under a run of {@link #SCANS} scans.
 * Either way the fleet is left as the other tests expect it: every process running, every group
 * settled, the stack up.
 */
final class FaultScenarios {
    static final int SCANS = 200;
    /** Concurrent clients of the gateway: enough to keep it busy, few enough for 2 cores. */
    static final int SUBMITTERS = 4;
    /** 200 scans over 30 s: the fault lands while scans are queued, running and closing. */
    static final Duration INTERVAL = Duration.ofMillis(150);
    /**
     * The scans' own deadline: long enough that two kills (each: a restart plus the dead member's
     * session timeout) or a 30 s outage do not make a scan PARTIAL, short enough to bound the test.
     */
    static final int DEADLINE_SECONDS = 180;
    static final List<String> PANEL = List.of("architect", "deployment", "business");
    private static final Duration WAIT_FOR_PROGRESS = Duration.ofMinutes(3);

    private FaultScenarios() {
    }

    /**
     * Kills {@code process} with SIGKILL once {@code firstAt} scans were accepted, restarts it, waits
     * until the pipeline moves again, kills it again once {@code secondAt} were accepted, and checks
     * the run. Progress is a {@code role_result} row whose {@code column} is later than the kill, for
     * one of {@code roles} (roles only the killed process serves, so the figure is its own resumption).
     */
    static void killTwice(Fleet fleet, String test, String process, String column, List<String> roles) {
        FaultReport report = new FaultReport(fleet, test);
        Instant recovered = Instant.now();
        Throwable failure = null;
        try (ScanLoad load = ScanLoad.start(fleet, "kill9", SCANS, SUBMITTERS, INTERVAL, DEADLINE_SECONDS)) {
            for (int kill = 1; kill <= 2; kill++) {
                load.awaitAccepted(kill == 1 ? SCANS / 5 : SCANS * 3 / 5, Duration.ofMinutes(3));
                int acceptedAtKill = load.acceptedCount();
                Instant killed = fleet.kill9(process);
                Duration ready = fleet.restart(process);
                Optional<Instant> resumed = report.ledger().awaitProgressAfter(load.accepted(), killed, column, roles,
                        WAIT_FOR_PROGRESS);
                report.seconds("kill " + kill + " at " + acceptedAtKill + " accepted: ready again after", ready);
                report.seconds("resumed after", resumed.map(at -> Duration.between(killed, at)));
                recovered = resumed.orElse(Instant.now());
            }
            report.verify(load, true, DEADLINE_SECONDS, recovered);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            restore(failure, () -> {
                fleet.ensureRunning(process);
                fleet.awaitStableGroups();
            });
        }
    }

    /**
     * Stops {@code service} of the local stack once a fifth of the scans were accepted, keeps it down
     * for {@code outage} while submissions go on, starts it again and checks the run.
     */
    static void outage(Fleet fleet, String test, LocalStack.Service service, Duration outage) {
        LocalStack stack = fleet.localStack();
        FaultReport report = new FaultReport(fleet, test);
        boolean down = false;
        Throwable failure = null;
        try (ScanLoad load = ScanLoad.start(fleet, "outage-" + service, SCANS, SUBMITTERS, INTERVAL, DEADLINE_SECONDS)) {
            load.awaitAccepted(SCANS / 5, Duration.ofMinutes(3));
            Instant stopped = Instant.now();
            stack.stop(service);
            down = true;
            int acceptedAtStop = load.acceptedCount();
            Pauses.sleep(Duration.between(Instant.now(), stopped.plus(outage)));
            stack.start(service);
            down = false;
            Instant back = Instant.now();
            report.seconds(service + " down at " + acceptedAtStop + " accepted, for", Duration.between(stopped, back));
            report.figure("accepted while down", load.acceptedCount() - acceptedAtStop);
            Optional<Instant> resumed = report.ledger().awaitProgressAfter(load.accepted(), back, "received_at", PANEL,
                    WAIT_FOR_PROGRESS);
            report.seconds("first result stored after the restart", resumed.map(at -> Duration.between(back, at)));
            report.verify(load, true, DEADLINE_SECONDS, back);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            boolean restart = down;
            restore(failure, () -> {
                if (restart) {
                    stack.start(service);
                }
                fleet.awaitStableGroups();
            });
        }
    }

    /**
     * Puts the fleet back for the next test. When the test already failed, a failure to restore is
     * added to it rather than replacing it (a consumer stopped by today's bug must not hide what the
     * test found).
     */
    private static void restore(Throwable failure, Runnable restoring) {
        try {
            restoring.run();
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }
}
