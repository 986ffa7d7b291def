package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chains of configuration, parsed once: per role a list of groups (a group holds one model, or
 * several interchangeable ones), and whether the offline fallback replaces them all.
 *
 * <p>Only chains set explicitly ({@code conclave.llm.roles.<role>.chain}) decide the fallback: a role
 * without one uses the default chain anyway, and counting the default chain's offline provider as
 * "usable" would keep a keyless OpenRouter chain from ever falling back.
 *
 * @param byRole          chains set per role
 * @param defaultChain    {@code conclave.llm.default-chain}
 * @param offlineFallback why every role uses the default chain instead of its own, when it does
 */
record RoleChains(Map<String, List<List<ModelRef>>> byRole, List<List<ModelRef>> defaultChain,
        Optional<String> offlineFallback) {

    static RoleChains from(LlmConfig config) {
        Map<String, List<List<ModelRef>>> byRole = new LinkedHashMap<>();
        config.roles().forEach((role, roleConfig) -> roleConfig.chain()
                .ifPresent(chain -> byRole.put(role, parse(chain))));
        List<List<ModelRef>> defaultChain = parse(config.defaultChain());
        return new RoleChains(Map.copyOf(byRole), defaultChain, fallbackReason(config, byRole, defaultChain));
    }

    /** The groups the role tries, in order. */
    List<List<ModelRef>> of(String role) {
        return offlineFallback.isPresent() ? defaultChain : byRole.getOrDefault(role, defaultChain);
    }

    static List<List<ModelRef>> parse(List<String> chain) {
        return chain.stream()
                .map(entry -> Arrays.stream(entry.split("\\|")).map(String::trim).filter(name -> !name.isEmpty())
                        .map(ModelRef::parse).toList())
                .filter(group -> !group.isEmpty())
                .toList();
    }

    private static Optional<String> fallbackReason(LlmConfig config, Map<String, List<List<ModelRef>>> byRole,
            List<List<ModelRef>> defaultChain) {
        Set<String> named = providersOf(byRole.values());
        if (!config.offlineWithoutKeys() || named.isEmpty() || named.stream().anyMatch(p -> usable(config, p))
                || providersOf(List.of(defaultChain)).stream().noneMatch(p -> usable(config, p))) {
            return Optional.empty();
        }
        List<String> toSet = new ArrayList<>();
        for (String provider : named) {
            LlmConfig.ProviderConfig settings = config.providers().get(provider);
            toSet.add(settings == null ? "configure conclave.llm.providers." + provider
                    : "set " + settings.apiKeyEnv().orElse("conclave.llm.providers." + provider + ".api-key")
                            + " for " + provider);
        }
        return Optional.of("no provider in the role chains can be called (" + String.join("; ", toSet)
                + "): every role uses the default chain " + names(defaultChain)
                + " and its results say they are simulated (conclave.llm.offline-without-keys=false refuses"
                + " to start instead)");
    }

    /** Callable: takes no key, or has one. */
    private static boolean usable(LlmConfig config, String provider) {
        LlmConfig.ProviderConfig settings = config.providers().get(provider);
        return settings != null
                && (!settings.requiresKey() || settings.apiKey().filter(key -> !key.isBlank()).isPresent());
    }

    private static Set<String> providersOf(Iterable<List<List<ModelRef>>> chains) {
        Set<String> providers = new LinkedHashSet<>();
        for (List<List<ModelRef>> chain : chains) {
            chain.forEach(group -> group.forEach(model -> providers.add(model.provider())));
        }
        return providers;
    }

    private static String names(List<List<ModelRef>> chain) {
        return String.join(", ", chain.stream().map(group -> String.join("|",
                group.stream().map(ModelRef::toString).toList())).toList());
    }
}
