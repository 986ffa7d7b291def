/**
 * Structured answers: the JSON Schema each role must answer in ({@link dev.conclave.llm.structured.RoleSchemas},
 * generated from the {@code shared-model} records by {@link dev.conclave.llm.structured.SchemaGenerator}),
 * finding the JSON object in a model's text ({@link dev.conclave.llm.structured.JsonExtractor}) and checking
 * it against the schema ({@link dev.conclave.llm.structured.SchemaValidator}).
 *
 * <p>The schemas are the subset OpenAI's strict {@code response_format: json_schema} accepts, so the same
 * schema is sent to providers that enforce it and checked locally for those that do not.
 *
 * <p>Concurrency: plain, blocking, CPU-only code without shared mutable state; safe to call from any
 * number of virtual threads. Nothing here starts threads or does I/O.
 */
package dev.conclave.llm.structured;
