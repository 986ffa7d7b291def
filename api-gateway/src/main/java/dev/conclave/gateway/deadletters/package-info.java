/**
 * Dead letters as a product feature: {@code DeadLetterIndexer} copies every record of
 * {@code scan.dead-letters} into table {@code dead_letter} (consumer group {@code dead-letter-index}
 * on the {@code delivery} runtime), {@code DeadLettersResource} lists, shows, re-drives and purges
 * them over {@code /api/v1/dead-letters}, {@code DeadLetterRedrives} sends one back to its source
 * topic through {@code RedrivePublisher} and marks it once the broker acknowledged it.
 *
 * <p>Concurrency: the index consumer on the runtime's virtual threads; the HTTP calls blocking on
 * Quarkus' worker threads, one row lock per re-driven letter.
 */
package dev.conclave.gateway.deadletters;
