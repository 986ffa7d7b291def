package dev.conclave.systemtests.fleet;

/**
 * What a service's {@code /q/health/ready} answered.
 *
 * @param service    the fleet's name of the service
 * @param httpStatus 200 when ready, 503 when not, 0 when it did not answer
 * @param body       the health report (or why there was none)
 */
public record Readiness(String service, int httpStatus, String body) {

    /** The overall status is UP; the checks inside may change with the consumer runtime, this does not. */
    public boolean up() {
        return httpStatus == 200 && body.replace(" ", "").contains("\"status\":\"UP\"");
    }

    /** On one line, for a summary: the service, the status and the report without its layout. */
    @Override
    public String toString() {
        String flat = body.replaceAll("\\s+", " ");
        return service + " " + httpStatus + " " + (flat.length() > 400 ? flat.substring(0, 400) + "..." : flat);
    }
}
