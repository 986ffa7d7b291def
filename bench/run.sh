#!/usr/bin/env bash
# bench/run.sh: the throughput benchmark of issue 11 in one command.
#
#   bench/run.sh            full run (~30 min on 2 cores: 1 000 warm-up scans before each scenario)
#   bench/run.sh --quick    fewer scans per scenario, a smoke check (~5 min, most of it the six restarts)
#   bench/run.sh --scans N  every scenario with N scans (a check of the script itself; the numbers mean little)
#   bench/run.sh --only S   one scenario: throughput, latency, c100, c10 or horizontal (with --quick/--scans too)
#   bench/run.sh --concurrency N   worker and aggregator concurrency of the two 0 ms scenarios (default 16)
#   bench/run.sh --profile  also records JFR on the three services during the zero-latency throughput scenario
#                           (files in $CONCLAVE_HOME/jfr/; summarise with `jfr summary` / `jfr print`)
#
# Brings up a stack of its own (state in .conclave/bench, ports Kafka 19292/19293, PostgreSQL 15632, Redis 16579,
# services 18280-18283, each overridable through the usual CONCLAVE_* variables), builds the services if their
# jars are missing or older than the sources (reactor `package`, never `install`), and for every scenario
# restarts the services with that scenario's settings: per-key limits raised, offline provider at 0 ms or 200 ms,
# worker and aggregator concurrency. Prints one table: scenario, target (issue 11), result, met; then each
# service's RSS (from /proc) and its count of warnings at the end of each scenario. Stops what it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=0
profile=0
scans=""
only=""
zero_concurrency=16
while [[ $# -gt 0 ]]; do
  arg="$1"; shift
  case "$arg" in
    --quick) quick=1 ;;
    --scans) scans="${1:?--scans needs a number}"; shift ;;
    --profile) profile=1 ;;
    --concurrency) zero_concurrency="${1:?--concurrency needs a number}"; shift ;;
    --only)
      only="${1:?--only needs a scenario: throughput, latency, c100, c10 or horizontal}"; shift
      [[ $only =~ ^(throughput|latency|c100|c10|horizontal)$ ]] \
        || { echo "unknown scenario '$only' (throughput, latency, c100, c10, horizontal)" >&2; exit 64; } ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (bench/run.sh [--quick] [--scans N] [--only SCENARIO] [--concurrency N] [--profile])" >&2; exit 64 ;;
  esac
done

export CONCLAVE_HOME="${CONCLAVE_HOME:-$root/.conclave/bench}"
export CONCLAVE_KAFKA_PORT="${CONCLAVE_KAFKA_PORT:-19292}"
export CONCLAVE_KAFKA_CONTROLLER_PORT="${CONCLAVE_KAFKA_CONTROLLER_PORT:-19293}"
export CONCLAVE_PG_PORT="${CONCLAVE_PG_PORT:-15632}"
export CONCLAVE_REDIS_PORT="${CONCLAVE_REDIS_PORT:-16579}"
export CONCLAVE_GATEWAY_PORT="${CONCLAVE_GATEWAY_PORT:-18280}"
export CONCLAVE_WORKER_PORT="${CONCLAVE_WORKER_PORT:-18281}"
export CONCLAVE_AGGREGATOR_PORT="${CONCLAVE_AGGREGATOR_PORT:-18282}"
worker2_port="${CONCLAVE_WORKER2_PORT:-18283}"
# The benchmark measures the pipeline, not the per-key admission limits (30 submissions a minute by default).
export CONCLAVE_LIMITS_SUBMISSIONS_PER_MINUTE=1000000 CONCLAVE_LIMITS_SUBMISSION_BURST=1000000
export CONCLAVE_LIMITS_UPLOADS_PER_KEY=64 CONCLAVE_LIMITS_UPLOADS_PER_INSTANCE=64

