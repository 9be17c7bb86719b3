#!/usr/bin/env bash
# container-throughput.sh [SCALE] [RUNS] [RSS_SCALES] — db:export and db:import through the stack's own
# PostgreSQL container (DB_HOST=db, no published port) against the same tools run by hand in the
# container: `docker compose exec -T db pg_dump … > file` and `… psql < file` (after drop + create),
# alternating runs in the same session on the private e2e daemon (e2e/env.sh; run as root, after
# e2e/start-dockerd.sh and e2e/build-images.sh). Prints medians and ratios, then kompose's peak RSS
# (GNU time: the largest process kompose waited for, i.e. its JVM) for an export and an import at each
# scale of RSS_SCALES.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-40}"; runs="${2:-5}"; rss_scales="${3:-5 40}"
source "$here/../e2e/env.sh"
kompose="$here/../kompose"
work="$(mktemp -d /tmp/kompose-cbench.XXXXXX)"
export COMPOSE_PROJECT_NAME=kompose-bench-container
mkdir -p "$work/root/bench"
cat > "$work/root/bench/compose.yaml" <<'YAML'
services:
  db:
    image: postgres:15-kompose-e2e
    environment:
      POSTGRES_USER: bench
      POSTGRES_PASSWORD: bench-pw
      POSTGRES_DB: bench
    stop_signal: SIGINT
    command: ["postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    healthcheck:
      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "bench"]
      interval: 1s
      retries: 60
YAML
printf 'COMPOSE_PROJECT_NAME=%s\nDB_HOST=db\n' "$COMPOSE_PROJECT_NAME" > "$work/root/bench/.env"
cd "$work/root/bench"
trap 'docker compose down -v >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
docker compose up -d --wait >/dev/null 2>&1
in_db() { docker compose exec -T db "$@"; }
make_db() {
  in_db psql -X -q -U bench -d postgres -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench"
  in_db pgbench -i -q -s "$1" -U bench bench >/dev/null 2>&1
  in_db psql -X -At -U bench -d bench -c "SELECT pg_size_pretty(pg_database_size('bench'))"
}
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
raw_export() { docker compose exec -T db pg_dump -U bench bench > "$work/raw.sql"; }
raw_import() {
  in_db psql -X -q -U bench -d postgres -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench" &&
  docker compose exec -T db psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -U bench -d bench < "$work/raw.sql"
}
newest() { ls -1 bench_*.sql | tail -1; }
# each timed run from a settled server: the previous run's writes checkpointed and on disk (without it a
# run pays for the one before it; see bench/lib-postgres.sh's bench_settle)
settle() { in_db psql -X -q -U bench -d postgres -c CHECKPOINT >/dev/null; sync; sleep 1; }

size=$(make_db "$scale")
"$kompose" --version >/dev/null
: > "$work/re"; : > "$work/ke"; : > "$work/ri"; : > "$work/ki"
for ((r = 0; r < runs; r++)); do
  settle; seconds raw_export >> "$work/re"
  rm -f bench_*.sql bench_*.manifest.json
  settle; seconds "$kompose" -C "$work/root" --progress none bench db:export >> "$work/ke"
  settle; seconds raw_import >> "$work/ri"
  settle; seconds "$kompose" -C "$work/root" --progress none -y bench db:import "$(newest)" >> "$work/ki"
done
dump_size=$(du -h "$(newest)" | cut -f1)
re=$(median < "$work/re"); ke=$(median < "$work/ke"); ri=$(median < "$work/ri"); ki=$(median < "$work/ki")
echo "database $size, plain dump $dump_size, $runs runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| export: exec -T db pg_dump > file vs db:export | %.2f | %.2f | %.3f |\n' "$re" "$ke" "$(echo "$ke / $re" | bc -l)"
printf '| import: drop+create, exec -T db psql < file vs db:import (safe swap) | %.2f | %.2f | %.3f |\n' "$ri" "$ki" "$(echo "$ki / $ri" | bc -l)"
echo "runs (s): raw export $(tr '\n' ' ' < "$work/re")| kompose export $(tr '\n' ' ' < "$work/ke")"
echo "runs (s): raw import $(tr '\n' ' ' < "$work/ri")| kompose import $(tr '\n' ' ' < "$work/ki")"

for s in $rss_scales; do
  size=$(make_db "$s")
  rm -f bench_*.sql
  /usr/bin/time -o "$work/rss" -f '%M' "$kompose" -C "$work/root" --progress none bench db:export >/dev/null 2>&1
  export_kb=$(tail -1 "$work/rss")
  /usr/bin/time -o "$work/rss" -f '%M' "$kompose" -C "$work/root" --progress none -y bench db:import "$(newest)" >/dev/null 2>&1
  import_kb=$(tail -1 "$work/rss")
  echo "| scale $s: database $size, dump $(du -h "$(newest)" | cut -f1) | export peak RSS $((export_kb / 1024)) MB | import peak RSS $((import_kb / 1024)) MB |"
done
