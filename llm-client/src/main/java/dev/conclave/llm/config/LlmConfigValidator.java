package dev.conclave.llm.config;

import dev.conclave.llm.routing.ModelRouter;
import dev.conclave.model.PanelRoles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service whose model configuration cannot work, with one line per problem
 * naming the setting to fix: a chain entry that is not {@code provider/model}, a model of a provider
 * that is not configured, a provider of an unknown kind or without a base URL, a provider in use
 * without its key, a price that is negative or names no model. Settings of a role the panel does not
 * define are only warned about (a typo, or a shipped role the panel leaves out). Better a service that does not start
 * than one that fails every scan at 3 a.m.
 *
 * <p>One exception, so that a fresh checkout runs: when no provider named in any chain has a key and
 * {@code conclave.llm.offline-without-keys} is true, the chains fall back to the offline simulator
 * (see {@link dev.conclave.llm.routing.ModelRouter}) and missing keys are not a problem.
 */
@ApplicationScoped
public class LlmConfigValidator {
    private static final Logger LOG = Logger.getLogger(LlmConfigValidator.class);
    private static final Set<String> KINDS = Set.of("openai", "offline");
    private static final Set<String> SCOPES = Set.of("model", "key");

    void onStart(@Observes StartupEvent event, LlmConfig config, PanelRoles panel) {
        // Warned, not refused: llm-client's defaults configure the shipped roles, which a panel may leave out.
        undefinedRoles(config, panel).forEach(LOG::warn);
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the model configuration (conclave.llm.*) cannot work:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** Every problem, one sentence each; empty when the configuration can work. */
    public static List<String> problems(LlmConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> chains = chains(config);
        for (var chain : chains.entrySet()) {
            for (String entry : chain.getValue()) {
                for (String model : entry.split("\\|")) {
                    String provider = providerOf(model);
                    if (provider == null) {
                        problems.add(chain.getKey() + " names '" + model.strip() + "', which is not provider/model"
                                + " (e.g. openrouter/meta-llama/llama-3.3-70b-instruct)");
                        continue;
                    }
                    LlmConfig.ProviderConfig settings = config.providers().get(provider);
                    if (settings == null) {
                        problems.add(chain.getKey() + " names " + model.strip() + " but no provider '" + provider
                                + "' is configured: set conclave.llm.providers." + provider + ".base-url (and its"
                                + " api-key), or fix the chain");
                        continue;
                    }
                }
            }
        }
        boolean offlineFallback = problems.isEmpty() && ModelRouter.offlineFallbackReason(config).isPresent();
        Set<String> used = usedProviders(chains);
        config.providers().forEach((name, settings) -> {
            String prefix = "conclave.llm.providers." + name;
            if (!KINDS.contains(settings.kind())) {
                problems.add(prefix + ".kind is '" + settings.kind() + "'; use one of " + KINDS);
            }
            if ("openai".equals(settings.kind()) && settings.baseUrl().isEmpty() && used.contains(name)) {
                problems.add(prefix + ".base-url is not set; set it to the provider's OpenAI-compatible API root,"
                        + " e.g. https://openrouter.ai/api/v1");
            }
            if (used.contains(name) && !usable(settings) && !offlineFallback) {
                problems.add("provider '" + name + "' is in a chain but has no API key: set "
                        + settings.apiKeyEnv().orElse(prefix + ".api-key") + " (or " + prefix
                        + ".requires-key=false for a local server)");
            }
            if (!SCOPES.contains(settings.limits().scope())) {
                problems.add(prefix + ".limits.scope is '" + settings.limits().scope() + "'; use model or key");
            }
            if (settings.limits().requests() < 0 || settings.limits().tokens() < 0 || settings.limits().burst() < 0
                    || settings.limits().requestsPerDay() < 0) {
                problems.add(prefix + ".limits: requests, tokens, burst and requests-per-day must not be negative");
            }
            if (settings.limits().period().isZero() || settings.limits().period().isNegative()) {
                problems.add(prefix + ".limits.period must be positive, not " + settings.limits().period());
            }
        });
        config.prices().forEach((model, price) -> {
            if (providerOf(model) == null) {
                problems.add("conclave.llm.prices.\"" + model + "\" names no provider/model");
            }
            if (price.prompt().compareTo(BigDecimal.ZERO) < 0 || price.completion().compareTo(BigDecimal.ZERO) < 0) {
                problems.add("conclave.llm.prices.\"" + model + "\" has a negative price (" + price.prompt() + " / "
                        + price.completion() + " USD per million tokens)");
            }
        });
        if (config.retry().maxAttempts() < 1) {
            problems.add("conclave.llm.retry.max-attempts must be at least 1, not " + config.retry().maxAttempts());
        }
        // The rules of RetryPolicy, said in terms of the properties.
        LlmConfig.Retry retry = config.retry();
        if (retry.backoffBase().isZero() || retry.backoffBase().isNegative()
                || retry.backoffCap().compareTo(retry.backoffBase()) < 0) {
            problems.add("conclave.llm.retry needs 0 < backoff-base <= backoff-cap");
        }
        if (retry.deadline().isZero() || retry.deadline().isNegative()) {
            problems.add("conclave.llm.retry.deadline must be positive (all attempts at one model together), not "
                    + retry.deadline());
        }
        return problems;
    }

    /** Settings of a role the panel does not define: a typo, or a role added here but not to the panel. */
    public static List<String> undefinedRoles(LlmConfig config, PanelRoles panel) {
        return config.roles().keySet().stream().filter(role -> panel.role(role).isEmpty()).sorted()
                .map(role -> "conclave.llm.roles." + role + ".* configures role '" + role + "', which the panel does"
                        + " not define (" + panel.setting() + " " + panel.names() + "): it is ignored; a typo?")
                .toList();
    }

    private static Map<String, List<String>> chains(LlmConfig config) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        chains.put("conclave.llm.default-chain", config.defaultChain());
        config.roles().forEach((role, settings) -> settings.chain()
                .ifPresent(chain -> chains.put("conclave.llm.roles." + role + ".chain", chain)));
        return chains;
    }

    private static Set<String> usedProviders(Map<String, List<String>> chains) {
        Set<String> used = new java.util.HashSet<>();
        chains.values().forEach(chain -> chain.forEach(entry -> {
            for (String model : entry.split("\\|")) {
                String provider = providerOf(model);
                if (provider != null) {
                    used.add(provider);
                }
            }
        }));
        return used;
    }

    private static boolean usable(LlmConfig.ProviderConfig settings) {
        return !settings.requiresKey() || settings.apiKey().filter(key -> !key.isBlank()).isPresent();
    }

    private static String providerOf(String model) {
        String trimmed = model.strip();
        int slash = trimmed.indexOf('/');
        return slash <= 0 || slash == trimmed.length() - 1 ? null : trimmed.substring(0, slash);
    }
}