# shellcheck source=../deploy/local/lib/common.sh
source "$root/deploy/local/lib/common.sh"
stack="$root/deploy/local/stack.sh"
services="$root/deploy/local/services.sh"
select_java
ensure_home
results="$CONCLAVE_HOME/results"
mkdir -p "$results"
rm -f "$results"/*

if [[ $quick == 1 ]]; then
  n_tp=200 n_lat=30 n_c100=200 n_c10=100 n_h=100 n_warm=20
else
  n_tp=2000 n_lat=200 n_c100=2000 n_c10=1000 n_h=1000 n_warm=1000
fi
if [[ -n "$scans" ]]; then n_tp=$scans n_lat=$scans n_c100=$scans n_c10=$scans n_h=$scans n_warm=$scans; fi

# --- what we start, we stop -------------------------------------------------------------------------------------
stack_was_up=0
if port_open 127.0.0.1 "$CONCLAVE_PG_PORT" || port_open 127.0.0.1 "$CONCLAVE_KAFKA_PORT"; then
  stack_was_up=1
fi
if port_open 127.0.0.1 "$CONCLAVE_GATEWAY_PORT"; then
  die "something already listens on the gateway port $CONCLAVE_GATEWAY_PORT: stop it (CONCLAVE_HOME=$CONCLAVE_HOME deploy/local/services.sh stop) or set CONCLAVE_GATEWAY_PORT"
fi
worker2_pid=""
stop_worker2() {
  if [[ -n "$worker2_pid" ]]; then
    kill "$worker2_pid" 2>/dev/null || true
    # Quarkus shuts down gracefully on SIGTERM; wait for it so the next start finds the port free.
    for _ in $(seq 1 30); do kill -0 "$worker2_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$worker2_pid" 2>/dev/null || true
    worker2_pid=""
  fi
}
cleanup() {
  stop_worker2
  "$services" stop >/dev/null 2>&1 || true
  if [[ $stack_was_up == 0 ]]; then "$stack" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# --- build (reactor package only: ~/.m2 is shared) --------------------------------------------------------------
jars=("$root"/{api-gateway,analysis-worker,aggregator-worker}/target/quarkus-app/quarkus-run.jar)
needs_build=0
for j in "${jars[@]}"; do [[ -f "$j" ]] || needs_build=1; done
if [[ $needs_build == 0 ]]; then
  oldest="$(ls -t "${jars[@]}" | tail -n 1)"
  if [[ -n "$(find "$root" -path "$root/.conclave" -prune -o -path '*/target' -prune -o -path "$root/.git" -prune \
    -o -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$oldest" -print -quit)" ]]; then needs_build=1; fi
fi
if [[ $needs_build == 1 ]]; then
  log "building the services (./mvnw package -DskipTests) ..."
  "$root/mvnw" -q -B -f "$root/pom.xml" -pl api-gateway,analysis-worker,aggregator-worker -am package -DskipTests \
    >"$CONCLAVE_LOGS/bench-build.log" 2>&1 || { tail -n 40 "$CONCLAVE_LOGS/bench-build.log" >&2; die "build failed"; }
fi

"$stack" start >/dev/null
eval "$("$stack" env)"
ensure_local_key
export CONCLAVE_API_KEY
CONCLAVE_API_KEY="$(<"$CONCLAVE_LOCAL_KEY_FILE")"
export CONCLAVE_SERVER="http://127.0.0.1:$CONCLAVE_GATEWAY_PORT"

# --- one scenario = services restarted with its settings, one benchmark run, RSS and warnings -----------------
# start_services LATENCY WORKER_CONCURRENCY AGGREGATOR_CONCURRENCY WORKERS
start_services() {
  stop_worker2
  "$services" stop >/dev/null 2>&1 || true
  export CONCLAVE_LLM_OFFLINE_LATENCY="$1" CONCLAVE_WORKER_CONCURRENCY="$2"
  export CONCLAVE_AGGREGATOR_CONSUMERS_INTAKE_CONCURRENCY="$3" CONCLAVE_AGGREGATOR_CONSUMERS_RESULTS_CONCURRENCY="$3"
  export CONCLAVE_AGGREGATOR_CONSUMERS_SYNTHESIS_CONCURRENCY="$3"
  # Pools stay at the services' defaults (the aggregator's 40) at every concurrency: with 2C + 8 connections the
  # concurrency-100 run had PostgreSQL run ~200 transactions at once and cost 43 % more of its CPU per scan
  # (2026-12-02); queueing in the pool is cheaper on two cores, and the fan-in's transactions are short enough
  # that none waits out the acquisition timeout.
  "$services" start >/dev/null
  if [[ "$4" == 2 ]]; then
    # services.sh runs one worker; the second is the same jar on another port, in its own working directory.
    local dir="$CONCLAVE_RUN/analysis-worker-2"
    mkdir -p "$dir"
    local -a opts
    mapfile -t opts < <(service_java_opts)
    (cd "$dir" && exec "$CONCLAVE_JAVA" "${opts[@]}" -Dquarkus.http.host=127.0.0.1 \
      -Dquarkus.http.port="$worker2_port" -jar "$root/analysis-worker/target/quarkus-app/quarkus-run.jar" \
      >"$CONCLAVE_LOGS/analysis-worker-2.log" 2>&1) &
    worker2_pid=$!
    local deadline=$((SECONDS + 90))
    until curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:$worker2_port/q/health/ready" 2>/dev/null; do
      kill -0 "$worker2_pid" 2>/dev/null || die "the second analysis-worker exited (log: $CONCLAVE_LOGS/analysis-worker-2.log)"
      ((SECONDS < deadline)) || die "the second analysis-worker not ready after 90 s"
      sleep 1
    done
  fi
}

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
svc_pid_of() { cat "$CONCLAVE_RUN/$1.pid" 2>/dev/null || true; }

