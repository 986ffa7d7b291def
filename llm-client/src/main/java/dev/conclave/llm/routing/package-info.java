/**
 * Choosing the models a role tries: {@link dev.conclave.llm.routing.ModelRouter} turns the role's
 * chain into an ordered list (interchangeable models cheapest first by the
 * {@link dev.conclave.llm.routing.PriceTable}, open circuits left out, the offline default chain when
 * no provider can be called), {@link dev.conclave.llm.routing.OpenModelProbe} lets recovered models
 * back early, {@link dev.conclave.llm.routing.ModelRoutingHealth} reports a role left without models.
 *
 * <p>Concurrency: blocking, on the caller's thread (the workers' virtual threads). Routing never
 * waits: circuits are immutable values swapped by compare-and-set, nothing holds a lock or a monitor.
 * The only thread of this package is the Quarkus scheduler's, which runs the probe; circuit state is
 * in memory, per instance.
 */
package dev.conclave.llm.routing;
