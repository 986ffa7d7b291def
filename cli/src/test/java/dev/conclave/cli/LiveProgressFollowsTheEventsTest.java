package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each role's steps come from the gateway's event stream: plain lines when stdout is not a terminal,
 * a table redrawn in place when it is ({@code CONCLAVE_TTY=1}, set by {@code ./conclave}).
 */
class LiveProgressFollowsTheEventsTest extends DemoShopTest {
    private static final String EVENTS = """
            event:progress
            id:1-0
            data:{"scanId":"%1$s","run":1,"role":"architect","stage":"STARTED","model":null,"detail":"worker-a","at":"2025-01-01T10:00:00Z"}

            event:progress
            id:2-0
            data:{"scanId":"%1$s","run":1,"role":"architect","stage":"CALLING_MODEL","model":"openrouter/m","detail":null,"at":"2025-01-01T10:00:00.1Z"}

            event:progress
            id:3-0
            data:{"scanId":"%1$s","run":1,"role":"architect","stage":"RETRYING","model":"openrouter/m","detail":"http_503; attempt 2 in 800 ms","at":"2025-01-01T10:00:00.2Z"}

            event:progress
            id:4-0
            data:{"scanId":"%1$s","run":1,"role":"business","stage":"WAITING_FOR_RATE_LIMIT","model":"openrouter/m","detail":null,"at":"2025-01-01T10:00:00.3Z"}

            event:progress
            id:5-0
            data:{"scanId":"%1$s","run":1,"role":"architect","stage":"DONE","model":"openrouter/m","detail":null,"at":"2025-01-01T10:00:01Z"}

            event:end
            data:{"scanId":"%1$s","status":"COMPLETED"}

            """.formatted(SampleReports.SCAN_ID);

    private FakeGateway gateway() throws IOException {
        String running = scan("RUNNING", roles(role("architect", "PENDING", null)), "null");
        String completed = scan("COMPLETED", roles(role("architect", "SUCCEEDED", null),
                role("business", "SUCCEEDED", null)), SampleReports.full("COMPLETED"));
        return FakeGateway.accepting(running, running, running, completed).withEvents(EVENTS);
    }

    @Test
    void plainOutputHasALinePerStep() throws IOException {
        try (FakeGateway gateway = gateway()) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", workingDirectory.resolve("out").toString());

            assertEquals(0, run.exitCode(), run::toString);
            String out = run.out();
            int started = out.indexOf("architect    STARTED");
            int retrying = out.indexOf("architect    RETRYING");
            int done = out.indexOf("architect    DONE");
            assertTrue(started >= 0 && started < retrying && retrying < done, out);
            assertTrue(out.contains("http_503; attempt 2 in 800 ms"), out);
            assertTrue(out.contains("business     WAITING_FOR_RATE_LIMIT"), out);
            assertFalse(out.contains("\u001b["), "no terminal control codes in plain output");
        }
    }

    @Test
    void onATerminalTheRolesAreATableRedrawnInPlace() throws IOException {
        try (FakeGateway gateway = gateway()) {
            CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_TTY", "1"), "scan", "demo-shop",
                    "--server", gateway.url(), "--out-dir", workingDirectory.resolve("out").toString());

            assertEquals(0, run.exitCode(), run::toString);
            String out = run.out();
            assertTrue(out.contains("\u001b[2K"), "rows are cleared before they are redrawn");
            assertTrue(out.contains("\u001b[2F"), "two rows (architect, business): the cursor goes back over both");
            assertTrue(out.lastIndexOf("architect    DONE") > out.lastIndexOf("architect    RETRYING"), out);
        }
    }
}
