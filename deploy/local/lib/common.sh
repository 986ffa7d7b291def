# shellcheck shell=bash
# The variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared helpers for deploy/local/stack.sh and deploy/local/services.sh.
# Sourced, never executed: it only defines variables and functions, so the
# caller's `set -euo pipefail` applies.

# Refuse to be executed directly: the variables it sets would vanish.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "common.sh is meant to be sourced, not executed" >&2
  exit 1
fi

# --- locations --------------------------------------------------------------

# Repository root = two levels above deploy/local (this file is deploy/local/lib/common.sh).
conclave_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
CONCLAVE_LOCAL_DIR="$conclave_root/deploy/local"

# All runtime state and logs live under CONCLAVE_HOME and nowhere else, so a
# `stack.sh stop && rm -rf "$CONCLAVE_HOME"` is a full reset. Relative values are
# made absolute because the daemons run with other working directories.
CONCLAVE_HOME="${CONCLAVE_HOME:-$conclave_root/.conclave}"
if [[ "$CONCLAVE_HOME" != /* ]]; then
  CONCLAVE_HOME="$PWD/$CONCLAVE_HOME"
fi
export CONCLAVE_HOME
CONCLAVE_LOGS="$CONCLAVE_HOME/logs"
CONCLAVE_RUN="$CONCLAVE_HOME/run"
# The local admin API key: the gateway reads it at start (CONCLAVE_AUTH_BOOTSTRAP_KEY_FILE), the CLI sends it
# (CONCLAVE_API_KEY_FILE). It stays when the services stop, so scripts that captured it keep working.
CONCLAVE_LOCAL_KEY_FILE="$CONCLAVE_HOME/admin.key"

# --- ports (everything binds to 127.0.0.1 only) ------------------------------

CONCLAVE_BIND_HOST=127.0.0.1
CONCLAVE_KAFKA_PORT="${CONCLAVE_KAFKA_PORT:-19092}"
CONCLAVE_KAFKA_CONTROLLER_PORT="${CONCLAVE_KAFKA_CONTROLLER_PORT:-19093}"
CONCLAVE_PG_PORT="${CONCLAVE_PG_PORT:-15432}"
CONCLAVE_REDIS_PORT="${CONCLAVE_REDIS_PORT:-16379}"
CONCLAVE_GATEWAY_PORT="${CONCLAVE_GATEWAY_PORT:-18080}"
CONCLAVE_WORKER_PORT="${CONCLAVE_WORKER_PORT:-18081}"
CONCLAVE_AGGREGATOR_PORT="${CONCLAVE_AGGREGATOR_PORT:-18082}"

# Credentials of the database we create ourselves (only used when no external
# QUARKUS_DATASOURCE_JDBC_URL is given).
CONCLAVE_PG_DB=conclave
CONCLAVE_PG_USER=conclave
CONCLAVE_PG_PASSWORD=conclave

# --- messages ---------------------------------------------------------------

# JVM flags of every service JVM (services.sh, bench/run.sh's second worker), then CONCLAVE_JAVA_OPTS:
# a 256 MB heap with the serial collector keeps each service's RSS well under 400 MB at the benchmark's
# loads (docs/benchmarks.md); glibc's per-thread malloc arenas (many virtual-thread carriers and Netty
# threads) would otherwise add 64 MB reservations that count towards RSS once touched.
service_java_opts() {
  local -a opts=(-Xmx256m -XX:+UseSerialGC) extra=()
  if [[ -n "${CONCLAVE_JAVA_OPTS:-}" ]]; then
    # Word splitting is intended: CONCLAVE_JAVA_OPTS is a flag list.
    read -r -a extra <<<"$CONCLAVE_JAVA_OPTS"
    opts+=("${extra[@]}")
  fi
  printf '%s\n' "${opts[@]}"
}
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

log()  { printf '[conclave] %s\n' "$*" >&2; }
warn() { printf '[conclave] WARNING: %s\n' "$*" >&2; }
die()  { printf '[conclave] ERROR: %s\n' "$*" >&2; exit 1; }

# --- topics -----------------------------------------------------------------

# Partitions per topic. Their one definition is conclave.topics.partitions in the gateway's
# application.properties: the gateway creates every topic with that count. The broker's defaults for
# topics created before the gateway runs (a worker or a module test first) follow it here, and so do the
# gateway and the tests started from these scripts, because CONCLAVE_TOPICS_PARTITIONS is exported and the
# gateway reads it as conclave.topics.partitions. Set it to change all of them (docs/operations.md, "Scale").
CONCLAVE_TOPICS_PARTITIONS="${CONCLAVE_TOPICS_PARTITIONS:-$(sed -n 's/^conclave\.topics\.partitions=//p' \
  "$conclave_root/api-gateway/src/main/resources/application.properties")}"
if [[ ! "$CONCLAVE_TOPICS_PARTITIONS" =~ ^[1-9][0-9]*$ ]]; then
  die "CONCLAVE_TOPICS_PARTITIONS is '$CONCLAVE_TOPICS_PARTITIONS'; set it to a whole number of 1 or more, or unset it" \
    "for the gateway's default (conclave.topics.partitions in api-gateway/src/main/resources/application.properties)"
fi
export CONCLAVE_TOPICS_PARTITIONS

# Print the end of a log file to stderr; used whenever a start-up fails so the
# caller sees why without hunting for the file.
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -f "$file" ]]; then
    printf '[conclave] ---- last %s lines of %s ----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf '[conclave] ---- end of %s ----\n' "$file" >&2
  else
    printf '[conclave] (no log file %s)\n' "$file" >&2
  fi
}

# Create the state folders. The .gitignore makes git ignore the default
# $root/.conclave without needing an entry in the repository's .gitignore.
ensure_home() {
  mkdir -p "$CONCLAVE_HOME" "$CONCLAVE_LOGS" "$CONCLAVE_RUN"
  if [[ ! -f "$CONCLAVE_HOME/.gitignore" ]]; then
    printf '# Local runtime state of deploy/local (never commit)\n*\n' >"$CONCLAVE_HOME/.gitignore"
  fi
}

# ensure_local_key: create the local admin key once, in the format the gateway expects
# (cnk_<8-char prefix>_<secret>), from /dev/urandom. The file is written under umask 077 (and mktemp makes it
# 0600) and then hard-linked into place, so it is never readable by others, not even for a moment, and a
# reader never sees half a key; ln refuses to replace a key another invocation created first, so two
# concurrent starts agree on one key. A key file whose mode was loosened is tightened again.
ensure_local_key() {
  ensure_home
  if [[ -f "$CONCLAVE_LOCAL_KEY_FILE" ]]; then
    if [[ "$(stat -c %a "$CONCLAVE_LOCAL_KEY_FILE")" != 600 ]]; then
      warn "$CONCLAVE_LOCAL_KEY_FILE was readable by others; setting its mode back to 0600"
      chmod 600 "$CONCLAVE_LOCAL_KEY_FILE"
    fi
    return 0
  fi
  local tmp
  tmp="$(umask 077 && mktemp "$CONCLAVE_HOME/.admin.key.XXXXXX")"
  (umask 077 && printf 'cnk_%s_%s' "$(random_hex 4)" "$(random_hex 32)" >"$tmp")
  if ln "$tmp" "$CONCLAVE_LOCAL_KEY_FILE" 2>/dev/null; then
    log "created the local admin API key in $CONCLAVE_LOCAL_KEY_FILE (mode 0600; ./conclave key prints it)"
  fi
  rm -f "$tmp"
}

# random_hex N: N random bytes from /dev/urandom as 2N hex digits. od reads exactly N bytes, so no
# pipe is cut short (which set -o pipefail would report as a failure).
random_hex() {
  od -An -v -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# take_lock name: serialise start/stop of one kind (stack or services) per
# CONCLAVE_HOME, so two concurrent invocations (e.g. parallel test jobs) never
# launch duplicate daemons. The lock is released when the script exits.
# Every long-lived child must be started with `9>&-`, or it would inherit the
# lock descriptor and hold the lock for as long as it runs.
take_lock() {
  local name="$1"
  exec 9>"$CONCLAVE_RUN/$name.lock"
  if ! flock -w 180 9; then
    die "another deploy/local $name command holds $CONCLAVE_RUN/$name.lock"
  fi
}

# Keep the previous run's log as <name>.1 and start a fresh one, so a failure
# tail shows this run's output only, while the last run stays inspectable.
rotate_log() {
  local file="$1"
  if [[ -s "$file" ]]; then
    mv -f "$file" "$file.1"
  fi
  : >"$file"
}

# --- Java -------------------------------------------------------------------

# Major version of the JDK at $1 (a JAVA_HOME), or empty if not a JDK.
# Reads the `release` file first because it costs no JVM start-up.
java_major_of() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n1)"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  [[ -n "$version" ]] || return 0
  # "1.8.0_402" -> 8, "17.0.15" -> 17, "25" -> 25
  if [[ "$version" == 1.* ]]; then
    version="${version#1.}"
  fi
  printf '%s\n' "${version%%[.+-]*}"
}

# Export JAVA_HOME (and put it first on PATH) for a JDK >= 21: Quarkus services
# need 21+, and the machine's default java is 17. Keeps a suitable $JAVA_HOME,
# else picks the highest version under /usr/lib/jvm.
select_java() {
  local min=21 major best="" best_major=0 candidate
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(java_major_of "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge "$min" ]]; then
      best="$JAVA_HOME"
      best_major="$major"
    fi
  fi
  if [[ -z "$best" ]]; then
    for candidate in /usr/lib/jvm/*; do
      # Skip the Debian "default-java"/"java-1.x" symlink aliases; the real dirs are listed too.
      [[ -d "$candidate" && ! -L "$candidate" ]] || continue
      major="$(java_major_of "$candidate")"
      if [[ -n "$major" && "$major" -ge "$min" && "$major" -gt "$best_major" ]]; then
        best="$candidate"
        best_major="$major"
      fi
    done
  fi
  if [[ -z "$best" ]]; then
    die "no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}', searched /usr/lib/jvm/*). Install one (e.g. apt-get install -y openjdk-21-jdk-headless if available, or a Temurin 21+/25 JDK) or set JAVA_HOME."
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  CONCLAVE_JAVA="$JAVA_HOME/bin/java"
}

# --- network ----------------------------------------------------------------

# True if something accepts TCP connections on host:port right now.
# Uses bash's /dev/tcp, so no nc/ss is needed; `timeout` guards against a
# half-open firewall drop hanging the connect.
port_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016 # $1/$2 are expanded by the inner bash on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
}

# wait_for_port host port timeout_s: poll until the port accepts connections.
wait_for_port() {
  local host="$1" port="$2" timeout_s="$3" deadline
  deadline=$((SECONDS + timeout_s))
  while ! port_open "$host" "$port"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.2
  done
}

# --- pid files --------------------------------------------------------------

# read_pid file: print the pid stored in file (empty if none/garbage).
read_pid() {
  local file="$1" pid=""
  if [[ -f "$file" ]]; then
    read -r pid <"$file" || true
  fi
  if [[ "$pid" =~ ^[0-9]+$ ]]; then
    printf '%s\n' "$pid"
  fi
}

# pid_matches pid pattern: pid is alive AND its command line contains pattern.
# The pattern check avoids trusting a stale pid file whose pid was reused by
# an unrelated process after a reboot or crash.
pid_matches() {
  local pid="$1" pattern="$2" cmdline
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$pattern"* ]]
}

# running_pid file pattern: print the pid from file if that process is alive
# and matches pattern; otherwise print nothing (and drop the stale file).
running_pid() {
  local file="$1" pattern="$2" pid
  pid="$(read_pid "$file")"
  if [[ -n "$pid" ]] && pid_matches "$pid" "$pattern"; then
    printf '%s\n' "$pid"
    return 0
  fi
  if [[ -f "$file" ]]; then
    rm -f "$file"
  fi
  return 0
}

# pid_alive pid: the process exists and is not a zombie. A killed daemon
# whose parent is PID 1 can stay a zombie for a while if PID 1 reaps slowly
# (as in some containers); it is gone for our purposes.
pid_alive() {
  local pid="$1" stat
  kill -0 "$pid" 2>/dev/null || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != "Z" ]]
}

# stop_pid pid name timeout_s: SIGTERM, wait, then SIGKILL as last resort so
# `stop` never leaves a process behind.
stop_pid() {
  local pid="$1" name="$2" timeout_s="${3:-30}" deadline
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + timeout_s))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$name (pid $pid) did not stop within ${timeout_s}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
}

# start_daemon pidfile logfile cmd...: run cmd in the background, detached in
# its own session (setsid) so it survives the calling shell/terminal and a
# Ctrl-C there, with stdin closed and stdout+stderr to logfile. The inner shell
# writes its own pid and then execs, so the pid file holds the real process.
start_daemon() {
  local pidfile="$1" logfile="$2"
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # expanded by the inner bash on purpose
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$pidfile" "$@" \
    >>"$logfile" 2>&1 </dev/null 9>&- &
  # Wait briefly for the pid file so callers can read it immediately.
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.05
  done
  die "could not start $* (no pid file $pidfile)"
}

# apt_ensure COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing (as root; otherwise says
# what to run). The package lists may be missing or stale on a fresh machine: update only if needed.
apt_ensure() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null 2>&1 && return 0
  ((EUID == 0)) || die "$command is not installed; run: sudo apt-get install -y $package"
  ensure_home
  log "installing $package with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "$package" >"$CONCLAVE_LOGS/apt-$package.log" 2>&1; then
    { apt-get update -q && apt-get install -y -q "$package"; } >>"$CONCLAVE_LOGS/apt-$package.log" 2>&1 ||
      { show_log_tail "$CONCLAVE_LOGS/apt-$package.log"; die "apt-get install $package failed"; }
  fi
}
