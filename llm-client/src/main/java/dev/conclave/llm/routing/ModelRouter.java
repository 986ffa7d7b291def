package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Which models a role tries, in order. Placeholder: the configured chain as it stands. */
@ApplicationScoped
public class ModelRouter {
    private final LlmConfig config;

    public ModelRouter(LlmConfig config) {
        this.config = config;
    }

    /** The models to try for the role, in order. */
    public List<ModelRef> route(String role, long promptTokens, long expectedCompletionTokens) {
        LlmConfig.RoleConfig roleConfig = config.roles().get(role);
        List<String> chain = roleConfig == null ? config.defaultChain()
                : roleConfig.chain().orElse(config.defaultChain());
        return chain.stream().flatMap(entry -> Arrays.stream(entry.split("\\|"))).map(ModelRef::parse).toList();
    }

    /** The model answered usably. */
    public void succeeded(ModelRef model) {
    }

    /** The model failed (after its retries); counts towards opening its circuit. */
    public void failed(ModelRef model) {
    }
}
