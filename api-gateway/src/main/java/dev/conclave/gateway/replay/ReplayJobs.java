package dev.conclave.gateway.replay;

import dev.conclave.gateway.persistence.ReplayJobEntity;
import dev.conclave.gateway.service.InvalidScanException;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import dev.conclave.model.RunCancel;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Replay jobs in PostgreSQL: creating one, reading them, the operator's pause, resume and cancel, and
 * the runner's steps (claim, select, record a started run, count). Each method is one transaction;
 * every state change is logged with who asked.
 */
@ApplicationScoped
public class ReplayJobs {
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class);
    private static final String CLOSED = "('COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED')";

    private final ScanSelection selection;
    private final EntityManager em;

    public ReplayJobs(ScanSelection selection, EntityManager em) {
        this.selection = selection;
        this.em = em;
    }

    /** Stores a new job, SELECTING; a runner selects its items on its next round. */
    @Transactional
    public ReplayJobEntity create(ReplayOrder order, ReplayEstimate estimate) {
        Instant now = Instant.now();
        ReplayJobEntity job = new ReplayJobEntity();
        job.id = UUID.randomUUID();
        job.kind = order.kind().name();
        job.status = JobStatus.SELECTING.name();
        job.selection = order.filter() != null ? WireJson.tree(order.filter().until() == null
                ? order.filter().until(now) : order.filter()) : WireJson.tree(order.topic());
        job.share = order.share();
        job.bypassCache = order.bypassCache();
        job.maxInFlight = order.maxInFlight();
        job.roles = order.roles();
        job.estimate = estimate == null ? null : WireJson.tree(estimate);
        job.requestedBy = order.requestedBy();
        job.tenant = order.tenant();
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        LOG.infof("replay job %s created by %s: %s %s, share %.2f, max in flight %d%s", job.id, who(order.requestedBy()),
                job.kind, job.selection, job.share, job.maxInFlight,
                estimate == null ? "" : ", estimated " + estimate.scans() + " runs, " + estimate.providerCalls()
                        + " provider calls, USD " + estimate.estimatedCostUsd());
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReplayJobEntity> find(UUID id) {
        return ReplayJobEntity.findByIdOptional(id);
    }

    /** The job, if it is {@code tenant}'s. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReplayJobEntity> find(UUID id, String tenant) {
        return ReplayJobEntity.<ReplayJobEntity>findByIdOptional(id).filter(job -> job.tenant.equals(tenant));
    }

    /** The tenant's newest jobs, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReplayJobEntity> recent(String tenant, Optional<JobStatus> status, int limit) {
        return status.map(s -> ReplayJobEntity.<ReplayJobEntity>find("tenant = ?1 and status = ?2 order by createdAt desc",
                        tenant, s.name()))
                .orElseGet(() -> ReplayJobEntity.find("tenant = ?1 order by createdAt desc", tenant))
                .page(0, limit).list();
    }

    /** The job's items counted now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReplayProgress progress(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(i.new_run), count(i.skipped_reason),
                  count(*) filter (where a.status = 'COMPLETED'), count(*) filter (where a.status = 'PARTIAL'),
                  count(*) filter (where a.status = 'FAILED'), count(*) filter (where a.status = 'CANCELLED'),
                  count(*) filter (where i.new_run is not null and (a.status is null or a.status not in %s)),
                  count(*) filter (where i.new_run is null and i.skipped_reason is null)
                from replay_item i left join aggregation a on a.scan_id = i.scan_id and a.run = i.new_run
                where i.job_id = ?1""".formatted(CLOSED)).setParameter(1, id).getSingleResult();
        int[] n = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            n[i] = ((Number) row[i]).intValue();
        }
        return new ReplayProgress(n[0], n[1], n[3], n[4], n[5], n[6], n[2], n[7], n[8]);
    }

    /** Stops starting runs; runs already started go on. */
    @Transactional
    public ReplayJobEntity pause(UUID id, String tenant, String by) {
        ReplayJobEntity job = locked(id, tenant);
        requireStatus(job, Set.of(JobStatus.SELECTING, JobStatus.RUNNING), "paused");
        job.pausedBy = by;
        change(job, JobStatus.PAUSED, by);
        return job;
    }

    /** Starts runs again where the job stopped. */
    @Transactional
    public ReplayJobEntity resume(UUID id, String tenant, String by) {
        ReplayJobEntity job = locked(id, tenant);
        requireStatus(job, Set.of(JobStatus.PAUSED), "resumed");
        change(job, job.startedAt == null ? JobStatus.SELECTING : JobStatus.RUNNING, by);
        return job;
    }

    /**
     * Ends the job: no run is started any more, and each of its runs not closed yet gets
     * {@code scan_run.cancel_requested_at}, which the workers and the aggregator honour.
     */
    @Transactional
    public ReplayJobEntity cancel(UUID id, String tenant, String by) {
        ReplayJobEntity job = locked(id, tenant);
        requireStatus(job, Set.of(JobStatus.SELECTING, JobStatus.RUNNING, JobStatus.PAUSED), "cancelled");
        job.cancelledBy = by;
        job.finishedAt = Instant.now();
        change(job, JobStatus.CANCELLED, by);
        int runs = em.createNativeQuery("""
                update scan_run r set cancel_requested_at = now(), cancelled_by = ?2
                where r.replay_job_id = ?1 and r.cancel_requested_at is null and not exists (
                  select 1 from aggregation a where a.scan_id = r.scan_id and a.run = r.run and a.status in %s)"""
                .formatted(CLOSED)).setParameter(1, id).setParameter(2, by == null ? "replay job " + id : by)
                .executeUpdate();
        LOG.infof("replay job %s: cancel asked for on %d runs not closed yet", id, runs);
        return job;
    }

    /** The job's runs asked to cancel and not closed yet: what the workers must hear about. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RunCancel> cancelledOpenRuns(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.scan_id, r.run from scan_run r
                where r.replay_job_id = ?1 and r.cancel_requested_at is not null and not exists (
                  select 1 from aggregation a where a.scan_id = r.scan_id and a.run = r.run and a.status in %s)"""
                .formatted(CLOSED)).setParameter(1, id).getResultList();
        return rows.stream().map(row -> new RunCancel((UUID) row[0], ((Number) row[1]).intValue())).toList();
    }

    /**
     * Claims the active jobs no live instance holds (or this one holds), for {@code lease}: renewing this
     * instance's claims, taking over those whose holder let its lease run out.
     */
    @Transactional
    public List<UUID> claim(String instance, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with due as (
                  select id, claimed_by as previous from replay_job
                  where status in ('SELECTING', 'RUNNING')
                    and (claimed_by is null or claimed_by = ?1 or claimed_until is null or claimed_until < now())
                  order by created_at for update skip locked)
                update replay_job j set claimed_by = ?1, claimed_until = now() + make_interval(secs => ?2), updated_at = now()
                from due where j.id = due.id
                returning j.id, due.previous""")
                .setParameter(1, instance).setParameter(2, lease.toMillis() / 1000.0).getResultList();
        List<UUID> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            if (row[1] != null && !instance.equals(row[1])) {
                LOG.infof("replay job %s taken over by %s from %s, whose claim ran out", id, instance, row[1]);
            }
            claimed.add(id);
        }
        return claimed;
    }

    /**
     * Renews this instance's claim if the job is still RUNNING and still its own; false means stop
     * starting runs (paused, cancelled, or taken over after a lapse).
     */
    @Transactional
    public boolean holds(UUID id, String instance, Duration lease) {
        return em.createNativeQuery("""
                update replay_job set claimed_until = now() + make_interval(secs => ?3)
                where id = ?1 and claimed_by = ?2 and status = 'RUNNING'""")
                .setParameter(1, id).setParameter(2, instance).setParameter(3, lease.toMillis() / 1000.0)
                .executeUpdate() == 1;
    }

    /** A BULK job's selection: its items inserted and the job RUNNING, together. */
    @Transactional
    public int selectBulk(UUID id) {
        ReplayJobEntity job = locked(id);
        int items = selection.insertItems(id, WireJson.mapper().convertValue(job.selection, ReplayFilter.class));
        selected(job, items);
        return items;
    }

    /** A TOPIC job's items were inserted by the topic read: the job is RUNNING. */
    @Transactional
    public void selectedFromTopic(UUID id, long runs) {
        selected(locked(id), (int) runs);
    }

    private void selected(ReplayJobEntity job, int items) {
        job.selected = items;
        job.startedAt = job.startedAt == null ? Instant.now() : job.startedAt;
        if (JobStatus.valueOf(job.status) == JobStatus.SELECTING) {
            change(job, JobStatus.RUNNING, "selection of " + items + " items");
        }
    }

    /** The job cannot go on (its selection cannot be made): FAILED with the reason. */
    @Transactional
    public void fail(UUID id, String reason) {
        ReplayJobEntity job = locked(id);
        job.lastError = reason;
        job.finishedAt = Instant.now();
        change(job, JobStatus.FAILED, reason);
    }

    /** A round failed on something that may pass (the database, the broker): noted, retried next round. */
    @Transactional
    public void noteError(UUID id, String error) {
        em.createNativeQuery("update replay_job set last_error = ?2, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, error).executeUpdate();
    }

    /** Items not started yet, at most {@code limit}, in a stable order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> pending(UUID id, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select scan_id, source_run, action from replay_item
                where job_id = ?1 and new_run is null and skipped_reason is null order by scan_id, source_run""")
                .setParameter(1, id).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Item((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2])).toList();
    }

    /**
     * Records the run an item started. If the job was cancelled while the run was being started, the
     * run is asked to cancel too, so a cancel never leaves a run of the job running.
     */
    @Transactional
    public void started(UUID id, Item item, int newRun) {
        em.createNativeQuery("""
                update replay_item set new_run = ?4, started_at = now()
                where job_id = ?1 and scan_id = ?2 and source_run = ?3""")
                .setParameter(1, id).setParameter(2, item.scanId()).setParameter(3, item.sourceRun())
                .setParameter(4, newRun).executeUpdate();
        em.createNativeQuery("""
                update scan_run r set cancel_requested_at = now(), cancelled_by = coalesce(j.cancelled_by, 'replay job ' || j.id)
                from replay_job j where j.id = ?1 and j.status = 'CANCELLED'
                  and r.scan_id = ?2 and r.run = ?3 and r.cancel_requested_at is null""")
                .setParameter(1, id).setParameter(2, item.scanId()).setParameter(3, newRun).executeUpdate();
    }

    /** An item whose run the scan refused: never tried again, counted as skipped. */
    @Transactional
    public void skipped(UUID id, Item item, String reason) {
        em.createNativeQuery("""
                update replay_item set skipped_reason = ?4
                where job_id = ?1 and scan_id = ?2 and source_run = ?3""")
                .setParameter(1, id).setParameter(2, item.scanId()).setParameter(3, item.sourceRun())
                .setParameter(4, reason).executeUpdate();
        LOG.warnf("replay job %s: scan %s run %d skipped: %s", id, item.scanId(), item.sourceRun(), reason);
    }

    /**
     * Ends a round that went through: writes the counts into the job's row, clears the error of an earlier
     * round, and makes a RUNNING job with nothing pending or open COMPLETED.
     */
    @Transactional
    public ReplayProgress refresh(UUID id) {
        ReplayProgress progress = progress(id);
        ReplayJobEntity job = locked(id);
        job.selected = progress.selected();
        job.started = progress.started();
        job.completed = progress.completed();
        job.partial = progress.partial();
        job.failed = progress.failed();
        job.cancelled = progress.cancelled();
        job.skipped = progress.skipped();
        job.updatedAt = Instant.now();
        if (JobStatus.valueOf(job.status) == JobStatus.RUNNING) {
            job.lastError = null; // a round went through: whatever failed before has passed
        }
        if (JobStatus.valueOf(job.status) == JobStatus.RUNNING && progress.done()) {
            job.finishedAt = job.updatedAt;
            job.claimedBy = null;
            job.claimedUntil = null;
            change(job, JobStatus.COMPLETED, progress.toString());
        }
        return progress;
    }

    /** One selected run to replay. */
    public record Item(UUID scanId, int sourceRun, String action) {
        public boolean resynthesis() {
            return "RESYNTHESIZE".equals(action);
        }
    }

    private ReplayJobEntity locked(UUID id) {
        ReplayJobEntity job = ReplayJobEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw noSuchJob(id);
        }
        return job;
    }

    /** The job locked, if it is {@code tenant}'s; another tenant's job reads as one that does not exist. */
    private ReplayJobEntity locked(UUID id, String tenant) {
        ReplayJobEntity job = locked(id);
        if (!job.tenant.equals(tenant)) {
            throw noSuchJob(id);
        }
        return job;
    }

    /** The one answer for a job that does not exist and for another tenant's. */
    public static InvalidScanException noSuchJob(UUID id) {
        return new InvalidScanException(404, "id", "there is no replay job " + id
                + "; list the jobs with GET /api/v1/replays");
    }

    private static void requireStatus(ReplayJobEntity job, Set<JobStatus> allowed, String verb) {
        if (!allowed.contains(JobStatus.valueOf(job.status))) {
            throw new InvalidScanException(409, "status", "replay job " + job.id + " is " + job.status
                    + "; only a job that is " + allowed.stream().map(Enum::name).sorted().toList() + " can be " + verb);
        }
    }

    private static void change(ReplayJobEntity job, JobStatus to, String why) {
        LOG.infof("replay job %s: %s -> %s (%s)", job.id, job.status, to, who(why));
        job.status = to.name();
        job.updatedAt = Instant.now();
    }

    private static String who(String by) {
        return by == null ? "requester unknown" : by;
    }
}
