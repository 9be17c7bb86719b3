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
mkdir -p "$work/root/bench"
printf 'services:\n  db:\n    image: postgres:15\n' > "$work/root/bench/compose.yaml"
printf 'DB_HOST=%s\nDB_PORT=%s\nDB_USER=postgres\nDB_PASSWORD=%s\nDB_NAME=bench\n' "$PGHOST" "$PGPORT" "$PGPASSWORD" > "$work/root/bench/.env"

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Each timed run starts from a settled server: the previous run's writes checkpointed and on disk. Without
# it a run pays for the writeback of the one before (a restore leaves ≈ 1 GB dirty; a DROP DATABASE
# checkpoints), which favoured whichever command followed a drop by ≈ 1 s.
settle() { psql -qXc CHECKPOINT postgres; sync; sleep 1; }
raw_import() { dropdb --if-exists bench && createdb bench && psql -q -X -v ON_ERROR_STOP=1 -o /dev/null -f "$1" bench; }

: > "$work/raw_export"; : > "$work/kompose_export"; : > "$work/raw_import"; : > "$work/kompose_import"; : > "$work/startup"
for ((r = 0; r < runs; r++)); do
  settle; seconds bash -c "pg_dump bench > '$work/raw.sql'" >> "$work/raw_export"
  rm -f "$work"/root/bench/bench_*
  settle; seconds "$here/../kompose" -C "$work/root" bench db:export >> "$work/kompose_export"
  seconds "$here/../kompose" --version >> "$work/startup"
done
dump="$(ls "$work"/root/bench/bench_*.sql | head -n 1)"
dump_size=$(du -h "$dump" | cut -f1)
for ((r = 0; r < runs; r++)); do
  settle; seconds raw_import "$work/raw.sql" >> "$work/raw_import"
  settle; seconds "$here/../kompose" -y -C "$work/root" bench db:import "$dump" >> "$work/kompose_import"
done
re=$(median < "$work/raw_export"); ke=$(median < "$work/kompose_export")
ri=$(median < "$work/raw_import"); ki=$(median < "$work/kompose_import"); st=$(median < "$work/startup")
echo "database: pgbench scale $scale, $size; plain dump $dump_size; $runs runs each, medians; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| operation | raw (s) | kompose (s) | ratio |\n|---|---:|---:|---:|\n'
printf '| export: pg_dump > file vs db:export | %.2f | %.2f | %.3f |\n' "$re" "$ke" "$(echo "$ke / $re" | bc -l)"
printf '| import: dropdb+createdb+psql -f vs db:import (safe swap) | %.2f | %.2f | %.3f |\n' "$ri" "$ki" "$(echo "$ki / $ri" | bc -l)"
printf 'kompose start-up (--version): %.3f s\n' "$st"
