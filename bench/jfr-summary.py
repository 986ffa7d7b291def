#!/usr/bin/env python3
"""Where one service's CPU samples go, from a JFR recording (bench/run.sh --profile writes three).

    python3 bench/jfr-summary.py .conclave/bench/jfr/aggregator-worker.jfr

Reads the jdk.ExecutionSample events (`jfr print --json`) and counts each sample twice:
  * by library: the innermost frame that belongs to a known library (PostgreSQL JDBC, Hibernate, Kafka,
    jtokkit, Jackson, ...), so a HashMap.put inside Hibernate counts as Hibernate;
  * by Conclave method: the innermost dev.conclave frame, i.e. the project code that caused the work.
Then prints JFR's own views for GC pauses, lock contention, virtual-thread pinning and allocation.
Needs `jfr` of the JDK on PATH (or JAVA_HOME). `jfr print` shows 5 frames unless told more, and JFR records 64 per stack by default, too few to reach the
Conclave frames under Hibernate and Quarkus: bench/run.sh --profile starts the services with
-XX:FlightRecorderOptions:stackdepth=1024.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

LIBRARIES = [
    ("com/knuddels/jtokkit", "token counting (jtokkit)"),
    ("org/postgresql", "PostgreSQL JDBC driver"),
    ("io/agroal", "connection pool (Agroal)"),
    ("org/hibernate", "Hibernate ORM"),
    ("io/quarkus/narayana", "transactions (Narayana)"),
    ("com/arjuna", "transactions (Narayana)"),
    ("org/apache/kafka", "Kafka client"),
    ("io/smallrye/reactive/messaging", "SmallRye messaging"),
    ("com/fasterxml/jackson", "JSON (Jackson)"),
    ("io/vertx/redis", "Redis client"),
    ("io/quarkus/redis", "Redis client"),
    ("io/netty", "Netty (HTTP, Redis sockets)"),
    ("io/vertx", "Vert.x"),
    ("org/jboss/resteasy", "REST (RESTEasy Reactive)"),
    ("io/quarkus/resteasy", "REST (RESTEasy Reactive)"),
    ("io/quarkus/arc", "CDI (ArC)"),
    ("io/smallrye/config", "config (SmallRye)"),
    ("org/jboss/logging", "logging"),
    ("org/jboss/logmanager", "logging"),
    ("io/micrometer", "metrics (Micrometer)"),
    ("io/opentelemetry", "tracing (OpenTelemetry)"),
    ("java/util/regex", "regex (JDK)"),
    ("jdk/jfr", "JFR itself"),
    ("dev/conclave", "Conclave code itself"),
]


def jfr_tool():
    found = shutil.which("jfr")
    if found:
        return found
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    sys.exit("jfr not found: put the JDK's bin on PATH or set JAVA_HOME")


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    for frame in trace.get("frames") or []:
        method = frame.get("method") or {}
        cls = (method.get("type") or {}).get("name") or "?"
        yield cls, method.get("name") or "?"


def summarise(path, jfr, top):
    raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "1024", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    by_library = collections.Counter()
    by_conclave = collections.Counter()
    by_thread = collections.Counter()
    for event in events:
        frames = list(frames_of(event))
        library = "JDK / other"
        for cls, _ in frames:  # innermost first
            hit = next((label for prefix, label in LIBRARIES if cls.startswith(prefix)), None)
            if hit:
                library = hit
                break
        by_library[library] += 1
        own = next((f"{cls.rsplit('/', 1)[-1]}.{name}" for cls, name in frames if cls.startswith("dev/conclave")),
                   "(no Conclave frame: framework threads, I/O loops, GC helpers)")
        by_conclave[own] += 1
        sampled = event["values"].get("sampledThread") or {}
        thread = sampled.get("javaName") or ("(a virtual thread)" if sampled.get("virtual") else "?")
        by_thread[thread.rstrip("0123456789-").rstrip("-") or thread] += 1
    total = max(1, len(events))
    print(f"== {os.path.basename(path)}: {len(events)} CPU samples (jdk.ExecutionSample)")
    for title, counter in (("by library (innermost known frame)", by_library),
                           ("by Conclave method (innermost dev.conclave frame)", by_conclave),
                           ("by thread (name without its number)", by_thread)):
        print(f"-- {title}")
        for key, count in counter.most_common(top):
            print(f"  {100.0 * count / total:5.1f} %  {count:6d}  {key}")
    for view in ("gc", "contention-by-site", "pinned-threads", "allocation-by-class"):
        out = subprocess.run([jfr, "view", "--width", "150", view, path], capture_output=True, text=True).stdout
        lines = [line for line in out.splitlines() if line.strip()]
        print(f"-- jfr view {view}")
        print("\n".join(lines[:14]))
    print()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    jfr = jfr_tool()
    for path in sys.argv[1:]:
        summarise(path, jfr, 15)


if __name__ == "__main__":
    main()
