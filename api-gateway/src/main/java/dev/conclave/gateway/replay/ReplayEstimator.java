package dev.conclave.gateway.replay;

import dev.conclave.gateway.config.ReplayConfig;
import dev.conclave.gateway.replay.ReplayEstimate.RoleEstimate;
import dev.conclave.gateway.replay.ScanSelection.Candidate;
import dev.conclave.model.CachedAnswers;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * A bulk replay's dry run: which calls its runs would make, how many the cache answers now, and what
 * the rest cost. The gateway calls no model and holds no price table: a role's cost per call is the
 * mean of what its recent provider calls cost as their metrics rows recorded it (the provider's own
 * figure, or the workers' price table where the provider reports none) over the last 30 days, and its
 * tokens likewise. Answers of the offline simulator are not provider calls and are left out: a fleet that
 * ran offline before would otherwise average its free answers into the price of real ones.
 */
@ApplicationScoped
public class ReplayEstimator {
    /** The aggregator's calls are recorded under this role. */
    static final String SYNTHESIS = "aggregator";
    private static final Logger LOG = Logger.getLogger(ReplayEstimator.class);
    private static final int KEYS_PER_ASK = 500;
    private static final String EXISTS_EACH = """
            local found = {}
            for i, key in ipairs(KEYS) do found[i] = redis.call('EXISTS', key) end
            return found""";

    private final ScanSelection selection;
    private final RedisDataSource redis;
    private final EntityManager em;
    private final int sample;

    public ReplayEstimator(ScanSelection selection, RedisDataSource redis, EntityManager em, ReplayConfig config) {
        this.selection = selection;
        this.redis = redis;
        this.em = em;
        this.sample = config.estimateSample();
    }

    /** The estimate of a bulk replay of {@code filter}'s scans analysing {@code roles} (null: every role). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReplayEstimate estimate(ReplayFilter filter, List<String> roles, boolean bypassCache) {
        List<Candidate> candidates = selection.candidates(filter);
        List<List<String>> analysed = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            List<String> calls = analysedRoles(candidate, roles);
            analysed.add(calls);
            for (String role : calls) {
                addKey(candidate, role, keys);
            }
            addKey(candidate, SYNTHESIS, keys);
        }
        List<String> notes = new ArrayList<>();
        Set<String> cached = new HashSet<>();
        boolean checked = true;
        if (!bypassCache) {
            try {
                cached = cachedKeys(keys);
            } catch (RuntimeException e) {
                checked = false;
                notes.add("Redis could not be asked which answers are cached (" + e.getMessage()
                        + "); every call is counted as a provider call");
                LOG.warnf("replay dry run without the cache check: %s", e.getMessage());
            }
        }
        Map<String, int[]> perRole = new TreeMap<>(); // role -> {calls, cache answers}
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            boolean everyRoleCached = true;
            for (String role : analysed.get(i)) {
                boolean hit = cached.contains(candidate.cacheKeys().get(role));
                everyRoleCached &= hit;
                count(perRole, role, hit);
            }
            // A synthesis is answered from the cache only when its panel is the one it was asked with:
            // a role called again may answer differently and so change the synthesis' key.
            count(perRole, SYNTHESIS, everyRoleCached && cached.contains(candidate.cacheKeys().get(SYNTHESIS)));
        }
        Map<String, RecentCalls> recent = recentCalls(perRole.keySet());
        Map<String, RoleEstimate> roleEstimates = new TreeMap<>();
        int roleCalls = 0;
        int cacheAnswers = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long tokens = 0;
        for (Map.Entry<String, int[]> entry : perRole.entrySet()) {
            String role = entry.getKey();
            int calls = entry.getValue()[0];
            int hits = entry.getValue()[1];
            int provider = calls - hits;
            RecentCalls history = recent.getOrDefault(role, RecentCalls.NONE);
            if (provider > 0 && history.costPerCall() == null) {
                notes.add("role " + role + " has no priced provider call among its recent calls: its "
                        + provider + " calls are not in the cost");
            }
            roleEstimates.put(role, new RoleEstimate(calls, hits, provider, history.costPerCall(), history.tokensPerCall(),
                    history.sample()));
            if (!role.equals(SYNTHESIS)) {
                roleCalls += calls;
            }
            cacheAnswers += hits;
            if (history.costPerCall() != null) {
                cost = cost.add(history.costPerCall().multiply(BigDecimal.valueOf(provider)));
            }
            tokens += history.tokensPerCall() * provider;
        }
        int synthesis = candidates.size();
        return new ReplayEstimate(candidates.size(), roleCalls, synthesis, roleCalls + synthesis, cacheAnswers,
                roleCalls + synthesis - cacheAnswers, cost.setScale(6, RoundingMode.HALF_UP), tokens, checked,
                roleEstimates, notes);
    }

    /**
     * The roles a run started from {@code candidate} analyses, as RunStore decides it: those asked for,
     * plus any of the run's roles no run has a stored result of.
     */
    static List<String> analysedRoles(Candidate candidate, List<String> asked) {
        List<String> expected = new ArrayList<>(candidate.roles());
        candidate.carried().keySet().stream().filter(role -> !expected.contains(role)).forEach(expected::add);
        List<String> analysed = new ArrayList<>(asked == null ? expected : asked);
        for (String role : expected) {
            if (!analysed.contains(role) && !candidate.stored().contains(role)) {
                analysed.add(role);
            }
        }
        return analysed;
    }

    private static void addKey(Candidate candidate, String role, Set<String> keys) {
        String key = candidate.cacheKeys().get(role);
        if (key != null) {
            keys.add(key);
        }
    }

    private static void count(Map<String, int[]> perRole, String role, boolean hit) {
        int[] counts = perRole.computeIfAbsent(role, r -> new int[2]);
        counts[0]++;
        counts[1] += hit ? 1 : 0;
    }

    /** The keys Redis holds an answer for, asked in batches by one script each (EXISTS per key). */
    private Set<String> cachedKeys(Set<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_ASK) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + KEYS_PER_ASK));
            List<String> args = new ArrayList<>(List.of(EXISTS_EACH, Integer.toString(batch.size())));
            batch.forEach(key -> args.add(CachedAnswers.redisKey(key)));
            Response answer = redis.execute("EVAL", args.toArray(String[]::new));
            for (int i = 0; i < batch.size(); i++) {
                if (answer.get(i).toInteger() == 1) {
                    found.add(batch.get(i));
                }
            }
        }
        return found;
    }

    /** One role's recent provider calls: mean cost (null when none was priced) and tokens, over how many. */
    private record RecentCalls(BigDecimal costPerCall, long tokensPerCall, int sample) {
        static final RecentCalls NONE = new RecentCalls(null, 0, 0);
    }

    private Map<String, RecentCalls> recentCalls(Set<String> roles) {
        Map<String, RecentCalls> recent = new HashMap<>();
        if (roles.isEmpty()) {
            return recent;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select role, count(*), avg(cost_usd), coalesce(avg(prompt_tokens + completion_tokens), 0)
                from (select role, cost_usd, prompt_tokens, completion_tokens,
                             row_number() over (partition by role order by started_at desc) as newest
                      from model_call
                      where not cache_hit and not simulated and outcome = 'SUCCEEDED'
                        and started_at > now() - interval '30 days') recent
                where newest <= ?1 group by role""")
                .setParameter(1, sample).getResultList();
        for (Object[] row : rows) {
            BigDecimal cost = row[2] == null ? null : new BigDecimal(row[2].toString()).setScale(8, RoundingMode.HALF_UP);
            recent.put((String) row[0], new RecentCalls(cost, Math.round(((Number) row[3]).doubleValue()),
                    ((Number) row[1]).intValue()));
        }
        return recent;
    }
}
