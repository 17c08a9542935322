#!/usr/bin/env bash
# The echo benchmark (Linux): iocp4j's echo server on epoll, a Netty 4.2 native-epoll echo server
# and a JDK AsynchronousChannelGroup echo server, each in its own JVM with 2 server threads, under
# the same closed-loop load client (examples' LoadClient, in its own JVM): 1 and 64 connections x
# 64 B and 4 KiB messages. Server CPU time and context switches come from /proc over each measured
# window. Writes benchmarks/target/echo/echo-<time>.tsv (every measurement) and .md (the table for
# docs/benchmarks.md), and prints the table.
#
#   benchmarks/run-echo.sh                          # 10 s per case after 3 s of warm-up, 1 round
#   benchmarks/run-echo.sh --duration 2 --warmup 1  # a smoke run
#   benchmarks/run-echo.sh --rounds 3               # medians of 3 rounds
#   benchmarks/run-echo.sh --servers iocp4j,iocp4j-nospin,netty,jdk   # also with -Diocp4j.spinTries=0
# Other flags: --servers iocp4j,netty,jdk --connections 1,64 --sizes 64,4096 --threads 2
#              --client-threads 1 --out DIR --per-thread yes (switches by server thread, on stderr)
# Run it on a quiet machine: client and servers share the processors, so anything else running
# skews every figure. IOCP4J_JAVA names the java to use (default: the newest JDK >= 21 found in
# JAVA_HOME or /usr/lib/jvm).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
find_java() {
    if [ -n "${IOCP4J_JAVA:-}" ]; then echo "$IOCP4J_JAVA"; return; fi
    local best="" best_v=0 j v
    for j in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java; do
        [ -x "$j" ] || continue
        v="$(major "$j")"; v="${v%%.*}"
        if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$j"; best_v="$v"; fi
    done
    [ -n "$best" ] || { echo "run-echo.sh: no JDK 21 or newer found; set IOCP4J_JAVA" >&2; exit 1; }
    echo "$best"
}

[ -d /proc/self/task ] || { echo "run-echo.sh: needs Linux (/proc)" >&2; exit 1; }
java="$(find_java)"
echo "building (mvn package, no tests) ..." >&2
mvn -B -q -pl benchmarks -am package -DskipTests >&2
cp="$root/benchmarks/target/benchmarks.jar" # shaded: the echo servers, the load client, Netty, iocp4j
echo "running with $java" >&2
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.iocp4j.benchmarks.echo.EchoBench \
    --out "$root/benchmarks/target/echo" "$@"
