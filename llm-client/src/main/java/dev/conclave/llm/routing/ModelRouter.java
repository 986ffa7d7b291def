package dev.conclave.llm.routing;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Which models a role tries, in order: its chain ({@code conclave.llm.roles.<role>.chain}, else
 * {@code conclave.llm.default-chain}), interchangeable models ({@code a|b|c}) cheapest first for the
 * call at hand, models whose circuit is open left out.
 *
 * <p>A model's circuit opens after {@code routing.failure-threshold} consecutive {@link #failed}
 * reports and stays open {@code routing.open-for}; then one trial call is let through (its success
 * closes the circuit, its failure opens it again). {@link OpenModelProbe} lets the trial go sooner when
 * the provider lists the model again.
 *
 * <p>When every model of a role is open, the route is the whole chain rather than nothing: the caller
 * would otherwise fail the role without asking anyone, while an open model's call usually fails fast
 * (401, 404, connection refused) and its outcome is just what tells the circuit the model is back.
 *
 * <p>Circuit state is per instance and in memory, deliberately: it is health information, not
 * state a scan depends on, and a restarted instance relearns it within a few calls or one probe
 * interval. Sharing it through Redis would put a round trip on every route for little gain.
 *
 * <p>Thread-safe: chains are parsed once and immutable; circuits change by compare-and-set
 * ({@link CircuitBreakers}), so the virtual threads calling concurrently never block here.
 */
@ApplicationScoped
public class ModelRouter {
    private static final Logger LOG = Logger.getLogger(ModelRouter.class);

    private final RoleChains chains;
    private final PriceTable prices;
    private final CircuitBreakers circuits;
    private final Set<String> servedRoles = ConcurrentHashMap.newKeySet();

    @Inject
    public ModelRouter(LlmConfig config, PriceTable prices) {
        this(config, prices, InstantSource.system());
    }

    /** With a clock of the test's choosing, so open-for can pass without waiting for it. */
    ModelRouter(LlmConfig config, PriceTable prices, InstantSource clock) {
        this.chains = RoleChains.from(config);
        this.prices = prices;
        this.circuits = new CircuitBreakers(config.routing().failureThreshold(), config.routing().openFor(), clock);
    }

    /** Says once, at start, when every role answers offline and which variable to set to change that. */
    void announce(@Observes StartupEvent start) {
        chains.offlineFallback().ifPresent(reason -> LOG.info(reason));
    }

    /** The models to try for the role, in order. */
    public List<ModelRef> route(String role, long promptTokens, long expectedCompletionTokens) {
        return route(role, List.of(), promptTokens, expectedCompletionTokens);
    }

    /**
     * The models to try for the role, in order, from {@code chainOverride} (entries as in
     * {@code conclave.llm.roles.<role>.chain}) instead of the configured chain when it is not empty.
     */
    public List<ModelRef> route(String role, List<String> chainOverride, long promptTokens, long expectedCompletionTokens) {
        servedRoles.add(role);
        List<List<ModelRef>> groups = chainOverride.isEmpty() ? chains.of(role) : RoleChains.parse(chainOverride);
        List<ModelRef> chain = ordered(groups, promptTokens, expectedCompletionTokens);
        List<ModelRef> admitted = chain.stream().filter(circuits::admit).toList();
        return admitted.isEmpty() ? chain : admitted;
    }

    /** The model answered usably: its circuit closes. */
    public void succeeded(ModelRef model) {
        circuits.succeeded(model);
    }

    /** The model failed (after its retries); counts towards opening its circuit. */
    public void failed(ModelRef model) {
        circuits.failed(model);
    }

    /** True when no provider in the role chains can be called and every role uses the offline default chain. */
    /**
     * Why a configuration's roles would all fall back to the offline chain, if they would: the one rule,
     * shared with start-up validation. The chains must already parse as {@code provider/model}.
     */
    public static Optional<String> offlineFallbackReason(LlmConfig config) {
        return RoleChains.from(config).offlineFallback();
    }

    public boolean offlineFallback() {
        return chains.offlineFallback().isPresent();
    }

    /** Why every role uses the default chain, naming the variable to set; empty when the chains are used as configured. */
    public Optional<String> offlineFallbackReason() {
        return chains.offlineFallback();
    }

    /** The model's circuit as this instance sees it. */
    public Circuit circuit(ModelRef model) {
        return circuits.circuit(model);
    }

    /** Circuits that are open or on trial, by model. */
    public Map<ModelRef, Circuit> openCircuits() {
        return circuits.notClosed();
    }

    /** Roles this instance has routed, each with the distinct models of its chain, in chain order. */
    public Map<String, List<ModelRef>> servedRoles() {
        Map<String, List<ModelRef>> result = new TreeMap<>();
        for (String role : new TreeSet<>(servedRoles)) {
            Set<ModelRef> models = new LinkedHashSet<>();
            chains.of(role).forEach(models::addAll);
            result.put(role, List.copyOf(models));
        }
        return result;
    }

    /** The provider listed the model again (see {@link OpenModelProbe}). */
    void listedByProvider(ModelRef model) {
        circuits.listedByProvider(model);
    }

    /** Groups keep their place; inside a group the cheapest for these token counts goes first, unknown prices last. */
    private List<ModelRef> ordered(List<List<ModelRef>> chain, long promptTokens, long completionTokens) {
        Set<ModelRef> models = new LinkedHashSet<>();
        for (List<ModelRef> group : chain) {
            if (group.size() == 1) {
                models.add(group.get(0));
                continue;
            }
            List<ModelRef> byCost = new ArrayList<>(group);
            // List.sort is stable: models of equal (or unknown) price keep their configured order.
            byCost.sort(Comparator.comparing((ModelRef model) -> prices.cost(model, promptTokens, completionTokens)
                    .orElse(null), Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder())));
            models.addAll(byCost);
        }
        return List.copyOf(models);
    }
}
