package dev.conclave.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.service.ScanNotStoredException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * An exception nobody expected answers 500 with an error id and nothing of its message, class or stack;
 * a database refusal answers 503 without the driver's words; a JAX-RS exception keeps its own status.
 */
class UnexpectedErrorsAreAnsweredWithAnIdOnlyTest {
    private static final String DETAIL = "jdbc:postgresql://db.internal:5432/conclave user=conclave password=hunter2 "
            + "select * from scans where tenant = 'other'";

    // The caller is read only when a role is refused, which these cases never are.
    private final ErrorMappers mappers = new ErrorMappers(null);

    @Test
    void anUnexpectedExceptionIsAnIdAndNothingElse() {
        Response response = mappers.unexpected(new IllegalStateException(DETAIL, new SQLException(DETAIL)));

        assertEquals(500, response.getStatus());
        ErrorResponse body = (ErrorResponse) response.getEntity();
        assertTrue(body.error().matches("internal error, id [0-9a-f-]{36}; the gateway's log has the detail"),
                body.error());
        assertEquals(null, body.field());
    }

    @Test
    void aDatabaseRefusalSaysWhatToDoWithoutTheDriversWords() {
        Response response = mappers.notStored(new ScanNotStoredException(new SQLException(DETAIL)));

        assertEquals(503, response.getStatus());
        String error = ((ErrorResponse) response.getEntity()).error();
        for (String part : new String[] {"jdbc", "db.internal", "hunter2", "select", "SQLException"}) {
            assertFalse(error.contains(part), () -> part + " in " + error);
        }
        assertTrue(error.contains("retry later") && error.matches(".*error id [0-9a-f-]{36}\\)$"), error);
    }

    @Test
    void aJaxRsExceptionKeepsItsStatus() {
        assertEquals(404, mappers.unexpected(new NotFoundException()).getStatus());
    }
}
