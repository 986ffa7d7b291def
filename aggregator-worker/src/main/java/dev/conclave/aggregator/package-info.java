/**
 * The aggregator: fans in the role results of each scan run in PostgreSQL ({@code persistence}),
 * synthesises the report once every requested role arrived or the run's deadline passed
 * ({@code service}), and publishes the completion ({@code messaging}).
 *
 * <p>Concurrency: virtual threads. The delivery module's supervised consumers handle each record
 * on its own virtual thread ({@code messaging.AggregatorConsumers}); runs of different scans
 * proceed in parallel, and a row lock on the run's aggregation row makes exactly one thread close a run.
 */
package dev.conclave.aggregator;
