package dev.conclave.gateway.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A bulk filter as SQL over the scans' current runs: the candidates a dry run estimates, and the
 * same rows inserted as a job's items. Only closed runs are selected: a replay never races a run still open.
 */
@ApplicationScoped
public class ScanSelection {
    private static final TypeReference<List<String>> ROLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> CARRIED = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> KEYS = new TypeReference<>() {
    };

    private final EntityManager em;

    public ScanSelection(EntityManager em) {
        this.em = em;
    }

    /**
     * A selected scan's current run: its roles (analysed and carried), the roles any of its runs has a
     * stored result of, and per role the cache key its newest call up to this run used.
     */
    public record Candidate(UUID scanId, int run, List<String> roles, Map<String, Integer> carried,
            List<String> stored, Map<String, String> cacheKeys) {
    }

    /** The scans the filter selects, oldest current run first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Candidate> candidates(ReplayFilter filter) {
        Sql selection = select(filter);
        Query query = em.createNativeQuery("""
                select c.id, c.current_run, r.roles::text, r.carried_roles::text,
                  (select coalesce(jsonb_agg(distinct rr.role), '[]'::jsonb)::text from role_result rr where rr.scan_id = c.id),
                  (select coalesce(jsonb_object_agg(k.role, k.cache_key), '{}'::jsonb)::text from (
                     select distinct on (ce.role) ce.role, ce.cache_key from cache_event ce
                     where ce.scan_id = c.id and ce.run <= c.current_run order by ce.role, ce.run desc, ce.id desc) k)
                from (%s) c join scan_run r on r.scan_id = c.id and r.run = c.current_run
                order by c.requested_at, c.id""".formatted(selection.text(0)));
        selection.bind(query, 0);
        List<Candidate> candidates = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            candidates.add(new Candidate((UUID) columns[0], ((Number) columns[1]).intValue(),
                    decode((String) columns[2], ROLES), decode((String) columns[3], CARRIED),
                    decode((String) columns[4], ROLES), decode((String) columns[5], KEYS)));
        }
        return candidates;
    }

    /** Inserts the selected scans as the job's items (again: nothing new), in the caller's transaction; returns how many the job has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insertItems(UUID jobId, ReplayFilter filter) {
        Sql selection = select(filter);
        Query insert = em.createNativeQuery("insert into replay_item (job_id, scan_id, source_run, action) "
                + "select ?1, c.id, c.current_run, 'RERUN' from (" + selection.text(1) + ") c on conflict do nothing");
        insert.setParameter(1, jobId);
        selection.bind(insert, 1);
        insert.executeUpdate();
        return ((Number) em.createNativeQuery("select count(*) from replay_item where job_id = ?1")
                .setParameter(1, jobId).getSingleResult()).intValue();
    }

    /** The filter as a select of (id, current_run, requested_at); parameters numbered from 1 after an offset. */
    static Sql select(ReplayFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        List<ScanStatus> statuses = filter.statuses().isEmpty() ? ReplayFilter.CLOSED : filter.statuses();
        where.append("a.status in (");
        for (int i = 0; i < statuses.size(); i++) {
            where.append(i == 0 ? "" : ", ").append(param(params, statuses.get(i).name()));
        }
        where.append(')');
        if (filter.since() != null) {
            where.append(" and r.requested_at >= ").append(param(params, filter.since()));
        }
        if (filter.until() != null) {
            where.append(" and r.requested_at < ").append(param(params, filter.until()));
        }
        if (filter.failedRole() != null) {
            String role = param(params, filter.failedRole());
            where.append(" and (coalesce(a.failed_roles, '[]'::jsonb) @> jsonb_build_array(cast(").append(role)
                    .append(" as text)) or coalesce(a.missing_roles, '[]'::jsonb) @> jsonb_build_array(cast(")
                    .append(role).append(" as text)))");
        }
        if (filter.namePattern() != null) {
            where.append(" and s.name like ").append(param(params, like(filter.namePattern()))).append(" escape '\\'");
        }
        if (filter.model() != null) {
            String model = param(params, filter.model());
            where.append(" and exists (select 1 from model_call m where m.scan_id = s.id and m.run = s.current_run and (")
                    .append("m.requested_model = ").append(model).append(" or m.answering_model = ").append(model)
                    .append(" or m.provider || '/' || m.requested_model = ").append(model).append("))");
        }
        where.append(" and s.tenant = ").append(param(params, filter.tenant()));
        String text = "select s.id, s.current_run, r.requested_at from scan s "
                + "join scan_run r on r.scan_id = s.id and r.run = s.current_run "
                + "join aggregation a on a.scan_id = s.id and a.run = s.current_run "
                + "where " + where + " order by r.requested_at, s.id limit " + param(params, filter.limit());
        return new Sql(text, params);
    }

    /** A glob as a LIKE pattern: {@code *} any text, {@code ?} one character, everything else literal. */
    static String like(String glob) {
        StringBuilder like = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?{" + params.size() + "}"; // numbered for its statement by Sql.text
    }

    private static <T> T decode(String json, TypeReference<T> type) {
        try {
            return WireJson.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored JSON column is not what the gateway wrote: " + json, e);
        }
    }

    /** Native SQL with its parameters; placeholder {@code ?{n}} is parameter n + the statement's offset. */
    record Sql(String raw, List<Object> params) {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\?\\{(\\d+)}");

        String text(int offset) {
            return PLACEHOLDER.matcher(raw).replaceAll(m -> "?" + (Integer.parseInt(m.group(1)) + offset));
        }

        void bind(Query query, int offset) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1 + offset, params.get(i));
            }
        }
    }
}
