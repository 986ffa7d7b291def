-- Where a scan's wall time goes, from the timestamps the pipeline writes, for the scans created after
-- :'since' (bench/run.sh passes each scenario's start). Per stage: p50, p90, p99 and mean in ms.
--   submitted      scan.created_at (the gateway's insert, in the transaction of the outbox row)
--   role started   role_result.started_at, first of the roles: a worker consumed scan.requests
--   role done      role_result.completed_at, last of the roles: the worker's record (prompt, call, metrics row)
--   recorded       role_result.received_at, last of the roles: the aggregator recorded it (scan.results)
--   synthesis      model_call of role 'aggregator': started_at .. finished_at
--   closed         aggregation.completed_at
--   published      aggregation.completion_published_at: scan.completed acknowledged
with s as (
    select sc.id,
           sc.created_at                                                     as submitted,
           (select min(r.started_at) from role_result r where r.scan_id = sc.id and r.run = a.run)   as first_role_started,
           (select max(r.started_at) from role_result r where r.scan_id = sc.id and r.run = a.run)   as last_role_started,
           (select max(r.completed_at) from role_result r where r.scan_id = sc.id and r.run = a.run) as last_role_done,
           (select max(r.received_at) from role_result r where r.scan_id = sc.id and r.run = a.run)  as last_recorded,
           (select min(m.started_at) from model_call m where m.scan_id = sc.id and m.run = a.run and m.role = 'aggregator') as synth_started,
           (select max(m.finished_at) from model_call m where m.scan_id = sc.id and m.run = a.run and m.role = 'aggregator') as synth_finished,
           a.completed_at                                                    as closed,
           a.completion_published_at                                         as published
    from scan sc
    join aggregation a on a.scan_id = sc.id and a.run = sc.current_run
    where sc.created_at >= :'since'::timestamptz and a.status = 'COMPLETED'
),
d as (
    select 'submitted -> first role started (publish + worker consume)' as stage, 2 as ord, extract(epoch from first_role_started - submitted) * 1000 as ms from s
    union all select 'first -> last role started (worker queue)', 3, extract(epoch from last_role_started - first_role_started) * 1000 from s
    union all select 'last role started -> last role done (worker record)', 4, extract(epoch from last_role_done - last_role_started) * 1000 from s
    union all select 'last role done -> recorded by aggregator (publish + consume + fan-in)', 5, extract(epoch from last_recorded - last_role_done) * 1000 from s
    union all select 'recorded -> synthesis started (claim)', 6, extract(epoch from synth_started - last_recorded) * 1000 from s
    union all select 'synthesis call', 7, extract(epoch from synth_finished - synth_started) * 1000 from s
    union all select 'synthesis finished -> closed', 8, extract(epoch from closed - synth_finished) * 1000 from s
    union all select 'closed -> scan.completed acknowledged', 9, extract(epoch from published - closed) * 1000 from s
    union all select 'total: submitted -> closed', 10, extract(epoch from closed - submitted) * 1000 from s
)
select stage,
       count(ms)                                                          as scans,
       round(percentile_cont(0.5) within group (order by ms)::numeric, 1)  as p50_ms,
       round(percentile_cont(0.9) within group (order by ms)::numeric, 1)  as p90_ms,
       round(percentile_cont(0.99) within group (order by ms)::numeric, 1) as p99_ms,
       round(avg(ms)::numeric, 1)                                          as mean_ms
from d
group by stage, ord
order by ord;
