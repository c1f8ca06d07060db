#!/usr/bin/env bash
# Issue 4's re-optimization target: times only the phase after the assignment (restrictions, re-optimized
# maximum stays for every probed night, impact) on the generated typed hotels of the ladder (medium 60x60,
# large 150x90; same seeds and settings as bench/run.sh). The assignment runs once per hotel, untimed; the
# phase runs --runs times on its plan. Prints a Markdown table: checks, their median, phase times and their
# median, ReOptimizedPlans size full vs compact. See docs/BENCHMARKS.md.
set -euo pipefail

usage() {
  echo "Usage: bench/reopt.sh [--sizes medium,large] [--runs 3] [--assign-seconds 60] [--out DIR] [--keep-plans]"
  echo "  --keep-plans: keep each hotel's assigned plan in DIR/plans and reuse it (same plan before/after a change)"
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
source .ci/find-jdk.sh

sizes="medium,large"
runs=3
assign_seconds=60
out="bench/results"
keep=false
while (($#)); do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --assign-seconds) assign_seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --keep-plans) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/reopt.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$out"
plans=()
if $keep; then
  plans=(--plans "$out/plans")
fi
files=()
for s in ${sizes//,/ }; do
  case "$s" in
    medium) set -- 60 60 103 ;;
    large) set -- 150 90 104 ;;
    *) echo "bench/reopt.sh: unknown size '$s' (medium, large)" >&2; exit 2 ;;
  esac
  file="$out/$s-typed.json"
  # As bench/run.sh's typed variant; the construction plan is the fallback if the assignment finds none.
  ./bookingopt generate --rooms "$1" --days "$2" --occupancy 0.85 --min-stay 3 --seed "$3" \
    --types 3 --flexible 0.15 --groups 0.05 --locked 0.03 --current-plan -o "$file" >/dev/null 2>&1
  files+=("$file")
done

./mvnw -B -q -o -pl core compile >&2
classpath="$(cd "$out" && pwd)/core.classpath"
if ! ./mvnw -B -q -o -pl core dependency:build-classpath -Dmdep.outputFile="$classpath" >/dev/null 2>&1; then
  # Offline without the dependency plugin's own dependencies in ~/.m2: the compiler's classpath from Maven's
  # debug log, plus OR-Tools' native library jar (a runtime dependency the compiler does not list).
  ./mvnw -B -o -X -pl core compile 2>/dev/null | sed -n 's/.*(f) compilePath = \[\(.*\)\]/\1/p' | head -n 1 \
    | tr -d ' \n' | tr ',' ':' >"$classpath"
  native="$(sed 's/:/\n/g' "$classpath" | sed -n 's#\(.*/com/google/ortools/\)ortools-java/\([^/]*\)/.*#\1ortools-linux-x86-64/\2/ortools-linux-x86-64-\2.jar#p')"
  printf ':%s' "$native" >>"$classpath"
fi
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "core/target/classes:$(cat "$out/core.classpath")" \
  "$here/ReoptBench.java" --runs "$runs" --assign-seconds "$assign_seconds" "${plans[@]}" "${files[@]}"
echo "after: $(uptime | sed 's/.*load average/load average/')"
