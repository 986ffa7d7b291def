package dev.conclave.delivery;

/**
 * What one supervised consumer is doing, for health checks and logs.
 *
 * @param detail         what it waits for and since when (PAUSED), or the last error (RESTARTING); else empty
 * @param inFlight       records being handled now
 * @param failedRestarts loop restarts in a row without a record done in between
 */
public record ConsumerStatus(String group, String topic, SupervisedConsumer.State state, String detail, int inFlight,
        int failedRestarts) {

    /** e.g. {@code PAUSED waiting-for=postgresql since 2026-…, in-flight=3}. */
    public String describe() {
        return state + (detail.isEmpty() ? "" : " " + detail) + ", in-flight=" + inFlight
                + (failedRestarts > 0 ? ", failed-restarts=" + failedRestarts : "");
    }
}
