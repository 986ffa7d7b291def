package dev.conclave.gateway.messaging;

import java.util.List;
import java.util.Map;

/** What the broker did with a batch of outbox records: the row ids it acknowledged, and why the others failed. */
public record Deliveries(List<Long> acknowledged, Map<Long, String> failed) {
}
