#!/usr/bin/env bash
# db-fixed-costs.sh [SCALE] [RUNS] — what kompose adds around the raw tools, on a small database where
# the dump and the restore themselves take little and vary little: `kompose db:export` minus raw
# `pg_dump > file`, `kompose -y db:import` minus raw `dropdb + createdb + psql -f`, alternating, each run
# from a settled server (CHECKPOINT, sync). Prints medians and the differences (the fixed overhead).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-1}"; runs="${2:-9}"
kompose="${KOMPOSE:-$here/../kompose}"
source "$here/lib-postgres.sh"
work="$(mktemp -d /tmp/kompose-bench.XXXXXX)"
trap 'bench_pg_stop; rm -rf "$work"' EXIT
bench_pg_start
"$kompose" --version >/dev/null
createdb bench
pgbench -i -q -s "$scale" bench >/dev/null 2>&1
bench_stack "$work/root" bench bench
raw_import() { dropdb --if-exists bench && createdb bench && psql -q -X -v ON_ERROR_STOP=1 -o /dev/null -f "$1" bench; }

for name in raw_export kompose_export raw_import kompose_import; do : > "$work/$name"; done
for ((r = 0; r < runs; r++)); do
  bench_settle 0.5; bench_seconds bash -c "pg_dump bench > '$work/raw.sql'" >> "$work/raw_export"
  rm -f "$work"/root/bench/bench_*
  bench_settle 0.5; bench_seconds "$kompose" -C "$work/root" bench db:export >> "$work/kompose_export"
done
dump="$(ls "$work"/root/bench/bench_*.sql | head -n 1)"
for ((r = 0; r < runs; r++)); do
  bench_settle 0.5; bench_seconds raw_import "$work/raw.sql" >> "$work/raw_import"
  bench_settle 0.5; bench_seconds "$kompose" -y -C "$work/root" bench db:import "$dump" >> "$work/kompose_import"
done
re=$(bench_median < "$work/raw_export"); ke=$(bench_median < "$work/kompose_export")
ri=$(bench_median < "$work/raw_import"); ki=$(bench_median < "$work/kompose_import")
echo "pgbench scale $scale, plain dump $(du -h "$dump" | cut -f1); $runs runs each, medians; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| operation | raw (s) | kompose (s) | kompose − raw (s) |\n|---|---:|---:|---:|\n'
printf '| export: pg_dump > file vs db:export | %.3f | %.3f | %.3f |\n' "$re" "$ke" "$(echo "$ke - $re" | bc -l)"
printf '| import: dropdb+createdb+psql -f vs db:import | %.3f | %.3f | %.3f |\n' "$ri" "$ki" "$(echo "$ki - $ri" | bc -l)"
