package dev.conclave.gateway.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which dead letters a list, a bulk re-drive or a purge is about; every part optional, all that are
 * given must hold. {@code topic} is the source topic, {@code reason} a case-insensitive substring of
 * the reason, {@code from} inclusive and {@code to} exclusive on the time it was dead-lettered,
 * {@code redriven} whether it was re-driven at least once, {@code tenant} the tenant it belongs to (the
 * caller's: every request over HTTP is about its own tenant's letters only).
 */
public record DeadLetterFilter(Optional<String> topic, Optional<String> reason, Optional<Instant> from,
        Optional<Instant> to, Optional<Boolean> redriven, String tenant) {

    /** A JPQL condition on {@link DeadLetterEntity} (alias-free) and its parameters. */
    record Where(String condition, Map<String, Object> parameters) {
    }

    /** This filter as a condition; {@code beforeId} adds the page cursor (ids below it). */
    Where where(Optional<Long> beforeId) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        conditions.add("tenant = :tenant");
        parameters.put("tenant", tenant);
        topic.ifPresent(t -> {
            conditions.add("sourceTopic = :topic");
            parameters.put("topic", t);
        });
        reason.ifPresent(r -> {
            conditions.add("locate(:reason, lower(reason)) > 0");
            parameters.put("reason", r.toLowerCase(Locale.ROOT));
        });
        from.ifPresent(f -> {
            conditions.add("deadLetteredAt >= :from");
            parameters.put("from", f);
        });
        to.ifPresent(t -> {
            conditions.add("deadLetteredAt < :to");
            parameters.put("to", t);
        });
        redriven.ifPresent(r -> conditions.add(r ? "redrivenAt is not null" : "redrivenAt is null"));
        beforeId.ifPresent(id -> {
            conditions.add("id < :beforeId");
            parameters.put("beforeId", id);
        });
        return new Where(String.join(" and ", conditions), parameters);
    }
}
