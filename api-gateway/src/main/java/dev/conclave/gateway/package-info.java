/**
 * The HTTP front of Conclave: {@code rest} takes scans in and answers queries, {@code service}
 * holds the transactions, {@code persistence} maps the tables, {@code messaging} publishes to
 * Kafka, {@code intake} unpacks uploaded archives and git repositories under the intake limits.
 * {@code security} authenticates every request but health by its API key (Quarkus Security) and says
 * who the caller is ({@code CurrentCaller}): its tenant scopes every query, its role every resource method.
 * Concurrency: blocking JAX-RS methods on Quarkus' worker threads; the outbox relay on the
 * scheduler's thread (one round at a time per instance); no threads of its own.
 */
package dev.conclave.gateway;
