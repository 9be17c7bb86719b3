#!/usr/bin/env bash
# restore-beside.sh [SCALE] [RUNS] — what a restore beside the live database costs with the raw tools
# alone (no kompose): createdb + psql -f into a new database while the live one exists (what db:import
# does, so nothing is dropped before its replacement is good) vs dropdb + createdb + psql -f in its place.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-40}"; runs="${2:-3}"
source "$here/lib-postgres.sh"
work="$(mktemp -d /tmp/kompose-bench.XXXXXX)"
trap 'bench_pg_stop; rm -rf "$work"' EXIT
bench_pg_start
createdb bench; pgbench -i -q -s "$scale" bench >/dev/null 2>&1
pg_dump bench > "$work/dump.sql"
restore() { psql -q -X -v ON_ERROR_STOP=1 -o /dev/null -f "$work/dump.sql" "$1"; }
echo "pgbench scale $scale, dump $(du -h "$work/dump.sql" | cut -f1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each timed step starts from a settled server (lib-postgres.sh's bench_settle): without it each run
# paid for the one before it, which made the first version of this script conclude that a restore
# beside the live database costs ≈ 1.2 s more than one in its place.
for ((run = 1; run <= runs; run++)); do
  bench_settle 1; instead=$(bench_seconds bash -c "dropdb bench && createdb bench && $(declare -f restore); work='$work' restore bench")
  bench_settle 1; beside=$(bench_seconds bash -c "createdb beside && $(declare -f restore); work='$work' restore beside")
  bench_settle 1; dropped=$(bench_seconds dropdb beside)
  printf 'run %d: beside the live database %.2f s (its drop afterwards %.2f s); dropped first, in its place %.2f s\n' \
    "$run" "$beside" "$dropped" "$instead"
done
