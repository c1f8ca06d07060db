#!/usr/bin/env bash
# The benchmark ladder of issue 3 item 7: generates hotels at 85% occupancy, minimum stay 3, each "plain"
# (one type, no groups, no locks) and "typed" (3 types, 5% of stays in adjacency groups, 3% locked), solves
# each with `bookingopt solve` and prints one Markdown table row per instance. See bench/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--sizes tiny,small,...] [--only NAME] [--variants plain,typed]
                    [--time-limit 60s] [--threads 2] [--out DIR] [--generate-only]

  --sizes LIST       sizes to run, from: tiny small medium large xlarge huge (default: all)
  --only NAME        one instance (e.g. medium-typed) or one size (e.g. medium: both variants)
  --variants LIST    plain, typed or both (default: plain,typed)
  --time-limit T     solver time limit per instance (default: 60s)
  --threads N        solver threads (default: 2)
  --out DIR          where instances, summaries and the table go (default: bench/results)
  --generate-only    generate the instances and print their sizes; do not solve
EOF
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
source .ci/find-jdk.sh

# name rooms days seed
ladder=(
  "tiny 5 14 101"
  "small 20 30 102"
  "medium 60 60 103"
  "large 150 90 104"
  "xlarge 300 180 105"
  "huge 600 365 106"
)
occupancy=0.85
min_stay=3
sizes="tiny,small,medium,large,xlarge,huge"
variants="plain,typed"
only=""
time_limit="60s"
threads=2
out="bench/results"
generate_only=false

while (($#)); do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --variants) variants="$2"; shift 2 ;;
    --time-limit) time_limit="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --generate-only) generate_only=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

for s in ${sizes//,/ }; do
  if [[ " tiny small medium large xlarge huge " != *" $s "* ]]; then
    echo "bench/run.sh: unknown size '$s' (tiny, small, medium, large, xlarge, huge)" >&2
    exit 2
  fi
done
for v in ${variants//,/ }; do
  if [[ "$v" != plain && "$v" != typed ]]; then
    echo "bench/run.sh: unknown variant '$v' (plain, typed)" >&2
    exit 2
  fi
done

variant_options() {
  case "$1" in
    plain) echo "--types 1 --groups 0 --locked 0" ;;
    typed) echo "--types 3 --flexible 0.15 --groups 0.05 --locked 0.03" ;;
  esac
}

# The value of a scalar key in the flat JSON object `solve --summary-json` writes (one key per line).
json_value() {
  sed -nE "s/^[[:space:]]*\"$2\"[[:space:]]*:[[:space:]]*\"?([^\",]*)\"?,?[[:space:]]*$/\1/p" "$1" | head -n 1
}

# A number rounded for the table; "-" when absent.
fmt() {
  if [[ -z "$1" ]]; then echo "-"; else awk -v v="$1" -v d="${2:-3}" 'BEGIN { printf "%.*f", d, v }'; fi
}

# Peak resident memory in MB from a `/usr/bin/time -v` report; "n/a" without one.
peak_mb() {
  local kb
  kb="$(sed -nE 's/^[[:space:]]*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$1" 2>/dev/null || true)"
  if [[ -z "$kb" ]]; then echo "n/a"; else awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }'; fi
}

if [[ -x /usr/bin/time ]]; then
  timer_available=true
else
  timer_available=false
  echo "bench/run.sh: /usr/bin/time is missing (Debian package 'time'): peak memory is reported as n/a" >&2
fi
# Runs "$@" with its peak memory recorded in the file $1 (when /usr/bin/time is there).
measured() {
  local report="$1"; shift
  rm -f "$report"
  if $timer_available; then
    /usr/bin/time -v -o "$report" "$@"
  else
    "$@"
  fi
}

mkdir -p "$out"
table="$out/results.md"
./bookingopt --version >/dev/null # builds the jar once, outside the measurements

{
  echo "Machine: $(nproc) cores, $(sed -nE '0,/^model name/s/^model name[[:space:]]*: //p' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); $(./bookingopt --version)"
  echo "Settings: occupancy $occupancy, minimum stay $min_stay, time limit $time_limit, threads $threads;" \
    "$(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  if $generate_only; then
    echo "| instance | rooms | days | stays | occupancy | generate (s) | peak MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
  else
    echo "| instance | rooms | days | stays | status | objective | bound | gap | orphan nights before → after" \
      "| first plan (s) | proof (s) | total (s) | peak MB |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  fi
} | tee "$table"

ran=0
failed=0
for entry in "${ladder[@]}"; do
  read -r size rooms days seed <<<"$entry"
  [[ ",$sizes," == *",$size,"* ]] || continue
  for variant in ${variants//,/ }; do
    name="$size-$variant"
    if [[ -n "$only" && "$only" != "$name" && "$only" != "$size" ]]; then
      continue
    fi
    ran=$((ran + 1))
    problem="$out/$name.json"
    started=$(date +%s.%N)
    # shellcheck disable=SC2046 # the variant's options are separate words
    if ! measured "$out/$name.generate.time" ./bookingopt generate --rooms "$rooms" --days "$days" \
        --occupancy "$occupancy" --min-stay "$min_stay" --seed "$seed" --current-plan \
        $(variant_options "$variant") -o "$problem" >"$out/$name.generate.txt" 2>&1; then
      echo "bench/run.sh: generating $name failed, see $out/$name.generate.txt" >&2
      failed=$((failed + 1))
      continue
    fi
    generate_seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
    if $generate_only; then
      read -r stays occ < <(sed -nE 's/^  stays: ([0-9]+), .* = ([0-9.]+%) occupancy.*/\1 \2/p' \
        "$out/$name.generate.txt")
      echo "| $name | $rooms | $days | ${stays:-?} | ${occ:-?} | $(fmt "$generate_seconds" 2)" \
        "| $(peak_mb "$out/$name.generate.time") |" | tee -a "$table"
      continue
    fi
    summary="$out/$name.summary.json"
    rm -f "$summary"
    code=0
    measured "$out/$name.solve.time" ./bookingopt solve "$problem" --time-limit "$time_limit" \
      --threads "$threads" --summary-json "$summary" -o "$out/$name.result.json" \
      >"$out/$name.solve.txt" 2>&1 || code=$?
    if [[ ! -s "$summary" ]]; then
      echo "bench/run.sh: solving $name wrote no summary (exit $code), see $out/$name.solve.txt" >&2
      echo "| $name | $rooms | $days | - | error (exit $code) | - | - | - | - | - | - | - |" \
        "$(peak_mb "$out/$name.solve.time") |" | tee -a "$table"
      failed=$((failed + 1))
      continue
    fi
    v() { json_value "$summary" "$1"; }
    before="$(v orphanNightsBefore)"
    after="$(v orphanNightsAfter)"
    echo "| $name | $(v rooms) | $days | $(v stays) | $(v status) | $(fmt "$(v objective)" 4)" \
      "| $(fmt "$(v bestBound)" 4) | $(fmt "$(v gap)" 4) | ${before:--} → ${after:--}" \
      "| $(fmt "$(v timeToFirstPlanSeconds)") | $(fmt "$(v timeToProofSeconds)") | $(fmt "$(v totalSeconds)")" \
      "| $(peak_mb "$out/$name.solve.time") |" | tee -a "$table"
  done
done

if ((ran == 0)); then
  echo "bench/run.sh: no instance matches --only '$only' among sizes $sizes and variants $variants" >&2
  exit 2
fi
echo
echo "Table: $table; instances, results and logs: $out/"
((failed == 0))