# Per scenario, after its run: RSS of each service and the warnings in its log (logs are rotated at each start).
record_services() {
  local scenario="$1" line="" name pid log warns pool
  for name in api-gateway analysis-worker aggregator-worker analysis-worker-2; do
    if [[ $name == analysis-worker-2 ]]; then pid="$worker2_pid"; else pid="$(svc_pid_of "$name")"; fi
    [[ -n "$pid" ]] || continue
    log="$CONCLAVE_LOGS/$name.log"
    # Start-up notices (deprecated keys and the like, on the main thread) are not load warnings.
    warns="$(grep -E ' (WARN|ERROR) ' "$log" 2>/dev/null | grep -cv ' (main) ' || true)"
    pool="$(grep -ciE 'unreachable|pool.*(exhaust|timeout)|acquisition timeout|Unable to acquire JDBC' "$log" 2>/dev/null || true)"
    # Each start rotates the log; keep this scenario's beside the results.
    cp "$log" "$results/$(tr -c 'a-z0-9\n' '-' <<<"$scenario")-$name.log" 2>/dev/null || true
    line+="$(printf '%s %s MB (%s warn/err, %s pool/unreachable); ' "$name" "$(rss_mb "$pid")" "${warns:-0}" "${pool:-0}")"
  done
  printf '%-34s %s\n' "$scenario" "$line" >>"$results/services"
}

