package dev.conclave.systemtests.fleet;

import dev.conclave.model.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Fleet} runs: its analysis-worker instances and the environment every service gets
 * on top of the infrastructure's connection variables.
 *
 * @param workers analysis-worker processes, each with its roles and instance name
 * @param env     extra environment for every service (model providers, limits)
 */
public record FleetSpec(List<Worker> workers, Map<String, String> env) {

    /** One analysis-worker process. */
    public record Worker(String name, List<String> roles, String instance) {
    }

    /**
     * The offline panel: worker-a serves architect, deployment and business, worker-b architect only,
     * so group {@code analysis-architect} has two members that split the partitions.
     */
    public static FleetSpec offlinePanel() {
        return new FleetSpec(List.of(
                new Worker("analysis-worker-a", List.of("architect", "deployment", "business"), Fleet.WORKER_A),
                new Worker("analysis-worker-b", List.of("architect"), Fleet.WORKER_B)),
                Map.of("CONCLAVE_LLM_OFFLINE_LATENCY", "20ms"));
    }

    /**
     * Three workers serving every role, calling {@code openrouter} (the given fake) with one model per
     * role, all sharing one fleet-wide bucket per key of {@code requestsPerSecond} with burst 1.
     */
    public static FleetSpec openRouterPanel(String baseUrl, String apiKey, int requestsPerSecond) {
        List<String> roles = List.of("architect", "deployment", "business");
        List<Worker> workers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            workers.add(new Worker("analysis-worker-" + i, roles, "worker-" + i));
        }
        List<String> properties = new ArrayList<>(List.of(
                "conclave.llm.providers.openrouter.limits.requests=" + requestsPerSecond,
                "conclave.llm.providers.openrouter.limits.period=1s",
                "conclave.llm.providers.openrouter.limits.burst=1",
                "conclave.llm.providers.openrouter.limits.requests-per-day=0",
                "conclave.llm.providers.openrouter.limits.scope=key",
                "conclave.llm.providers.openrouter.timeout=10s"));
        for (String role : List.of("architect", "deployment", "business", "aggregator")) {
            properties.add("conclave.llm.roles." + role + ".chain=openrouter/" + FakeOpenRouter.model(role));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENROUTER_BASE_URL", baseUrl);
        env.put("OPENROUTER_API_KEY", apiKey);
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", properties.stream().map(p -> "-D" + p).toList()));
        return new FleetSpec(List.copyOf(workers), env);
    }

    /** Consumer groups and how many members each must have before a test starts. */
    List<Map.Entry<String, Integer>> groupMembers() {
        Map<String, Integer> members = new LinkedHashMap<>();
        for (Worker worker : workers) {
            worker.roles().forEach(role -> members.merge(Topics.analysisGroup(role), 1, Integer::sum));
        }
        members.put("aggregator-intake", 1);
        members.put("aggregator", 1);
        return List.copyOf(members.entrySet());
    }
}
