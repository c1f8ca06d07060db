#!/usr/bin/env bash
# The Redis queue's benchmark (issue 7, "Targets"): builds the jar if needed, generates the large hotel, and runs
# bench/QueueBench.java, which starts api and worker processes of the jar on the redis backend (127.0.0.1:6379,
# a key prefix of its own, cache, limits and authentication off), measures the throughput of trivial jobs and the
# lease reclaim after a SIGKILL, and stops them. See bench/README.md; results in docs/BENCHMARKS.md.
set -euo pipefail

usage() {
  cat <<'EOF2'
Usage: bench/queue.sh [--out DIR] [--mode throughput|kill|both] [--jobs 1000] [--warmup 200] [--connections 8]
                      [--apis 1] [--workers 3] [--kill-runs 10] [--lease-ms 5000] [--heartbeat-ms 1000]
                      [--solve-seconds 10]

  --out DIR           where the processes' logs, the large problem and results.md go (default: bench/results/queue)
  --mode M            throughput, kill or both (default: both)
  --jobs N            measured sample1 jobs, distinct ProblemIds (default: 1000), after --warmup N unmeasured ones
  --connections N     parallel submitting connections (default: 8)
  --apis N            api processes, submissions round-robin over them (default: 1)
  --workers N         worker processes (default: 3), each with the default jobs.workers (one per 2 cores)
  --kill-runs N       SIGKILL runs (default: 10)
  --lease-ms, --heartbeat-ms   bookingopt.jobs.lease / heartbeat of every process (default: 5000 / 1000)
  --solve-seconds N   TimeLimitSeconds of the large job that is killed mid-solve (default: 10)
EOF2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
source .ci/find-jdk.sh

out="bench/results/queue"
driver_options=()
while (($#)); do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --mode) driver_options+=("$1" "$2"); shift 2 ;;
    --jobs|--warmup|--connections|--apis|--workers|--kill-runs|--lease-ms|--heartbeat-ms|--solve-seconds)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "bench/queue.sh: $1 needs a whole number" >&2; exit 2; }
      driver_options+=("$1" "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/queue.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$out"
./bookingopt --version >/dev/null # builds the jar once, outside the measurements
large="$out/large-150x90-typed.json"
./bookingopt generate --rooms 150 --days 90 --types 3 --seed 7 -o "$large" >"$out/generate.txt"

results="$out/results.md"
{
  echo "Machine: $(nproc) cores, $(sed -nE '0,/^model name/s/^model name[[:space:]]*: //p' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); $(./bookingopt --version);" \
    "Redis $(redis-cli -h 127.0.0.1 INFO server 2>/dev/null | sed -nE 's/^redis_version:([^\r]*).*/\1/p')"
  echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
} | tee "$results"

loads="$out/loadavg.txt"
: >"$loads"
(while true; do cut -d' ' -f1 /proc/loadavg >>"$loads"; sleep 5; done) &
sampler=$!

# A Redis key prefix of this run's own (the Redis is shared); its keys are deleted at the end.
prefix="qbench-$$-$(date +%s):"
delete_keys() {
  if command -v redis-cli >/dev/null; then
    redis-cli -h 127.0.0.1 --scan --pattern "$prefix*" | xargs -r -n 500 redis-cli -h 127.0.0.1 del >/dev/null || true
  fi
}
trap 'kill "$sampler" 2>/dev/null || true; delete_keys' EXIT

code=0
"$JAVA_HOME/bin/java" "$here/QueueBench.java" --key-prefix "$prefix" --java "$JAVA_HOME/bin/java" --java-options "${BOOKINGOPT_JAVA_OPTS:-}" \
  --jar "$root/service/target/bookingopt.jar" --out "$out" --sample "$root/../shared/fixtures/inputs/sample1.json" \
  --large "$large" "${driver_options[@]}" >"$out/driver.md" || code=$?

{
  cat "$out/driver.md"
  echo "1-minute load average during the run (every 5 s): $(sort -n "$loads" | awk '{ v[NR] = $1 }
    END { if (NR) printf "min %s, median %s, max %s over %d samples", v[1], v[int((NR + 1) / 2)], v[NR], NR }')"
} | tee -a "$results"
echo
echo "Results: $results; the processes' logs: $out/*.log"
exit "$code"
