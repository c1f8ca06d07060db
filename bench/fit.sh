#!/usr/bin/env bash
# The "will this booking fit?" benchmark of issue 5: a generated 100-room x 90-night hotel at 90% occupancy
# (3 room types, its current plan written), 50 random requests of 1-14 nights, each answered on its own
# against the current plan with `bookingopt fit --each` (pre-check, fit, fewest moves; no re-optimization).
# Prints one line per request and the median and maximum answer time (measured in one JVM).
#   bench/fit.sh [--seed 7] [--rooms 100] [--days 90] [--occupancy 0.9] [--requests 50] [--threads 1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$here")"
seed=7 rooms=100 days=90 occupancy=0.9 requests=50 threads=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --rooms) rooms="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --occupancy) occupancy="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./bookingopt generate --rooms "$rooms" --days "$days" --occupancy "$occupancy" --types 3 --seed "$seed" \
  --current-plan --new-reservations "$requests" -o "$out/hotel.json" >/dev/null
./bookingopt fit --each --threads "$threads" "$out/hotel.json" || true
