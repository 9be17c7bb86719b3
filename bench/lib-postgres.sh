# lib-postgres.sh — sourced by benchmarks: a throwaway PostgreSQL server on a free port, as the
# postgres user when run as root (initdb refuses root). Sets PGHOST PGPORT PGUSER PGPASSWORD.
bench_pg_start() {
  local bin; bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  BENCH_PG_DIR="$(mktemp -d /tmp/kompose-bench-pg.XXXXXX)"
  BENCH_PG_BIN="$bin"
  export PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=bench-secret
  PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  export PGPORT
  printf '%s\n' "$PGPASSWORD" > "$BENCH_PG_DIR/pw"
  local run=()
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$BENCH_PG_DIR"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$BENCH_PG_DIR/data" -U postgres --pwfile="$BENCH_PG_DIR/pw" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$BENCH_PG_DIR/data" -w -l "$BENCH_PG_DIR/log" \
    -o "-p $PGPORT -k $BENCH_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" start >/dev/null
  BENCH_PG_RUN=("${run[@]}")
}

bench_pg_stop() {
  [[ -n "${BENCH_PG_DIR:-}" ]] || return 0
  "${BENCH_PG_RUN[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$BENCH_PG_DIR"
}

# bench_stack ROOT STACK DATABASE — a stack folder whose .env names this server and DATABASE
bench_stack() {
  mkdir -p "$1/$2"
  printf 'services:\n  db:\n    image: postgres:15\n' > "$1/$2/compose.yaml"
  printf 'DB_HOST=%s\nDB_PORT=%s\nDB_USER=postgres\nDB_PASSWORD=%s\nDB_NAME=%s\n' "$PGHOST" "$PGPORT" "$PGPASSWORD" "$3" \
    > "$1/$2/.env"
}

# bench_seconds COMMAND... — its wall time in seconds, its output discarded
bench_seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

# bench_median — the median of the numbers on standard input, one a line
bench_median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# bench_settle [SECONDS] — before a timed run: the previous run's writes checkpointed and on disk. A
# restore leaves ≈ 1 GB for the kernel to write back and DROP DATABASE checkpoints, so without it a run
# pays for the one before it (it made a restore beside the live database look ≈ 1.2 s slower than it is).
bench_settle() { psql -qXc CHECKPOINT postgres; sync; sleep "${1:-1}"; }
