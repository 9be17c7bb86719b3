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
