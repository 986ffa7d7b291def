package dev.conclave.llm;

import dev.conclave.llm.prompt.RenderedPrompt;

/**
 * A service that answers prompts. Implementations are CDI beans; {@link ModelCaller} finds them
 * by {@link #name()}, which is the provider part of a {@link ModelRef}.
 */
public interface ModelProvider {

    String name();

    /** Sends one prompt; throws {@link ModelCallException} with a classified reason on failure. */
    ProviderReply complete(ModelRef model, AnalysisTask task, RenderedPrompt prompt);
}
