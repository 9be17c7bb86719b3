#!/usr/bin/env bash
# A throwaway PostgreSQL server for the benchmarks, like the tests' PostgresServer: initdb in a
# folder of its own, password auth on 127.0.0.1, fsync off. As root it runs as the postgres user.
#   bench/server.sh start|stop|env
# BENCH_DIR (default /tmp/kompose-bench), BENCH_PORT (default 56743).
set -euo pipefail
dir="${BENCH_DIR:-/tmp/kompose-bench}"
port="${BENCH_PORT:-56743}"
password="bench-secret"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_server() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
    if [[ ! -d "$dir/data" ]]; then
      printf '%s\n' "$password" > "$dir/pwfile"
      [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir/pwfile"
      as_server "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    if as_server "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "server already running on 127.0.0.1:$port"; exit 0
    fi
    as_server "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB" start >/dev/null
    echo "server on 127.0.0.1:$port (data in $dir/data)"
    ;;
  stop)
    as_server "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
  env)
    printf 'export PGHOST=127.0.0.1 PGPORT=%s PGUSER=postgres PGPASSWORD=%s\n' "$port" "$password"
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
