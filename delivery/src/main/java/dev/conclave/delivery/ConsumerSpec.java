package dev.conclave.delivery;

import java.time.Duration;

/**
 * One consumer to run: {@code group} on {@code topic}, {@code handler} for each record, at most
 * {@code concurrency} records handled at once (also the records fetched per poll; as many again are
 * fetched ahead of the handled ones), and
 * {@code maxPollInterval}, how long one record may take before Kafka hands its partition to another
 * member of the group.
 */
public record ConsumerSpec(String group, String topic, RecordHandler handler, int concurrency, Duration maxPollInterval) {
    public ConsumerSpec {
        if (concurrency < 1) {
            throw new IllegalArgumentException("consumer " + group + " needs a concurrency of at least 1, not "
                    + concurrency);
        }
    }
}
