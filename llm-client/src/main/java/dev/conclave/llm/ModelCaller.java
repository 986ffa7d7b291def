package dev.conclave.llm;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.prompt.PromptLibrary;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a model is called. For one role's task: take the role's chain of models, render the
 * prompt, wait for the fleet-wide rate limit, call the provider, record one metrics row per
 * attempt, and fall through to the next model of the chain when one fails.
 */
@ApplicationScoped
public class ModelCaller {
    private final LlmConfig config;
    private final PromptLibrary prompts;
    private final RateLimiter rateLimiter;
    private final CallRecorder recorder;
    private final WorkerIdentity identity;
    private final Map<String, ModelProvider> providers;

    public ModelCaller(LlmConfig config, PromptLibrary prompts, RateLimiter rateLimiter, CallRecorder recorder,
            WorkerIdentity identity, Instance<ModelProvider> providers) {
        this.config = config;
        this.prompts = prompts;
        this.rateLimiter = rateLimiter;
        this.recorder = recorder;
        this.identity = identity;
        this.providers = providers.stream().collect(Collectors.toMap(ModelProvider::name, Function.identity()));
    }

    /** Answers the task with the first model of the role's chain that succeeds. */
    public AnalysisAnswer analyse(AnalysisTask task) {
        RenderedPrompt prompt = prompts.render(task);
        List<String> failures = new ArrayList<>();
        for (ModelRef model : chainFor(task.role())) {
            ModelProvider provider = providers.get(model.provider());
            if (provider == null) {
                failures.add(model + ": no provider named '" + model.provider() + "' (known: " + providers.keySet() + ")");
                continue;
            }
            long waited = rateLimiter.acquire(model, prompt.tokens()).waitedMs();
            Instant started = Instant.now();
            try {
                ProviderReply reply = provider.complete(model, task, prompt);
                recorder.record(row(task, model, prompt, started, waited, reply, null));
                return new AnalysisAnswer(reply.analysis(), model.provider(), reply.answeringModel(),
                        reply.simulated(), prompt.version());
            } catch (ModelCallException e) {
                recorder.record(row(task, model, prompt, started, waited, null, e));
                failures.add(model + ": " + e.getMessage());
            }
        }
        throw new ModelCallException("all_models_failed",
                "every model for role '" + task.role() + "' failed: " + String.join("; ", failures));
    }

    /** The role's chain from configuration, or the default chain. */
    public List<ModelRef> chainFor(String role) {
        LlmConfig.RoleConfig roleConfig = config.roles().get(role);
        List<String> chain = roleConfig == null ? config.defaultChain()
                : roleConfig.chain().orElse(config.defaultChain());
        return chain.stream().map(ModelRef::parse).toList();
    }

    private ModelCallRecord row(AnalysisTask task, ModelRef model, RenderedPrompt prompt, Instant started,
            long waitedMs, ProviderReply reply, ModelCallException failure) {
        ModelCallRecord row = new ModelCallRecord();
        row.scanId = task.scanId();
        row.run = task.run();
        row.role = task.role();
        row.provider = model.provider();
        row.requestedModel = model.model();
        row.attempt = 1;
        row.promptVersion = prompt.version();
        row.workerInstance = identity.name();
        row.rateLimitWaitMs = waitedMs;
        row.startedAt = started;
        row.finishedAt = Instant.now();
        row.latencyMs = row.finishedAt.toEpochMilli() - started.toEpochMilli();
        if (reply != null) {
            row.outcome = "SUCCEEDED";
            row.answeringModel = reply.answeringModel();
            row.promptTokens = reply.promptTokens();
            row.completionTokens = reply.completionTokens();
            row.totalTokens = reply.promptTokens() + reply.completionTokens();
            row.costUsd = reply.costUsd();
            row.simulated = reply.simulated();
        } else {
            row.outcome = "FAILED";
            row.errorClass = failure.errorClass();
            row.errorMessage = failure.getMessage();
            row.promptTokens = prompt.tokens();
            row.totalTokens = prompt.tokens();
        }
        return row;
    }
}