# The load generator shares the cores with what it measures: the serial collector and the quick compiler only
# (a short-lived client that waits on HTTP most of the time gains nothing from C2's compile CPU).
client=("$CONCLAVE_JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$root/bench/ScanBenchmark.java")
bench() { # bench OUTFILE ARGS...: the benchmark program, its output kept
  local out="$1"; shift
  "${client[@]}" "$@" | tee "$results/$out.txt"
}
field() { # field FILE KEY: a value of the RESULT line
  sed -n 's/^RESULT .*\b'"$2"'=\([^ ]*\).*/\1/p' "$results/$1.txt" | tail -n 1
}
row() { # row SCENARIO TARGET RESULT MET
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$results/table"
}
met() { # met VALUE OP BOUND -> yes/no (awk does the float comparison)
  [[ -n "$1" ]] || { echo "no result"; return; }
  awk -v v="$1" -v b="$3" "BEGIN { print (v $2 b) ? \"yes\" : \"no\" }"
}
# CPU time (user + system, clock ticks) of each process of the pipeline, and of the whole machine: snapshots
# before and after a measured run give CPU per scan per process (PostgreSQL: the postmaster and its backends).
tick_hz="$(getconf CLK_TCK)"
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_snapshot() {
  local name pid pg t
  for name in api-gateway analysis-worker aggregator-worker; do
    printf '%s %s\n' "$name" "$(ticks_of "$(svc_pid_of "$name")")"
  done
  if [[ -n "$worker2_pid" ]]; then printf 'analysis-worker-2 %s\n' "$(ticks_of "$worker2_pid")"; fi
  while read -r name pid; do
    t="$(ticks_of "$pid")"
    if [[ $name == postgres ]]; then
      for pg in $(pgrep -P "$pid"); do t=$((t + $(ticks_of "$pg"))); done
    fi
    printf '%s %s\n' "$name" "$t"
  done < <(env -u KAFKA_BOOTSTRAP_SERVERS -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_REDIS_HOSTS "$stack" status | awk '($1 == "kafka" || $1 == "postgres" || $1 == "redis") && $4 ~ /^[0-9]+$/ { print $1, $4 }')
  printf 'machine %s\n' "$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)"
}
# cpu_report SCENARIO SCANS BEFORE AFTER: CPU seconds and CPU ms per scan of each process over the run.
cpu_report() {
  awk -v scenario="$1" -v scans="$2" -v hz="$tick_hz" '
    FNR == NR { before[$1] = $2; next }
    { d = ($2 - before[$1]) / hz; line = line sprintf("%s %.1f s (%.1f ms/scan); ", $1, d, 1000 * d / scans) }
    END { printf "%-34s %s\n", scenario, line }' "$3" "$4" >>"$results/cpu"
}
measure() { # measure NAME SCANS ARGS...: the benchmark between two CPU snapshots
  local name="$1" n="$2"; shift 2
  cpu_snapshot >"$results/cpu-$name.before"
  bench "$name" "$@"
  cpu_snapshot >"$results/cpu-$name.after"
  # The load generator's own CPU (it prints it), in clock ticks like the rest: zero before, its whole life after.
  local client_ms
  client_ms="$(sed -n 's/^CLIENT_CPU_MS \([0-9]*\)$/\1/p' "$results/$name.txt" | tail -n 1)"
  if [[ -n "$client_ms" ]]; then
    echo "load-generator 0" >>"$results/cpu-$name.before"
    echo "load-generator $((client_ms * tick_hz / 1000))" >>"$results/cpu-$name.after"
  fi
  cpu_report "$name" "$n" "$results/cpu-$name.before" "$results/cpu-$name.after"
}
warm() { # JIT, connection pools and consumer sessions of freshly started services, before a measured run (1 000
  # scans in a full run: after 200, C2 was still compiling and sequential scans ran 40 % slower than after 500 more)
  "${client[@]}" throughput "$n_warm" 16 >"$results/warm.txt" 2>&1 || true
}
stages() { # stages NAME SINCE: per-stage wall times of the scans created since SINCE (bench/stages.sql)
  command -v psql >/dev/null 2>&1 || return 0
  PGPASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-$CONCLAVE_PG_PASSWORD}" psql -q -h 127.0.0.1 -p "$CONCLAVE_PG_PORT" \
    -U "${QUARKUS_DATASOURCE_USERNAME:-$CONCLAVE_PG_USER}" -d "$CONCLAVE_PG_DB" -v since="$2" \
    -f "$root/bench/stages.sql" >"$results/stages-$1.txt" 2>&1 || true
}
now() { date -u '+%Y-%m-%dT%H:%M:%S.%3NZ'; }
jfr_start() {
  [[ $profile == 1 ]] || return 0
  local name
  for name in api-gateway analysis-worker aggregator-worker; do
    "$JAVA_HOME/bin/jcmd" "$(svc_pid_of "$name")" JFR.start name=bench settings=profile >/dev/null
  done
}
jfr_stop() {
  [[ $profile == 1 ]] || return 0
  mkdir -p "$CONCLAVE_HOME/jfr"
  local name
  for name in api-gateway analysis-worker aggregator-worker; do
    "$JAVA_HOME/bin/jcmd" "$(svc_pid_of "$name")" JFR.stop name=bench filename="$CONCLAVE_HOME/jfr/$name.jfr" >/dev/null
  done
  log "JFR recordings in $CONCLAVE_HOME/jfr/ (python3 bench/jfr-summary.py $CONCLAVE_HOME/jfr/*.jfr)"
}

want() { [[ -z $only || $only == "$1" ]]; }
started_at="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

if want throughput; then
# 1. Zero-latency sustained throughput, and the gateway's accept rate under it.
log "scenario 1/6: zero-latency throughput ($n_tp scans, 16 submitters)"
# Deep stacks: JFR's default of 64 frames stops inside Hibernate and Quarkus, before the Conclave frames.
if [[ $profile == 1 ]]; then export CONCLAVE_JAVA_OPTS="${CONCLAVE_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=1024"; fi
start_services 0ms "$zero_concurrency" "$zero_concurrency" 1
warm
t0="$(now)"
jfr_start
measure tp0 "$n_tp" throughput "$n_tp" 16
jfr_stop
stages throughput "$t0"
if [[ $profile == 1 ]]; then export CONCLAVE_JAVA_OPTS="${CONCLAVE_JAVA_OPTS% -XX:FlightRecorderOptions:stackdepth=1024}"; fi
record_services "0 ms, throughput"
v="$(field tp0 scans_per_s)"; row "0 ms: sustained throughput ($(field tp0 completed)/$n_tp completed)" "≥ 300 scans/s" "$v scans/s" "$(met "$v" '>=' 300)"
v="$(field tp0 accepted_per_s)"; row "0 ms: gateway accepts under that load" "≥ 500/s" "$v/s" "$(met "$v" '>=' 500)"
fi

