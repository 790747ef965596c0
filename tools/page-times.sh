#!/usr/bin/env bash
# Server time of each public page, warm: one request to warm it, then N timed ones; prints the
# median and the slowest. Usage: tools/page-times.sh [BASE_URL] [N]  (default http://127.0.0.1:7070, 10)
# against a running `./a4p serve` (the demo data for the figures in the issue notes).
set -euo pipefail
base=${1:-http://127.0.0.1:7070}
n=${2:-10}
pages=(
  "/" "/?lang=fr" "/priorities/P4?year=2020" "/priorities/WPS?year=2020" "/commitments" "/indicators/WPS.WOMEN_TROOPS"
  "/indicators/P4.FATALITIES_MALICIOUS?year=2020" "/values?indicator=WPS.WOMEN_TROOPS&mission=PKO&period=2020"
  "/missions" "/missions/MINUSCA" "/gender" "/report" "/sources" "/login"
)
printf '%-60s %10s %10s\n' page median_ms max_ms
for page in "${pages[@]}"; do
  curl -s -o /dev/null -H 'Accept: text/html' "$base$page"
  times=()
  for _ in $(seq "$n"); do
    times+=("$(curl -s -o /dev/null -H 'Accept: text/html' -w '%{time_total}' "$base$page")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$page" '{t[NR]=$1*1000} END {printf "%-60s %10.0f %10.0f\n", p, t[int((NR+1)/2)], t[NR]}'
done
