#!/usr/bin/env bash
# End-to-end proof of the environment:
#   install (idempotent) -> start private dockerd -> build images -> for each
#   compose flavour (docker-compose v1, and `docker compose` v2 if present):
#   up -d (db: kompose-e2e/postgres:15 published on a free 127.0.0.1 port with a
#   pg_isready healthcheck; api: busybox, init: true, sleep 3600) -> wait for
#   healthy -> pg_dump from the HOST over the published port -> exec -T api
#   echo ok -> down -v. Prints the time of every phase.
# Leaves the private daemon running (stop it with e2e/stop-dockerd.sh [--purge]).
# Env: KOMPOSE_E2E_STATE; E2E_SMOKE_FLAVOURS="v1 v2" (default: both, v2 only if
#      present); E2E_HEALTH_TIMEOUT (s, default 60); E2E_SKIP_INSTALL=1.
# Exit: 0 all flavours passed; 1 a phase failed (logs printed); 2 setup failed.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

declare -a T_NAMES=() T_MS=()
timed() { # name cmd... : run cmd, record its duration
  local name="$1" t0 rc=0; shift
  t0=$(e2e_now_ms)
  "$@" || rc=$?
  T_NAMES+=("$name"); T_MS+=($(( $(e2e_now_ms) - t0 )))
  e2e_log "phase $name: ${T_MS[-1]} ms (rc=$rc)"
  return "$rc"
}
report() {
  local i
  printf '\n%-28s %8s\n' PHASE ms
  for i in "${!T_NAMES[@]}"; do printf '%-28s %8s\n' "${T_NAMES[$i]}" "${T_MS[$i]}"; done
}
trap report EXIT

t_all=$(e2e_now_ms)
if [ "${E2E_SKIP_INSTALL:-0}" != 1 ]; then timed install "$E2E_DIR/install.sh" || exit 2; fi
timed start-dockerd "$E2E_DIR/start-dockerd.sh" || exit 2
timed build-images "$E2E_DIR/build-images.sh" || exit 2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kompose-e2e-smoke.XXXXXX")"
chmod 755 "$work"
cleanup_work() { rm -rf "$work"; }
trap 'report; cleanup_work' EXIT

PG_USER=kompose PG_PASS='s3cret pw' PG_DB=app
cat >"$work/compose.yaml" <<YAML
services:
  db:
    image: $E2E_POSTGRES_IMAGE
    environment:
      POSTGRES_USER: $PG_USER
      POSTGRES_PASSWORD: "$PG_PASS"
      POSTGRES_DB: $PG_DB
    ports:
      - "127.0.0.1:\${KOMPOSE_SMOKE_PORT}:5432"
    stop_signal: SIGINT
    # -h 127.0.0.1: the entrypoint's temporary init server listens on the unix
    # socket only, so a socket check would report "ready" too early.
    healthcheck:
      test: ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "$PG_USER", "-d", "$PG_DB"]
      interval: 1s
      timeout: 3s
      retries: 60
    volumes:
      - dbdata:/var/lib/postgresql/data
  api:
    image: $E2E_BUSYBOX_IMAGE
    init: true
    command: ["sleep", "3600"]
volumes:
  dbdata:
YAML

flavours="${E2E_SMOKE_FLAVOURS:-}"
if [ -z "$flavours" ]; then
  flavours="v1"
  if e2e_have_compose_v2; then flavours="v1 v2"
  else e2e_log "NOTE: docker compose v2 plugin not available: running the v1 suite only"; fi
fi

run_flavour() {
  local fl="$1" project="kompose-smoke-$1-$$" port health cid out deadline
  local -a dc
  case "$fl" in
    v1) dc=(docker-compose) ;;
    v2) dc=(docker compose) ;;
    *) e2e_log "unknown flavour $fl"; return 1 ;;
  esac
  dc+=(--project-directory "$work" -p "$project" -f "$work/compose.yaml")
  port="$(free_port)"
  export KOMPOSE_SMOKE_PORT="$port"
  e2e_log "=== $fl: $("${dc[@]:0:${#dc[@]}-6}" version --short 2>/dev/null || true) project $project, db on 127.0.0.1:$port"

  fail() { e2e_log "FAIL ($fl): $*"; "${dc[@]}" ps >&2 || true; "${dc[@]}" logs --no-color --tail 40 >&2 || true
           "${dc[@]}" down -v -t 5 >/dev/null 2>&1 || true; return 1; }

  timed "$fl:up -d" "${dc[@]}" up -d || { fail "up -d"; return 1; }
  cid="$("${dc[@]}" ps -q db)"
  [ -n "$cid" ] || { fail "no container id for db"; return 1; }
  e2e_log "$fl containers: $(docker ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}}' | sort | tr '\n' ' ')"

  wait_healthy() {
    deadline=$(( $(date +%s) + ${E2E_HEALTH_TIMEOUT:-60} ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
      health="$(docker inspect -f '{{.State.Health.Status}}' "$cid" 2>/dev/null || echo gone)"
      [ "$health" = healthy ] && return 0
      [ "$health" = unhealthy ] || [ "$health" = gone ] && return 1
      sleep 0.2
    done
    return 1
  }
  timed "$fl:wait healthy" wait_healthy || { fail "db not healthy (status $health)"; return 1; }

  # Real data, then a dump from the host through the published port.
  PGPASSWORD="$PG_PASS" psql -h 127.0.0.1 -p "$port" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt \
    -c "CREATE TABLE smoke(id int primary key, note text); INSERT INTO smoke VALUES (1, 'kompose-$fl');" \
    || { fail "psql from host"; return 1; }
  dump() { PGPASSWORD="$PG_PASS" pg_dump -h 127.0.0.1 -p "$port" -U "$PG_USER" -d "$PG_DB" >"$work/dump-$fl.sql"; }
  timed "$fl:pg_dump (host)" dump || { fail "pg_dump"; return 1; }
  grep -q "kompose-$fl" "$work/dump-$fl.sql" || { fail "dump lacks the inserted row"; return 1; }
  e2e_log "$fl dump: $(wc -c <"$work/dump-$fl.sql") bytes, contains the row"

  exec_ok() { out="$("${dc[@]}" exec -T api echo ok)"; [ "$out" = ok ]; }
  timed "$fl:exec -T api echo" exec_ok || { fail "exec -T api echo ok gave '$out'"; return 1; }

  timed "$fl:down -v" "${dc[@]}" down -v || { fail "down"; return 1; }
  [ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$project")" ] \
    || { fail "containers left after down"; return 1; }
  e2e_log "=== $fl: PASS"
}

rc=0
for fl in $flavours; do
  run_flavour "$fl" || rc=1
done
T_NAMES+=("total"); T_MS+=($(( $(e2e_now_ms) - t_all )))
if [ "$rc" = 0 ]; then e2e_log "SMOKE PASS ($flavours)"; else e2e_log "SMOKE FAIL"; fi
exit "$rc"
