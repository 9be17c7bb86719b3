#!/usr/bin/env bash
# stack-scaling.sh [RUNS] — times --list, "*" ps --dry-run and "*" db:export --dry-run on stack trees
# of 10, 100 and 1,000 stacks through the real launcher (./kompose, AppCDS archive), median of RUNS.
# Also times the JVM doing nothing (java -version) as the floor. Writes a Markdown table to stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/../kompose" --version >/dev/null   # build + train the archive outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_it() { # prints seconds for one run of "$@"
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
measure() { for ((r = 0; r < runs; r++)); do time_it "$@"; done | median; }

echo "| stacks | --list (s) | \"*\" ps --dry-run (s) | \"*\" db:export --dry-run (s) |"
echo "|---:|---:|---:|---:|"
for n in 10 100 1000; do
  "$here/make-stacks.sh" "$work/$n" "$n"
  list=$(measure "$here/../kompose" -C "$work/$n" --list)
  ps=$(KOMPOSE_COMPOSE="docker compose" measure "$here/../kompose" -C "$work/$n" '*' ps --dry-run)
  export_=$(measure "$here/../kompose" -C "$work/$n" '*' db:export --dry-run)
  printf '| %d | %.3f | %.3f | %.3f |\n' "$n" "$list" "$ps" "$export_"
done
glob=$(KOMPOSE_COMPOSE="docker compose" measure "$here/../kompose" -C "$work/1000" 'stack000?,stack0010' ps --dry-run)
printf '\nglob selecting 10 of 1000 stacks (ps --dry-run): %.3f s\n' "$glob"
floor=$(measure java -Xshare:auto -XX:TieredStopAtLevel=1 -version)
printf 'JVM floor (java -version): %.3f s\n' "$floor"
