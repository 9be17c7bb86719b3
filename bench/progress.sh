#!/usr/bin/env bash
# Benchmarks of issue 4 (live progress, dump formats) against the raw tools, in the same run:
#   export with progress (plain lines; panel under a pty via `script`) vs pg_dump > file
#   import (plain .sql) vs dropdb + createdb + psql -f
#   import of a custom archive with --jobs 2 vs the plain import
#   peak RSS (VmHWM) of the kompose JVM exporting the large database
# Usage: bench/progress.sh [RUNS] [SCALE] [LARGE_SCALE] [PARTITIONS]   (defaults 5, 40, 100, 4)
# PARTITIONS splits pgbench_accounts of the SCALE database (a single big table cannot be
# restored in parallel); LARGE_RUNS (default 3) large-export runs; BENCH_ONLY=large skips the rest.
# Needs: PostgreSQL 15 server + clients, pgbench, script(1), a built jar (./kompose builds it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
runs="${1:-5}"
scale="${2:-40}"
large_scale="${3:-100}"
partitions="${4:-4}"
work="${BENCH_DIR:-/tmp/kompose-bench}/work"
"$here/server.sh" start
eval "$("$here/server.sh" env)"
mkdir -p "$work/stacks/app" "$work/stacks/large"
db=bench_s${scale}_p$partitions
large=bench_s$large_scale
psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || "$here/make-database.sh" "$db" "$scale" "$partitions"
for stack in app large; do
  name=$db; [[ $stack == large ]] && name=$large
  printf 'services:\n  db:\n    image: postgres:15\n' > "$work/stacks/$stack/compose.yaml"
  printf 'DB_HOST=%s\nDB_PORT=%s\nDB_USER=postgres\nDB_PASSWORD=%s\nDB_NAME=%s\n' "$PGHOST" "$PGPORT" "$PGPASSWORD" "$name" \
    > "$work/stacks/$stack/.env"
done
"$repo/kompose" --version >/dev/null
kompose() { "$repo/kompose" -C "$work/stacks" "$@"; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { echo "scale=3; $1 / $2" | bc; }
clean_dumps() { rm -f "$work"/stacks/app/*.sql "$work"/stacks/app/*.dump "$work"/stacks/app/*.partial "$work"/raw.sql; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
declare -a export_plain export_panel import_plain import_custom large_export
[[ "${BENCH_ONLY:-}" == large ]] && runs=0
for run in $(seq 1 "$runs"); do
  clean_dumps
  start=$(now); pg_dump -d "$db" > "$work/raw.sql"; raw_dump=$(elapsed "$start")
  start=$(now); kompose --progress plain app db:export > "$work/export.log" 2>&1; k_plain=$(elapsed "$start")
  grep -q '\[PROGRESS\] app: pg_dump 100%' "$work/export.log"
  echo "  estimate vs dump: $(grep -o 'estimated dump size: .*' "$work/export.log") / $(stat -c %s "$work/raw.sql") bytes raw"
  dump=$(ls "$work"/stacks/app/*.sql | head -1)
  rm -f "$dump"
  start=$(now); script -qec "$repo/kompose -C $work/stacks --progress panel app db:export" /dev/null > "$work/panel.log" 2>&1
  k_panel=$(elapsed "$start")
  grep -q 'Summary: 1 succeeded' "$work/panel.log"
  dump=$(ls "$work"/stacks/app/*.sql | head -1)
  start=$(now); dropdb --if-exists bench_raw; createdb bench_raw
  psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -d bench_raw -f "$dump"; raw_import=$(elapsed "$start")
  start=$(now); kompose -y --progress plain app db:import "$dump" > "$work/import.log" 2>&1; k_import=$(elapsed "$start")
  grep -q 'Summary: 1 succeeded' "$work/import.log"
  kompose --progress none app db:export --format custom > /dev/null 2>&1
  archive=$(ls "$work"/stacks/app/*.dump | head -1)
  start=$(now); kompose -y --progress plain app db:import --jobs 2 "$archive" > "$work/import-custom.log" 2>&1
  k_custom=$(elapsed "$start")
  grep -q 'Summary: 1 succeeded' "$work/import-custom.log"
  export_plain+=("$(ratio "$k_plain" "$raw_dump")"); export_panel+=("$(ratio "$k_panel" "$raw_dump")")
  import_plain+=("$(ratio "$k_import" "$raw_import")"); import_custom+=("$(ratio "$k_import" "$k_custom")")
  printf 'run %d: pg_dump %.2fs | export plain %.2fs panel %.2fs | raw import %.2fs | import .sql %.2fs | import .dump --jobs 2 %.2fs | load %s\n' \
    "$run" "$raw_dump" "$k_plain" "$k_panel" "$raw_import" "$k_import" "$k_custom" "$(cut -d' ' -f1 /proc/loadavg)"
done
if (( runs > 0 )); then
  echo "median export (plain lines) / pg_dump:  $(printf '%s\n' "${export_plain[@]}" | median)"
  echo "median export (panel) / pg_dump:        $(printf '%s\n' "${export_panel[@]}" | median)"
  echo "median import .sql / raw drop+create+psql: $(printf '%s\n' "${import_plain[@]}" | median)"
  echo "median speed-up import .dump --jobs 2 vs .sql: $(printf '%s\n' "${import_custom[@]}" | median)"
fi

psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$large'" | grep -q 1 || "$here/make-database.sh" "$large" "$large_scale"
for run in $(seq 1 "${LARGE_RUNS:-3}"); do
  rm -f "$work"/stacks/large/*.sql
  start=$(now); pg_dump -d "$large" > "$work/raw.sql"; raw_dump=$(elapsed "$start")
  start=$(now); kompose --progress plain large db:export > /dev/null 2>&1; k_plain=$(elapsed "$start")
  large_export+=("$(ratio "$k_plain" "$raw_dump")")
  printf 'large run %d: pg_dump %.2fs | export plain %.2fs | load %s\n' "$run" "$raw_dump" "$k_plain" "$(cut -d' ' -f1 /proc/loadavg)"
done
rm -f "$work/raw.sql"
echo "median large export (plain lines) / pg_dump: $(printf '%s\n' "${large_export[@]}" | median)"
rm -f "$work"/stacks/large/*.sql
"$repo/kompose" -C "$work/stacks" --progress plain large db:export > "$work/large.log" 2>&1 &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  value=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  [[ -n "$value" ]] && peak=$value
  sleep 0.1
done
wait "$pid"
size=$(stat -c %s "$work"/stacks/large/*.sql)
echo "large export: dump $(numfmt --to=si "$size")B ($size bytes), $(grep -o 'estimated dump size: .*' "$work/large.log"), kompose JVM peak RSS (VmHWM) $((peak / 1024)) MB"
rm -f "$work"/stacks/large/*.sql
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
