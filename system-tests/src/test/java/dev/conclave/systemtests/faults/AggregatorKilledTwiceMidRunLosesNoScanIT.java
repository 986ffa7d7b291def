package dev.conclave.systemtests.faults;

import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.LocalStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the aggregator is killed with SIGKILL twice while 200 scans run, every accepted scan still COMPLETES, nothing is stored twice, no consumer stays stopped
 * and recovery repeats at most 1 % of the model calls. Prints the measured figures on a {@code [fault]} line.
 */
@SystemTest
class AggregatorKilledTwiceMidRunLosesNoScanIT {
    private final Fleet fleet;

    AggregatorKilledTwiceMidRunLosesNoScanIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void everyScanCompletesOnceWithOneSynthesis() {
        FaultScenarios.killTwice(fleet, getClass().getSimpleName(), Fleet.AGGREGATOR_PROCESS, "received_at", FaultScenarios.PANEL);
    }
}
