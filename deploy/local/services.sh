#!/usr/bin/env bash
# Runs Conclave's three Quarkus services as plain JVM processes on 127.0.0.1,
# against the infrastructure of deploy/local/stack.sh (or external services
# named by the usual env vars).
#
#   deploy/local/services.sh start|stop|status
#
# Build first: ./mvnw -q package -DskipTests   (produces */target/quarkus-app/quarkus-run.jar)
# Environment passed through unchanged: OPENROUTER_API_KEY, OPENROUTER_BASE_URL, OPENAI_API_KEY,
# OPENAI_BASE_URL, any CONCLAVE_* and QUARKUS_* variables. Extra JVM flags: CONCLAVE_JAVA_OPTS.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

READY_TIMEOUT="${CONCLAVE_READY_TIMEOUT:-90}"
STOP_TIMEOUT=30

# name -> jar / port. Listed gateway first (status, and stop in reverse); they
# start together: each service creates the tables it uses at start (every
# table owner's Flyway history; docs/architecture.md, "Tables"), and the local
# broker auto-creates topics with the gateway's partition count.
SERVICES=(api-gateway analysis-worker aggregator-worker)
# Services launched by this invocation (vs. found already running).
declare -A LAUNCHED=()

svc_jar() { printf '%s\n' "$conclave_root/$1/target/quarkus-app/quarkus-run.jar"; }
svc_port() {
  case "$1" in
    api-gateway) printf '%s\n' "$CONCLAVE_GATEWAY_PORT" ;;
    analysis-worker) printf '%s\n' "$CONCLAVE_WORKER_PORT" ;;
    aggregator-worker) printf '%s\n' "$CONCLAVE_AGGREGATOR_PORT" ;;
    *) die "unknown service $1" ;;
  esac
}
svc_pidfile() { printf '%s\n' "$CONCLAVE_RUN/$1.pid"; }
svc_log() { printf '%s\n' "$CONCLAVE_LOGS/$1.log"; }
svc_url() { printf 'http://%s:%s\n' "$CONCLAVE_BIND_HOST" "$(svc_port "$1")"; }
# Matching on the jar path means a stale pid file pointing at a reused pid is
# never mistaken for our service.
svc_pid() { running_pid "$(svc_pidfile "$1")" "$(svc_jar "$1")"; }

svc_ready() {
  curl -fsS --max-time 3 -o /dev/null "$(svc_url "$1")/q/health/ready" 2>/dev/null
}

svc_launch() {
  local name="$1" jar port workdir
  jar="$(svc_jar "$name")"
  port="$(svc_port "$name")"
  [[ -f "$jar" ]] || die "$name: $jar not found; build it first: (cd $conclave_root && ./mvnw -q package -DskipTests)"
  if port_open "$CONCLAVE_BIND_HOST" "$port"; then
    die "$name: port $port is already in use by another process; set the matching CONCLAVE_*_PORT"
  fi
  # Own working directory under CONCLAVE_HOME, so anything a service writes
  # relative to its cwd stays out of the repository.
  workdir="$CONCLAVE_RUN/$name"
  mkdir -p "$workdir"
  rotate_log "$(svc_log "$name")"
  log "$name: starting on $(svc_url "$name")"
  local -a opts
  mapfile -t opts < <(service_java_opts)
  (cd "$workdir" && start_daemon "$(svc_pidfile "$name")" "$(svc_log "$name")" \
    "$CONCLAVE_JAVA" "${opts[@]}" \
    -Dquarkus.http.host="$CONCLAVE_BIND_HOST" -Dquarkus.http.port="$port" \
    -jar "$jar")
}

# Start unless already running; "running but not ready yet" is left alone and
# simply waited for, so a second `start` never launches a duplicate.
svc_start() {
  local name="$1" pid
  pid="$(svc_pid "$name")"
  if [[ -n "$pid" ]]; then
    if svc_ready "$name"; then
      log "$name: already running and ready (pid $pid) on $(svc_url "$name")"
    else
      log "$name: already running (pid $pid), not ready yet"
    fi
    return 0
  fi
  svc_launch "$name"
  LAUNCHED[$name]=1
}

svc_wait_ready() {
  local name="$1" pid deadline
  # Already ready and not launched by us now: svc_start has said so already.
  if [[ -z "${LAUNCHED[$name]:-}" ]] && svc_ready "$name"; then
    return 0
  fi
  deadline=$((SECONDS + READY_TIMEOUT))
  until svc_ready "$name"; do
    pid="$(svc_pid "$name")"
    if [[ -z "$pid" ]]; then
      show_log_tail "$(svc_log "$name")" 60
      die "$name: process exited during start-up (log: $(svc_log "$name"))"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$(svc_log "$name")" 60
      die "$name: not ready at $(svc_url "$name")/q/health/ready after ${READY_TIMEOUT}s (log: $(svc_log "$name")); it is left running so a later start can pick it up - run '$0 stop' to end it"
    fi
    sleep 1
  done
  log "$name: ready on $(svc_url "$name") (pid $(svc_pid "$name"))"
}

cmd_start() {
  ensure_home
  command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install -y curl)"
  # Infrastructure first; stack.sh is idempotent and < 1 s when already up,
  # and it skips anything given as external via the env vars.
  "$CONCLAVE_LOCAL_DIR/stack.sh" start
  take_lock services
  # Connection settings for the services (our own stack's, or the external
  # values already in the environment, which stack.sh env echoes back).
  eval "$("$CONCLAVE_LOCAL_DIR/stack.sh" env)"
  select_java
  # The gateway admits the local admin key (created on the first start, kept by stop).
  ensure_local_key
  export CONCLAVE_AUTH_BOOTSTRAP_KEY_FILE="$CONCLAVE_LOCAL_KEY_FILE"

  # No start order: start all, then wait, so their JVM start-ups overlap.
  local name
  for name in "${SERVICES[@]}"; do
    svc_start "$name"
  done
  for name in "${SERVICES[@]}"; do
    svc_wait_ready "$name"
  done
}

cmd_stop() {
  local i name pid
  ensure_home
  take_lock services
  # Reverse start order: workers stop consuming before the gateway goes.
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name="${SERVICES[i]}"
    pid="$(svc_pid "$name")"
    [[ -n "$pid" ]] || continue
    # SIGTERM = Quarkus graceful shutdown (finish in-flight requests, commit
    # Kafka offsets, close pools).
    log "$name: stopping (pid $pid)"
    stop_pid "$pid" "$name" "$STOP_TIMEOUT"
    rm -f "$(svc_pidfile "$name")"
  done
}

cmd_status() {
  local name pid state
  printf '%-18s %-9s %-24s %-8s %s\n' SERVICE STATE URL PID LOG
  for name in "${SERVICES[@]}"; do
    pid="$(svc_pid "$name")"
    if [[ -z "$pid" ]]; then
      state=stopped
    elif svc_ready "$name"; then
      state=ready
    else
      state=starting
    fi
    printf '%-18s %-9s %-24s %-8s %s\n' "$name" "$state" "$(svc_url "$name")" "${pid:--}" "$(svc_log "$name")"
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status   (see deploy/local/README.md)" >&2
    exit 2
    ;;
esac
