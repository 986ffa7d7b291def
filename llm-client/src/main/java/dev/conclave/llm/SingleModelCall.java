package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.ModelAttempts.Delivered;
import dev.conclave.llm.cancel.CancelledRuns;
import dev.conclave.llm.metrics.AttemptRows;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.structured.JsonExtractor;
import dev.conclave.llm.structured.RoleSchema;
import dev.conclave.llm.structured.SchemaValidator;
import dev.conclave.model.ProgressStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One model's schema-valid answer for one task, or {@link ModelGaveUp}: the provider's answer
 * ({@link ModelAttempts}: permits, calls, retries) is checked against the role's schema; an answer that is
 * not valid JSON of the schema gets one repair attempt that quotes what was wrong, and a second bad answer
 * gives up on the model. The attempt that delivered is recorded here once judged, as SUCCEEDED or FAILED
 * ({@link AttemptRows}).
 *
 * <p>A cancelled run ({@link CancelledRuns}) gets no repair: it is refused before it starts.
 */
@ApplicationScoped
public class SingleModelCall {
    private static final int QUOTED_ANSWER_LIMIT = 4_000;

    private final ModelAttempts attempts;
    private final AttemptRows rows;
    private final CallRecorder recorder;
    private final ProgressReporter progress;
    private final CancelledRuns cancels;
    private final JsonExtractor extractor = new JsonExtractor();
    private final SchemaValidator validator = new SchemaValidator();

    public SingleModelCall(ModelAttempts attempts, AttemptRows rows, CallRecorder recorder, ProgressReporter progress,
            CancelledRuns cancels) {
        this.attempts = attempts;
        this.rows = rows;
        this.recorder = recorder;
        this.progress = progress;
        this.cancels = cancels;
    }

    /** A schema-valid answer and what the attempt that produced it used. */
    public record Answer(JsonNode analysis, String answeringModel, int promptTokens, int completionTokens,
            BigDecimal costUsd) {
    }

    /**
     * No usable answer from this model.
     *
     * @param providerUnusable true when no model of this provider can succeed now (key refused,
     *                         request invalid, daily quota spent)
     */
    public static final class ModelGaveUp extends RuntimeException {
        private final boolean providerUnusable;

        ModelGaveUp(String message, boolean providerUnusable) {
            super(message);
            this.providerUnusable = providerUnusable;
        }

        public boolean providerUnusable() {
            return providerUnusable;
        }
    }

    /**
     * Calls the model until it gives a schema-valid answer (with retries and one repair).
     *
     * @param keep runs with the valid answer before its SUCCEEDED row is written (the caller stores it in
     *             the cache there): a process killed after the row was written has the answer kept, so
     *             the message's redelivery is answered from the cache instead of paying the model again
     */
    public Answer call(AnalysisTask task, ModelRef model, ModelProvider provider, RenderedPrompt prompt,
            RoleSchema schema, ChatRequest request, Consumer<Answer> keep) {
        AttemptTarget at = new AttemptTarget(task, model, provider, prompt);
        Judged first = judged(attempts.make(at, request, false), schema);
        if (first.valid()) {
            return accept(at, first, keep);
        }
        record(at, first);
        cancels.refuseIfCancelled(task.scanId(), task.run(), "no repair of " + model + "'s answer");
        progress.report(task.scanId(), task.run(), task.role(), ProgressStage.REPAIRING, model.toString(),
                truncate(String.join("; ", first.violations()), 200));
        Judged repaired = judged(attempts.make(at,
                repairRequest(request, first.delivered().completion(), first.violations()), true), schema);
        if (repaired.valid()) {
            return accept(at, repaired, keep);
        }
        record(at, repaired);
        List<String> stillWrong = repaired.violations();
        throw new ModelGaveUp(model + " answered outside the " + schema.name() + " schema twice (the second time"
                + " after a repair request): " + String.join("; ", stillWrong.subList(0, Math.min(3, stillWrong.size()))),
                false);
    }

    /** A delivered answer, its JSON if it has any, and what is wrong with it against the role's schema. */
    private record Judged(Delivered delivered, Optional<JsonNode> json, List<String> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    private Judged judged(Delivered delivered, RoleSchema schema) {
        Optional<JsonNode> json = extractor.extract(delivered.completion().content());
        List<String> violations = json.map(value -> validator.validate(value, schema.schema()))
                .orElse(List.of("the answer contains no JSON object"));
        return new Judged(delivered, json, violations);
    }

    /** Records an answer outside the schema as a failed attempt. */
    private void record(AttemptTarget at, Judged unusable) {
        Delivered delivered = unusable.delivered();
        recorder.record(rows.unusable(at, delivered.attempt(), delivered.permit(), delivered.startedAt(),
                delivered.repair(), unusable.json().isPresent() ? "schema_violation" : "malformed_json",
                truncate(String.join("; ", unusable.violations()), 2_000)));
    }

    private Answer accept(AttemptTarget at, Judged valid, Consumer<Answer> keep) {
        Delivered delivered = valid.delivered();
        ModelCallRecord row = rows.of(at, delivered.attempt(), delivered.permit(), delivered.startedAt(),
                delivered.repair());
        ChatCompletion completion = delivered.completion();
        Answer answer = new Answer(valid.json().orElseThrow(), completion.answeringModel(), completion.promptTokens(),
                completion.completionTokens(), row.costUsd);
        keep.accept(answer);
        recorder.record(row);
        return answer;
    }

    /** The repair request: the original one, with the bad answer quoted and what is wrong with it. */
    private static ChatRequest repairRequest(ChatRequest request, ChatCompletion bad, List<String> violations) {
        String user = request.user() + "\n\nYour previous answer was:\n" + truncate(bad.content(), QUOTED_ANSWER_LIMIT)
                + "\n\nIt does not fit the required JSON schema:\n- " + String.join("\n- ", violations)
                + "\n\nAnswer again with only the corrected JSON object.";
        return new ChatRequest(request.model(), request.system(), user, request.temperature(), request.maxTokens(),
                request.responseSchema(), request.includeUsage(), request.timeout());
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }
}
