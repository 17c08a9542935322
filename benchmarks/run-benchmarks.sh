#!/usr/bin/env bash
# Builds the benchmarks and runs the whole comparison in one JMH run, then writes the ratio
# tables into docs/benchmarks.md (between its ratio-table markers) and prints them.
#
#   benchmarks/run-benchmarks.sh [--quick] [--no-build] [--note TEXT] [-- JMH options...]
#   benchmarks/run-benchmarks.sh --report RESULT.json [--note TEXT]   # only redo the tables
#
# --quick     the development profile: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement (~3 min)
# (default)   the full profile: 3 forks, 5 x 2 s warm-up, 5 x 2 s measurement (~25 min)
# --no-build  use the benchmarks jar already built
# --note      a line printed in bold above the tables (e.g. that the machine was busy)
# After --, options go to JMH as they are: a benchmark regexp, -p api=dequeue,
# -jvmArgsAppend -Diocp4j.spinTries=0, ...
#
# The JSON result goes to benchmarks/results/<quick|full>.json. Needs a JDK >= 21: JAVA_HOME if
# it is one, else the newest under /usr/lib/jvm or /Library/Java/JavaVirtualMachines.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
jar="$here/target/benchmarks.jar"
doc="$root/docs/benchmarks.md"

profile=full
build=1
report=""
note=""
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) profile=quick ;;
    --no-build) build=0 ;;
    --report) report=${2:?--report needs a JMH JSON file}; shift ;;
    --note) note=${2:?--note needs a text}; shift ;;
    --) shift; jmh_args=("$@"); break ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# The major version of a java executable, or 0.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  local best="" best_major=0 j m
  for j in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$j" ] || continue
    m=$(java_major "$j")
    if [ "${m:-0}" -gt "$best_major" ]; then
      best=$j
      best_major=$m
    fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "no JDK >= 21 found: set JAVA_HOME to one" >&2
    exit 1
  fi
  echo "$best"
}

java=$(find_java)
echo "java: $java (major $(java_major "$java"))" >&2

if [ "$build" = 1 ] || [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

if [ -z "$report" ]; then
  case "$profile" in
    quick) iterations=(-f 1 -wi 2 -w 1s -i 3 -r 1s) ;;
    full) iterations=(-f 3 -wi 5 -w 2s -i 5 -r 2s) ;;
  esac
  profilers=(-prof gc)
  if [ -d /proc/self/task ]; then
    profilers+=(-prof org.iocp4j.benchmarks.ContextSwitchProfiler)
  fi
  mkdir -p "$here/results"
  report="$here/results/$profile.json"
  "$java" -jar "$jar" "${iterations[@]}" "${profilers[@]}" -rf json -rff "$report" "${jmh_args[@]}"
  # The JVM's path is a fact of this machine, not of the result: keep its name only.
  sed -i.bak 's|^\( *"jvm" : "\).*/\([^/]*/bin/java"\)|\1\2|' "$report" && rm -f "$report.bak"
fi

"$java" -cp "$jar" org.iocp4j.benchmarks.report.RatioTable "$report" --doc "$doc" --note "$note"
