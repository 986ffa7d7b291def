package dev.conclave.llm;

import dev.conclave.llm.cache.CacheKey;
import dev.conclave.llm.cache.CachedAnswer;
import dev.conclave.llm.cache.CallScope;
import dev.conclave.llm.cache.ResponseCache;
import dev.conclave.llm.cancel.CancelledRuns;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.metrics.LlmMetrics;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.llm.prompt.PromptLibrary;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.providers.ProviderRegistry;
import dev.conclave.llm.routing.ModelRouter;
import dev.conclave.llm.structured.RoleSchema;
import dev.conclave.llm.structured.RoleSchemas;
import dev.conclave.model.ProgressStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a model is called. For one role's task: render the role's prompt within its token budget,
 * route to the role's models (chain order, cheapest first among interchangeable ones, open circuits
 * skipped), and for each model in turn: look the answer up in the cache, else make the attempts of
 * {@link SingleModelCall} (rate limit, call, retry, validate, repair). The first schema-valid answer
 * wins and is cached; a model that cannot answer hands over to the next; a refused key or an invalid
 * request ends every model of that provider. Every attempt and every cache hit is one metrics row.
 * A cancelled run ({@link CancelledRuns}) goes to no further model: it ends with
 * {@link dev.conclave.llm.cancel.RunCancelledException}.
 */
@ApplicationScoped
public class ModelCaller {
    private final LlmConfig config;
    private final PromptLibrary prompts;
    private final RoleSchemas schemas = new RoleSchemas();
    private final ModelRouter router;
    private final ProviderRegistry providers;
    private final ResponseCache cache;
    private final SingleModelCall singleModel;
    private final CallRecorder recorder;
    private final WorkerIdentity identity;
    private final ProgressReporter progress;
    private final CancelledRuns cancels;
    private final LlmMetrics metrics;

    public ModelCaller(LlmConfig config, PromptLibrary prompts, ModelRouter router, ProviderRegistry providers,
            ResponseCache cache, SingleModelCall singleModel, CallRecorder recorder, WorkerIdentity identity,
            ProgressReporter progress, CancelledRuns cancels, LlmMetrics metrics) {
        this.metrics = metrics;
        this.progress = progress;
        this.cancels = cancels;
        this.config = config;
        this.prompts = prompts;
        this.router = router;
        this.providers = providers;
        this.cache = cache;
        this.singleModel = singleModel;
        this.recorder = recorder;
        this.identity = identity;
    }

    /** Answers the task with the first model of the role's route that gives a schema-valid answer. */
    public AnalysisAnswer analyse(AnalysisTask task) {
        try (LlmMetrics.InFlight call = metrics.callStarted(task.role())) {
            return answer(task);
        }
    }

    private AnalysisAnswer answer(AnalysisTask task) {
        LlmConfig.RoleConfig roleConfig = config.roles().get(task.role());
        int maxTokens = roleConfig == null ? 4000 : roleConfig.maxTokens();
        double temperature = roleConfig == null ? 0.2 : roleConfig.temperature();
        RenderedPrompt prompt = prompts.render(task);
        RoleSchema schema = schemas.forRole(task.role());
        List<String> failures = new ArrayList<>();
        Set<String> providersGivenUp = new HashSet<>();
        List<String> chain = task.override() == null ? List.of() : task.override().chain();
        for (ModelRef model : router.route(task.role(), chain, prompt.tokens(), maxTokens)) {
            if (providersGivenUp.contains(model.provider())) {
                continue;
            }
            cancels.refuseIfCancelled(task.scanId(), task.run(), failures.isEmpty() ? "no call to " + model
                    : "no fallback to " + model);
            ModelProvider provider;
            try {
                provider = providers.forModel(model);
            } catch (ModelCallException e) {
                failures.add(e.getMessage());
                continue;
            }
            ChatRequest request = request(model, provider, prompt, schema, maxTokens, temperature);
            CallScope scope = new CallScope(task.scanId(), task.run(), task.role(), model, identity.name(), task.tenant());
            CacheKey key = cache.key(model, request);
            if (task.bypassCache()) {
                cache.bypassed(key, scope);
            } else {
                Instant lookedUpAt = Instant.now();
                var hit = cache.lookup(key, scope);
                if (hit.isPresent()) {
                    recorder.record(cacheHitRow(task, model, prompt, hit.get(), lookedUpAt));
                    progress.report(task.scanId(), task.run(), task.role(), ProgressStage.CACHE_HIT, model.toString(),
                            null);
                    return new AnalysisAnswer(hit.get().analysis(), model.provider(), hit.get().answeringModel(),
                            hit.get().simulated(), prompt.version());
                }
            }
            try {
                SingleModelCall.Answer answer = singleModel.call(task, model, provider, prompt, schema, request,
                        valid -> cache.store(key, new CachedAnswer(valid.analysis(), valid.answeringModel(),
                                valid.promptTokens(), valid.completionTokens(), valid.costUsd(), provider.simulated(),
                                prompt.version(), Instant.now()), scope));
                router.succeeded(model);
                return new AnalysisAnswer(answer.analysis(), model.provider(), answer.answeringModel(),
                        provider.simulated(), prompt.version());
            } catch (SingleModelCall.ModelGaveUp e) {
                router.failed(model);
                failures.add(e.getMessage());
                progress.report(task.scanId(), task.run(), task.role(), ProgressStage.FALLING_BACK, model.toString(),
                        e.getMessage().length() <= 200 ? e.getMessage() : e.getMessage().substring(0, 200) + "…");
                if (e.providerUnusable()) {
                    providersGivenUp.add(model.provider());
                }
            }
        }
        throw new ModelCallException("all_models_failed", "every model for role '" + task.role() + "' failed: "
                + String.join("; ", failures));
    }

    private static ChatRequest request(ModelRef model, ModelProvider provider, RenderedPrompt prompt,
            RoleSchema schema, int maxTokens, double temperature) {
        ChatRequest request = ChatRequest.of(model.model(), prompt.system(), prompt.user())
                .withTemperature(temperature).withMaxTokens(maxTokens).withTimeout(provider.timeout());
        if (provider.supportsJsonSchema()) {
            request = request.withResponseSchema(schema.name(), schema.schema());
        }
        return provider.includeUsage() ? request.withUsage() : request;
    }

    private ModelCallRecord cacheHitRow(AnalysisTask task, ModelRef model, RenderedPrompt prompt, CachedAnswer hit,
            Instant lookedUpAt) {
        ModelCallRecord row = ModelCallRecord.of(task, model, prompt.version(), identity.name(), lookedUpAt);
        row.outcome = "SUCCEEDED";
        row.cacheHit = true;
        row.answeringModel = hit.answeringModel();
        row.simulated = hit.simulated();
        row.costUsd = BigDecimal.ZERO;
        row.costSource = "CACHE";
        row.tokensSaved = hit.promptTokens() + hit.completionTokens();
        row.costSavedUsd = hit.costUsd();
        return row;
    }
}
