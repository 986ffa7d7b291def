package dev.conclave.model;

/**
 * One signal behind a static score: what was found and what it did to the score.
 *
 * @param score  {@code code_quality}, {@code deployment_readiness} or {@code documentation_quality}
 * @param signal short and stable, e.g. {@code dockerfile}, {@code todo_density}
 * @param points what it added (positive) or took away (negative), in the score's own unit
 * @param detail a sentence a person can check, e.g. "Dockerfile at the root"
 */
public record ScoreFinding(String score, String signal, double points, String detail) {
}
