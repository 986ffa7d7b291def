/**
 * The HTTP front of Conclave: {@code rest} takes scans in and answers queries, {@code service}
 * holds the transactions, {@code persistence} maps the tables, {@code messaging} publishes to
 * Kafka. Concurrency: blocking JAX-RS methods on Quarkus' worker threads; no threads of its own.
 */
package dev.conclave.gateway;
