package dev.conclave.llm.prompt;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.structured.RoleSchemas;
import dev.conclave.model.PanelRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks, at a service's start, that every role it serves is defined and has what answering it
 * takes: a name in the panel ({@link PanelRoles}), its prompt {@code prompts/<role>/<version>.txt}
 * and its schema (a shared-model record, or {@code schemas/<role>.json}) on the class path. A role
 * that lacks one would fail every scan that asks for it; the service refuses to start instead, saying
 * what is missing and where.
 */
@ApplicationScoped
public class ServedRoles {
    private final PanelRoles panel;
    private final LlmConfig config;
    private final RoleSchemas schemas;

    public ServedRoles(PanelRoles panel, LlmConfig config) {
        this.panel = panel;
        this.config = config;
        this.schemas = new RoleSchemas();
    }

    /**
     * @param roles   the roles this process answers
     * @param setting the setting that named them, for the message
     * @throws IllegalStateException naming each missing piece and where it goes
     */
    public void require(Collection<String> roles, String setting) {
        List<String> problems = new ArrayList<>();
        if (roles.isEmpty()) {
            problems.add(setting + " names no role; name some of " + panel.names());
        }
        for (String role : roles) {
            problems.addAll(missing(role, setting));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the roles this service serves cannot be answered:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private List<String> missing(String role, String setting) {
        if (panel.role(role).isEmpty()) {
            return List.of(setting + " names '" + role + "', which the panel does not define: add it to "
                    + panel.setting() + " " + panel.names() + " (with its prompt and schema), or serve one of those");
        }
        List<String> missing = new ArrayList<>();
        LlmConfig.RoleConfig settings = config.roles().get(role);
        String version = settings == null ? "v1" : settings.promptVersion();
        String prompt = PromptLibrary.resource(role, version);
        if (PromptLibrary.read(prompt) == null) {
            missing.add("role '" + role + "' has no prompt: add " + prompt + " to the class path (llm-client's"
                    + " resources), or set conclave.llm.roles." + role + ".prompt-version to a version it has");
        }
        if (!schemas.hasOwnSchema(role)) {
            missing.add("role '" + role + "' has no schema: add " + RoleSchemas.resource(role)
                    + " (a JSON schema of its answer) to the class path (llm-client's resources)");
        }
        return missing;
    }
}
