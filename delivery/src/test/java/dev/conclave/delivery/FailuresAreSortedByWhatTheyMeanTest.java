package dev.conclave.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.WireFormatException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FailuresAreSortedByWhatTheyMeanTest {

    @Test
    void anUndecodableOrInvalidMessageIsPermanent() {
        assertEquals(FailureKind.PERMANENT, Failures.classify(new WireFormatException("not a valid ScanRequest")));
        assertEquals(FailureKind.PERMANENT, Failures.classify(new IllegalStateException("wrapped",
                new PermanentFailure("scanId is missing"))));
        assertEquals(FailureKind.PERMANENT, Failures.classify(new RuntimeException(
                new SQLException("value too long for type character varying(10)", "22001"))));
    }

    @Test
    void anUnreachableDatabaseIsTransientAndNamed() {
        RuntimeException hibernate = new RuntimeException("could not prepare statement",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001"));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(hibernate));
        assertEquals("postgresql", Failures.dependency(hibernate));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new SQLException("terminating connection due to "
                + "administrator command", "57P01")));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void anUnreachableBrokerIsTransientAndNamed() {
        ExecutionException send = new ExecutionException(new TimeoutException("Expiring 1 record(s)"));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(send));
        assertEquals("kafka", Failures.dependency(send));
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new NotLeaderOrFollowerException("moved")));
    }

    @Test
    void aRefusedConnectionIsTransient() {
        assertEquals(FailureKind.TRANSIENT, Failures.classify(new IllegalStateException(new ConnectException("refused"))));
        assertEquals("network", Failures.dependency(new ConnectException("refused")));
    }

    @Test
    void aBugIsUnexpected() {
        assertEquals(FailureKind.UNEXPECTED, Failures.classify(new NullPointerException("scanId")));
        assertEquals(FailureKind.UNEXPECTED, Failures.classify(new SQLException("syntax error", "42601")));
    }
}
