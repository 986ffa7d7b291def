package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.config.ReplayConfig;
import dev.conclave.gateway.replay.ReplayFilter;
import dev.conclave.gateway.replay.ReplayOrder;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/replays} as a {@link ReplayOrder}, refusing whatever it cannot mean
 * with the field at fault.
 */
final class ReplayOrderParser {
    private static final Set<String> FIELDS = Set.of("filter", "topic", "from", "to", "share", "bypassCache", "roles",
            "maxInFlight", "dryRun");
    private static final Set<String> FILTER_FIELDS = Set.of("since", "until", "status", "failedRole", "namePattern",
            "model", "limit");
    private static final Set<String> TOPICS = Set.of(Topics.ROLE_RESULTS, Topics.SCAN_REQUESTS);

    private final ReplayConfig config;
    private final List<String> knownRoles;

    ReplayOrderParser(ReplayConfig config, List<String> knownRoles) {
        this.config = config;
        this.knownRoles = knownRoles;
    }

    /** What was asked, and whether only as a dry run. */
    record Parsed(ReplayOrder order, boolean dryRun) {
    }

    /** The order of {@code tenant}'s caller; its selection is that tenant's scans only. */
    Parsed parse(String body, String requestedBy, String tenant) {
        if (body == null || body.isBlank()) {
            throw InvalidScanException.badRequest("body", "the body is a JSON object with a filter {since, until, status, "
                    + "failedRole, namePattern, model, limit} or a topic {topic, from, to}, and options {share, "
                    + "bypassCache, roles, maxInFlight, dryRun}");
        }
        JsonNode json = RunResource.jsonObject(body, "{filter | topic, from, to, ...}");
        RunResource.unknownFields(json, FIELDS, "");
        boolean hasFilter = json.has("filter");
        boolean hasTopic = json.has("topic");
        if (hasFilter == hasTopic) {
            throw InvalidScanException.badRequest(hasFilter ? "topic" : "filter", "give either a filter (a bulk replay "
                    + "of the scans it selects; {} selects every closed scan up to the limit) or a topic with from and "
                    + "to (a topic replay), not " + (hasFilter ? "both" : "neither"));
        }
        double share = json.has("share") ? number(json.get("share"), "share") : config.defaultShare();
        if (!(share > 0 && share <= 1)) {
            throw InvalidScanException.badRequest("share", "share is " + share + "; it is the fraction of the fleet's "
                    + "rate limit the replay may use, above 0 and at most 1 (e.g. 0.2)");
        }
        int maxInFlight = json.has("maxInFlight") ? integer(json.get("maxInFlight"), "maxInFlight")
                : config.defaultMaxInFlight();
        if (maxInFlight < 1 || maxInFlight > config.maxInFlightLimit()) {
            throw InvalidScanException.badRequest("maxInFlight", "maxInFlight is " + maxInFlight + "; it is 1 to "
                    + config.maxInFlightLimit() + " (conclave.replay.max-in-flight-limit)");
        }
        boolean bypassCache = bool(json, "bypassCache");
        boolean dryRun = bool(json, "dryRun");
        List<String> roles = json.has("roles") ? roles(json.get("roles")) : null;
        if (hasTopic) {
            for (String field : List.of("roles", "bypassCache")) {
                if (json.has(field)) {
                    throw InvalidScanException.badRequest(field, "a topic replay re-synthesises the runs it reads from "
                            + "their stored results; " + field + " applies to a bulk replay (filter) only");
                }
            }
            if (dryRun) {
                throw InvalidScanException.badRequest("dryRun", "a topic replay has no dry run: its runs are "
                        + "re-synthesised from stored results, and which runs it finds is known only by reading the topic");
            }
            return new Parsed(new ReplayOrder(null, topic(json), share, false, null, maxInFlight, requestedBy,
                    tenant), false);
        }
        return new Parsed(new ReplayOrder(filter(json.get("filter"), tenant), null, share, bypassCache, roles, maxInFlight,
                requestedBy, tenant), dryRun);
    }

