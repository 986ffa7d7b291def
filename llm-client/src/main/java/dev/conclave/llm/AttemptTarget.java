package dev.conclave.llm;

import dev.conclave.llm.prompt.RenderedPrompt;

/**
 * What a run of attempts is at: one task's prompt sent to one model of one provider. Every row of those
 * attempts names the task, the model and the prompt's version.
 */
public record AttemptTarget(AnalysisTask task, ModelRef model, ModelProvider provider, RenderedPrompt prompt) {
}
