#!/usr/bin/env bash
# The job service's benchmark (issue 6, "Targets"): starts `bookingopt serve` on a free port of 127.0.0.1 with the
# per-user limit off, runs bench/ServiceBench.java against it from a second process (GET latency at a fixed rate,
# submit to first running, cancel to stopped) and stops the service. Every request goes to 127.0.0.1; the whole
# run is bounded (the driver gives up after --max-minutes). See bench/README.md; results in docs/BENCHMARKS.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/service.sh [--out DIR] [--rate 1000] [--seconds 30] [--warmup 5] [--control 10]
                        [--connections 10] [--submit-samples 50] [--cancel-samples 10] [--nice N]

  --out DIR             where the large problem, the service's log and results.md go (default: bench/results/service)
  --rate N              GET requests per second (default: 1000)
  --seconds N           how long the measured GET load lasts (default: 30)
  --warmup N            seconds of the same load before it, not counted (default: 5)
  --control N           seconds of GET /health at the same rate after it, as a control; 0: none (default: 10)
  --connections N       keep-alive connections sharing the GET schedule (default: 10)
  --submit-samples N    submit-to-first-running samples (default: 50)
  --cancel-samples N    cancel-to-stopped samples (default: 10)
  --nice N              run in a session of its own at this niceness, the service and the driver too (e.g. -10,
                        as root: ahead of the other sessions on a shared machine, nearer a dedicated one; Ctrl-C
                        then leaves the run to end by itself); default: unchanged
EOF
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
source .ci/find-jdk.sh

arguments=("$@")
out="bench/results/service"
driver_options=()
niceness=""
while (($#)); do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --rate|--seconds|--warmup|--control|--connections|--submit-samples|--cancel-samples)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "bench/service.sh: $1 needs a whole number" >&2; exit 2; }
      driver_options+=("$1" "$2"); shift 2 ;;
    --nice)
      [[ "${2:-}" =~ ^-?[0-9]+$ ]] || { echo "bench/service.sh: --nice needs a whole number" >&2; exit 2; }
      niceness="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/service.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

# --nice: the kernel shares the CPU between sessions (autogroups) before the processes within one, so the
# benchmark runs in a session of its own and gives that session the niceness, as well as its processes.
prioritized=()
if [[ -n "$niceness" ]]; then
  if [[ "${BOOKINGOPT_BENCH_SESSION:-}" != own && -n "$(command -v setsid)" ]]; then
    BOOKINGOPT_BENCH_SESSION=own exec setsid --wait "$here/service.sh" "${arguments[@]}"
  fi
  if [[ -w "/proc/$$/autogroup" ]]; then
    echo "$niceness" >"/proc/$$/autogroup" || echo "bench/service.sh: could not set the session's niceness" >&2
  fi
  prioritized=(nice -n "$niceness")
fi

mkdir -p "$out"
./bookingopt --version >/dev/null # builds the jar once, outside the measurements

large="$out/large-150x90-typed.json"
./bookingopt generate --rooms 150 --days 90 --occupancy 0.85 --types 3 --seed 7 -o "$large" >"$out/generate.txt"

log="$out/serve.log"
"${prioritized[@]}" ./bookingopt serve --port 0 --bookingopt.limits.enabled=false --bookingopt.cache.enabled=false >"$log" 2>&1 &
service=$!
stop_service() {
  if kill -0 "$service" 2>/dev/null; then
    kill -TERM "$service" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$service" 2>/dev/null || break
      sleep 0.3
    done
    kill -KILL "$service" 2>/dev/null || true
  fi
  wait "$service" 2>/dev/null || true
}
trap stop_service EXIT

port=""
for _ in $(seq 1 240); do
  port="$(sed -nE 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$log" | head -n 1)"
  [[ -n "$port" ]] && break
  kill -0 "$service" 2>/dev/null || { echo "bench/service.sh: the service did not start, see $log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$port" ]] || { echo "bench/service.sh: the service did not start within 2 minutes, see $log" >&2; exit 1; }

results="$out/results.md"
{
  echo "Machine: $(nproc) cores, $(sed -nE '0,/^model name/s/^model name[[:space:]]*: //p' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); $(./bookingopt --version)"
  echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "Service: \`${prioritized[*]}${prioritized[*]:+ }./bookingopt serve --port 0" \
    "--bookingopt.limits.enabled=false --bookingopt.cache.enabled=false\`" \
    "${niceness:+(and the driver, in a session of their own at niceness $niceness)}" \
    "($(sed -nE 's/.* ([0-9]+ job worker\(s\) started, [0-9]+ solver thread\(s\) each).*/\1/p' "$log" | head -n 1))"
  echo
} | tee "$results"

# The machine is shared: sample its load and count the CPU time the service, the driver and the rest used.
loads="$out/loadavg.txt"
: >"$loads"
(while kill -0 "$service" 2>/dev/null; do cut -d' ' -f1 /proc/loadavg >>"$loads"; sleep 5; done) &
sampler=$!
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; } # user nice system irq softirq steal
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }                        # utime stime
started=$(date +%s.%N)
busy_before=$(busy_ticks)
service_before=$(process_ticks "$service")

code=0
"${prioritized[@]}" "$JAVA_HOME/bin/java" "$here/ServiceBench.java" --port "$port" --service-pid "$service" \
  --large "$large" "${driver_options[@]}" \
  >"$out/driver.md" || code=$?

busy=$(($(busy_ticks) - busy_before))
service_ticks=$(($(process_ticks "$service") - service_before))
seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
kill "$sampler" 2>/dev/null || true
driver_cpu="$(sed -nE 's/^The load driver used ([0-9.]+) s of CPU.*/\1/p' "$out/driver.md")"
{
  cat "$out/driver.md"
  echo
  echo "The service's own log, each cancelled solve: $(grep -oE 'stopped [0-9]+ ms after it was cancelled' "$log" \
    | grep -oE '[0-9]+' | paste -sd, - | sed 's/,/, /g') ms"
  echo "1-minute load average during the run (every 5 s): $(sort -n "$loads" | awk '{ v[NR] = $1 }
    END { if (NR) printf "min %s, median %s, max %s over %d samples", v[1], v[int((NR + 1) / 2)], v[NR], NR }')"
  awk -v busy="$busy" -v svc="$service_ticks" -v drv="${driver_cpu:-0}" -v s="$seconds" -v cores="$(nproc)" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN {
      cap = s * cores; b = busy / hz; v = svc / hz; o = b - v - drv; if (o < 0) o = 0
      printf "CPU during the run (%.0f s, %d cores = %.0f core-seconds): busy %.0f%%; the service %.0f%%, " \
        "the load driver %.0f%%, everything else on the machine %.0f%%\n", s, cores, cap, 100 * b / cap,
        100 * v / cap, 100 * drv / cap, 100 * o / cap }'
} | tee -a "$results"
echo
echo "Results: $results; the service's log: $log"
exit "$code"
