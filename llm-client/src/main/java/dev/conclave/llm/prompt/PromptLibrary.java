package dev.conclave.llm.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned prompt templates, one file per role and version: {@code prompts/<role>/<version>.txt}
 * on the class path. A role without its own file uses {@code prompts/specialist/<version>.txt} (the
 * template for a new role's file); a service serving such a role does not start ({@link ServedRoles}).
 * The part before a line {@code ---} is the system message, the rest the user message;
 * {@code {{role}}}, {@code {{digest}}} and {@code {{panel}}} are replaced.
 */
@ApplicationScoped
public class PromptLibrary {
    private static final String SEPARATOR = "\n---\n";
    private static final int DEFAULT_BUDGET = 12_000;
    private static final int CUT_MARKER_TOKENS = 40;

    private final LlmConfig config;
    private final TokenCounter tokens;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public PromptLibrary(LlmConfig config, TokenCounter tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    public RenderedPrompt render(AnalysisTask task) {
        LlmConfig.RoleConfig roleConfig = config.roles().get(task.role());
        String version = task.override() != null && task.override().promptVersion() != null
                ? task.override().promptVersion() // a run comparing prompts asked for this one
                : roleConfig == null ? "v1" : roleConfig.promptVersion();
        int budget = roleConfig == null ? DEFAULT_BUDGET : roleConfig.promptTokenBudget();
        String template = templates.computeIfAbsent(task.role() + "/" + version, key -> load(task.role(), version));
        String panel = json(task.panel());
        // Over budget, the digest gives way (the template and the panel are what the role needs to answer):
        // first the quoted source files, least important last in the digest so dropped first, then the
        // file tree; the README, manifests, facts and scores stay. Only if that is not enough is the text cut.
        ScanDigest fitted = task.digest();
        String digest = json(fitted);
        RenderedPrompt prompt = fill(task.role(), version, template, digest, panel);
        while (prompt.tokens() > budget && fitted != null && (!fitted.sources().isEmpty() || fitted.tree().size() > 20)) {
            fitted = fitted.sources().isEmpty() ? withTree(fitted, fitted.tree().subList(0, fitted.tree().size() / 2))
                    : withSources(fitted, fitted.sources().subList(0, fitted.sources().size() - 1));
            digest = json(fitted);
            prompt = fill(task.role(), version, template, digest, panel);
        }
        if (prompt.tokens() <= budget) {
            return prompt;
        }
        int digestBudget = Math.max(0, tokens.count(digest) - (prompt.tokens() - budget) - CUT_MARKER_TOKENS);
        String cut = tokens.truncate(digest, digestBudget) + "\n[… digest cut here to fit the role's prompt budget of "
                + budget + " tokens (conclave.llm.roles." + task.role() + ".prompt-token-budget)]";
        return fill(task.role(), version, template, cut, panel);
    }

    private static ScanDigest withSources(ScanDigest d, List<FileExcerpt> sources) {
        return new ScanDigest(d.projectName(), d.fileCount(), d.totalBytes(), d.languages(), d.tree(), d.treeTruncated(),
                d.readme(), d.manifests(), d.facts(), d.scores(), List.copyOf(sources), d.redactions(), d.compression());
    }

    private static ScanDigest withTree(ScanDigest d, List<String> tree) {
        return new ScanDigest(d.projectName(), d.fileCount(), d.totalBytes(), d.languages(), List.copyOf(tree), true,
                d.readme(), d.manifests(), d.facts(), d.scores(), d.sources(), d.redactions(), d.compression());
    }

    private RenderedPrompt fill(String role, String version, String template, String digest, String panel) {
        String filled = template
                .replace("{{role}}", role)
                .replace("{{digest}}", digest)
                .replace("{{panel}}", panel);
        int split = filled.indexOf(SEPARATOR);
        String system = split < 0 ? "" : filled.substring(0, split).trim();
        String user = split < 0 ? filled.trim() : filled.substring(split + SEPARATOR.length()).trim();
        return new RenderedPrompt(role, role + "/" + version, system, user, tokens.count(system) + tokens.count(user));
    }

    /** Where a role's prompt of one version is on the class path. */
    static String resource(String role, String version) {
        return "prompts/" + role + "/" + version + ".txt";
    }

    private static String load(String role, String version) {
        String own = read(resource(role, version));
        if (own != null) {
            return own;
        }
        String generic = read("prompts/specialist/" + version + ".txt");
        if (generic == null) {
            throw new IllegalStateException("no prompt for role '" + role + "' at version " + version
                    + ": add prompts/" + role + "/" + version + ".txt to llm-client");
        }
        return generic;
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String json(Object value) {
        try {
            return WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render prompt input: " + e.getOriginalMessage(), e);
        }
    }
}
