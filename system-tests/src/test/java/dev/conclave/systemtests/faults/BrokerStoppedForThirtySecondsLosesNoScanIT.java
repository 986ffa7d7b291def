package dev.conclave.systemtests.faults;

import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.LocalStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When Kafka is stopped for 30 s (its data kept) while 200 scans run, every accepted scan still COMPLETES, nothing is stored twice, no consumer stays stopped
 * and recovery repeats at most 1 % of the model calls. Prints the measured figures on a {@code [fault]} line.
 */
@SystemTest
class BrokerStoppedForThirtySecondsLosesNoScanIT {
    private final Fleet fleet;

    BrokerStoppedForThirtySecondsLosesNoScanIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void everyAcceptedScanCompletesAfterTheBrokerReturns() {
        FaultScenarios.outage(fleet, getClass().getSimpleName(), LocalStack.Service.KAFKA, Duration.ofSeconds(30));
    }
}
