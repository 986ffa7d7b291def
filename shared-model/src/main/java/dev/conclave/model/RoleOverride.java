package dev.conclave.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one role of a run does differently from the worker's configuration, to compare prompts or
 * models on the same project: another prompt version, another model chain, or both.
 *
 * @param promptVersion the version of the role's prompt template (e.g. {@code v2}); null keeps the configured one
 * @param chain         the models to try in order, each {@code provider/model} or several interchangeable ones
 *                      joined by {@code |}, as in {@code conclave.llm.roles.<role>.chain}; empty keeps the configured one
 */
public record RoleOverride(String promptVersion, List<String> chain) {

    public RoleOverride {
        chain = chain == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(chain));
    }

    /** What is wrong with this override of {@code role}, in words; empty when it can be used. */
    public List<String> problems(String role) {
        List<String> problems = new ArrayList<>();
        if (promptVersion != null && !promptVersion.matches("[A-Za-z0-9._-]{1,40}")) {
            problems.add("overrides." + role + ".promptVersion '" + promptVersion
                    + "' is not a version name (letters, digits, . _ -)");
        }
        for (int i = 0; i < chain.size(); i++) {
            String entry = chain.get(i);
            if (entry == null || entry.isBlank() || !entry.contains("/")) {
                problems.add("overrides." + role + ".chain[" + i + "] '" + entry
                        + "' is not provider/model (e.g. openrouter/meta-llama/llama-3.3-70b-instruct)");
            }
        }
        if (promptVersion == null && chain.isEmpty()) {
            problems.add("overrides." + role + " changes nothing; give promptVersion, chain or both");
        }
        return problems;
    }
}
