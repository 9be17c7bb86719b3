#!/usr/bin/env bash
# db-throughput.sh [SCALE] [RUNS] — db:export and db:import of a pgbench database (scale 40 ≈ 600 MB)
# against the raw tools, alternating runs in the same session: raw `pg_dump > file` vs
# `kompose db:export`, and raw `dropdb + createdb + psql -f` vs `kompose -y db:import`.
# Prints medians, ratios and the fixed start-up cost of kompose (`--version`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-40}"; runs="${2:-5}"
source "$here/lib-postgres.sh"
work="$(mktemp -d /tmp/kompose-bench.XXXXXX)"
trap 'bench_pg_stop; rm -rf "$work"' EXIT
bench_pg_start
"$here/../kompose" --version >/dev/null

createdb bench
pgbench -i -q -s "$scale" bench >/dev/null 2>&1
size=$(psql -Atc "SELECT pg_size_pretty(pg_database_size('bench'))" bench)
bench_stack "$work/root" bench bench
raw_import() { dropdb --if-exists bench && createdb bench && psql -q -X -v ON_ERROR_STOP=1 -o /dev/null -f "$1" bench; }

: > "$work/raw_export"; : > "$work/kompose_export"; : > "$work/raw_import"; : > "$work/kompose_import"; : > "$work/startup"
for ((r = 0; r < runs; r++)); do
  bench_settle 1; bench_seconds bash -c "pg_dump bench > '$work/raw.sql'" >> "$work/raw_export"
  rm -f "$work"/root/bench/bench_*
  bench_settle 1; bench_seconds "$here/../kompose" -C "$work/root" bench db:export >> "$work/kompose_export"
  bench_seconds "$here/../kompose" --version >> "$work/startup"
done
dump="$(ls "$work"/root/bench/bench_*.sql | head -n 1)"
dump_size=$(du -h "$dump" | cut -f1)
for ((r = 0; r < runs; r++)); do
  bench_settle 1; bench_seconds raw_import "$work/raw.sql" >> "$work/raw_import"
  bench_settle 1; bench_seconds "$here/../kompose" -y -C "$work/root" bench db:import "$dump" >> "$work/kompose_import"
done
re=$(bench_median < "$work/raw_export"); ke=$(bench_median < "$work/kompose_export")
ri=$(bench_median < "$work/raw_import"); ki=$(bench_median < "$work/kompose_import"); st=$(bench_median < "$work/startup")
echo "database: pgbench scale $scale, $size; plain dump $dump_size; $runs runs each, medians; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| operation | raw (s) | kompose (s) | ratio |\n|---|---:|---:|---:|\n'
printf '| export: pg_dump > file vs db:export | %.2f | %.2f | %.3f |\n' "$re" "$ke" "$(echo "$ke / $re" | bc -l)"
printf '| import: dropdb+createdb+psql -f vs db:import (safe swap) | %.2f | %.2f | %.3f |\n' "$ri" "$ki" "$(echo "$ki / $ri" | bc -l)"
printf 'kompose start-up (--version): %.3f s\n' "$st"