    private ReplayFilter filter(JsonNode filter, String tenant) {
        if (!filter.isObject()) {
            throw InvalidScanException.badRequest("filter", "filter is an object {since, until, status, failedRole, "
                    + "namePattern, model, limit}; {} selects every closed scan up to the limit");
        }
        RunResource.unknownFields(filter, FILTER_FIELDS, "filter.");
        Instant since = filter.has("since") ? instant(filter.get("since"), "filter.since") : null;
        Instant until = filter.has("until") ? instant(filter.get("until"), "filter.until") : null;
        if (since != null && until != null && !since.isBefore(until)) {
            throw InvalidScanException.badRequest("filter.until", "filter.until (" + until + ") is not after "
                    + "filter.since (" + since + ")");
        }
        List<ScanStatus> statuses = new ArrayList<>();
        if (filter.has("status")) {
            JsonNode status = filter.get("status");
            for (JsonNode item : status.isArray() ? status : List.of(status)) {
                statuses.add(status(item));
            }
        }
        String failedRole = text(filter, "failedRole", "filter.failedRole");
        if (failedRole != null && !knownRoles.contains(failedRole)) {
            throw InvalidScanException.badRequest("filter.failedRole", "unknown role '" + failedRole + "'; known roles: "
                    + knownRoles);
        }
        int limit = filter.has("limit") ? integer(filter.get("limit"), "filter.limit") : config.defaultLimit();
        if (limit < 1 || limit > config.maxLimit()) {
            throw InvalidScanException.badRequest("filter.limit", "filter.limit is " + limit + "; it is 1 to "
                    + config.maxLimit() + " (conclave.replay.max-limit)");
        }
        return new ReplayFilter(since, until, statuses, failedRole, text(filter, "namePattern", "filter.namePattern"),
                text(filter, "model", "filter.model"), limit, tenant);
    }

    private static ReplayOrder.TopicRange topic(JsonNode json) {
        String topic = json.get("topic").asText();
        if (!json.get("topic").isTextual() || !TOPICS.contains(topic)) {
            throw InvalidScanException.badRequest("topic", "topic is '" + json.get("topic").asText() + "'; a topic replay "
                    + "reads " + TOPICS.stream().sorted().toList());
        }
        if (!json.has("from") || !json.has("to")) {
            throw InvalidScanException.badRequest(json.has("from") ? "to" : "from", "a topic replay needs from and to "
                    + "(ISO-8601 instants, e.g. 2026-11-30T10:00:00Z): the records' time range");
        }
        Instant from = instant(json.get("from"), "from");
        Instant to = instant(json.get("to"), "to");
        if (!from.isBefore(to)) {
            throw InvalidScanException.badRequest("to", "to (" + to + ") is not after from (" + from + ")");
        }
        if (to.isAfter(Instant.now().plusSeconds(60))) {
            throw InvalidScanException.badRequest("to", "to (" + to + ") lies in the future; a topic replay reads what "
                    + "the topic holds now");
        }
        return new ReplayOrder.TopicRange(topic, from, to);
    }

    private List<String> roles(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw InvalidScanException.badRequest("roles", "roles is a non-empty array of role names; leave it out to "
                    + "analyse every role again");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || !knownRoles.contains(item.asText())) {
                throw InvalidScanException.badRequest("roles", "unknown role " + item + "; known roles: " + knownRoles);
            }
            roles.add(item.asText());
        }
        return roles;
    }

    private static ScanStatus status(JsonNode item) {
        for (ScanStatus closed : ReplayFilter.CLOSED) {
            if (item.isTextual() && closed.name().equalsIgnoreCase(item.asText())) {
                return closed;
            }
        }
        throw InvalidScanException.badRequest("filter.status", "filter.status " + item + " is not a closed status; "
                + "use " + ReplayFilter.CLOSED + " (one, or an array)");
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw InvalidScanException.badRequest(field, field + " '" + node.asText() + "' is not an ISO-8601 instant, "
                    + "e.g. 2026-11-30T10:00:00Z");
        }
    }

    private static String text(JsonNode json, String name, String field) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw InvalidScanException.badRequest(field, field + " is a non-blank string");
        }
        return node.asText().trim();
    }

    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw InvalidScanException.badRequest(field, field + " is a number");
        }
        return node.asDouble();
    }

    private static int integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw InvalidScanException.badRequest(field, field + " is a whole number");
        }
        return node.asInt();
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (!node.isMissingNode() && !node.isBoolean()) {
            throw InvalidScanException.badRequest(field, field + " is true or false");
        }
        return node.asBoolean(false);
    }
}