if want latency; then
# 2. Sequential latency.
log "scenario 2/6: sequential latency ($n_lat scans)"
start_services 0ms "$zero_concurrency" "$zero_concurrency" 1
warm
t0="$(now)"
measure lat "$n_lat" latency "$n_lat"
stages sequential "$t0"
record_services "0 ms, sequential"
p50="$(field lat server_p50)"; p99="$(field lat server_p99)"
row "0 ms: sequential, server p50" "≤ 20 ms" "$p50 ms (client $(field lat client_p50) ms)" "$(met "$p50" '<=' 20)"
row "0 ms: sequential, server p99" "≤ 60 ms" "$p99 ms (client $(field lat client_p99) ms)" "$(met "$p99" '<=' 60)"
fi

# 3./4. 200 ms per model call. Ideal = C / 0.2 s: with C calls in flight per role in the worker and C syntheses
# in flight in the aggregator, each of the two sequential stages (three specialists in parallel, then the
# synthesis) finishes at most C scans per 200 ms.
if want c100; then
log "scenario 3/6: 200 ms calls, concurrency 100 ($n_c100 scans)"
start_services 200ms 100 100 1
warm
measure c100 "$n_c100" throughput "$n_c100" 16
record_services "200 ms, concurrency 100"
v="$(field c100 scans_per_s)"
row "200 ms, concurrency 100 (ideal 500/s)" "≥ 250 scans/s" "$v scans/s ($(awk -v v="$v" 'BEGIN{printf "%.3f", v/500}') of ideal)" "$(met "$v" '>=' 250)"
fi

if want c10; then
log "scenario 4/6: 200 ms calls, concurrency 10 ($n_c10 scans)"
start_services 200ms 10 10 1
warm
measure c10 "$n_c10" throughput "$n_c10" 16
record_services "200 ms, concurrency 10"
v="$(field c10 scans_per_s)"; f="$(awk -v v="$v" 'BEGIN{printf "%.3f", v/50}')"
row "200 ms, concurrency 10 (ideal 50/s)" "≥ 0.95 of ideal" "$v scans/s ($f of ideal)" "$(met "$f" '>=' 0.95)"
fi

if want horizontal; then
# 5./6. Horizontal: one then two analysis-workers, each at concurrency 10; the aggregator at 20 in both runs so
# that it is not what limits the second.
log "scenario 5/6: 200 ms calls, one analysis-worker at concurrency 10 ($n_h scans)"
start_services 200ms 10 20 1
warm
measure h1 "$n_h" throughput "$n_h" 16
record_services "200 ms, 1 worker x 10"
log "scenario 6/6: 200 ms calls, two analysis-workers at concurrency 10 ($n_h scans)"
start_services 200ms 10 20 2
warm
measure h2 "$n_h" throughput "$n_h" 16
record_services "200 ms, 2 workers x 10"
one="$(field h1 scans_per_s)"; two="$(field h2 scans_per_s)"
ratio="$(awk -v a="$one" -v b="$two" 'BEGIN{ if (a > 0) printf "%.2f", b/a; }')"
row "200 ms: two workers vs one (each at 10)" "≥ 1.9x" "$two vs $one scans/s = ${ratio}x" "$(met "$ratio" '>=' 1.9)"
fi

# RSS target: every service at the end of every scenario.
max_rss="$(grep -oE '[0-9]+ MB' "$results/services" | awk '{ if ($1 > m) m = $1 } END { print m + 0 }')"
row "RSS of each service, every scenario (max)" "≤ 400 MB" "$max_rss MB" "$(met "$max_rss" '<=' 400)"
pool_total="$(grep -oE '[0-9]+ pool/unreachable' "$results/services" | awk '{ s += $1 } END { print s + 0 }')"
row "pool-exhaustion / unreachable warnings" "0" "$pool_total" "$(met "$pool_total" '==' 0)"

echo
echo "Conclave benchmark, $started_at, $(if [[ -n "$scans" ]]; then echo "$scans scans per scenario"; elif [[ $quick == 1 ]]; then echo quick run; else echo full run; fi), $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| scenario | target | result | met |"
echo "| --- | --- | --- | --- |"
cat "$results/table"
echo
echo "RSS and log warnings of each service at the end of each scenario:"
cat "$results/services"
echo
echo "CPU of each process during each measured run (user + system; machine = all processes, the load generator included):"
cat "$results/cpu"
for f in sequential throughput; do
  if [[ -s "$results/stages-$f.txt" ]]; then
    echo
    echo "Wall time per stage, 0 ms, $f (bench/stages.sql):"
    cat "$results/stages-$f.txt"
  fi
done
