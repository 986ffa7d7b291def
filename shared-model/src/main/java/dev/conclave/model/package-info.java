/**
 * The wire schema of Conclave, defined once: Kafka messages, the analysis documents the models
 * produce, topic names and the JSON codec. Plain Java and Jackson, no Quarkus runtime, so the
 * CLI, the services and the tests all read and write exactly the same shapes.
 */
package dev.conclave.model;
