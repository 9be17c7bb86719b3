#!/usr/bin/env bash
# Start a PRIVATE containerd + dockerd in the background (idempotent).
#   socket     $STATE/docker.sock       (DOCKER_HOST from env.sh)
#   data root  $STATE/data-root         exec root $STATE/exec-root
#   pidfiles   $STATE/dockerd.pid, $STATE/containerd.pid
#   logs       $STATE/dockerd.log, $STATE/containerd.log
# containerd is started by us (own socket $STATE/containerd.sock) instead of
# letting dockerd pick a system one at /run/containerd/containerd.sock.
# Env: KOMPOSE_E2E_STATE, E2E_START_TIMEOUT (seconds, default 60),
#      E2E_STORAGE_DRIVER (default: overlay2, falls back to vfs).
# Exit: 0 daemon answers `docker info`; 1 it did not (log tail printed).
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[ "$(id -u)" = 0 ] || e2e_die "start-dockerd.sh must run as root"
command -v dockerd >/dev/null || e2e_die "dockerd not installed: run e2e/install.sh"
timeout_s="${E2E_START_TIMEOUT:-60}"
ctr_sock="$STATE/containerd.sock"
ctr_pidfile="$STATE/containerd.pid"
ctr_log="$STATE/containerd.log"

start_engine2() { # the second engine: same containerd, own namespace, socket, roots and pool
  e2e_engine2_up && { e2e_log "engine 2 already running"; return 0; }
  mkdir -p "$E2E_ENGINE2/data-root" "$E2E_ENGINE2/exec-root"
  rm -f "$E2E_SOCK2" "$E2E_ENGINE2/dockerd.pid"
  setsid dockerd \
    --host "unix://$E2E_SOCK2" \
    --containerd "$STATE/containerd.sock" \
    --containerd-namespace kompose-e2e-2 --containerd-plugins-namespace kompose-e2e-2-plugins \
    --data-root "$E2E_ENGINE2/data-root" \
    --exec-root "$E2E_ENGINE2/exec-root" \
    --pidfile "$E2E_ENGINE2/dockerd.pid" \
    --storage-driver "$(cat "$STATE/storage-driver" 2>/dev/null || echo overlay2)" \
    --iptables=false --ip-masq=false --bridge=none \
    --default-address-pool "$E2E_ADDR_POOL2" \
    --userland-proxy=true \
    >>"$E2E_ENGINE2/dockerd.log" 2>&1 </dev/null &
  echo $! >"$E2E_ENGINE2/dockerd.launch.pid"
  for _ in $(seq 1 $(( timeout_s * 5 ))); do e2e_engine2_up && break; sleep 0.2; done
  e2e_engine2_up || { tail -20 "$E2E_ENGINE2/dockerd.log" >&2; e2e_die "engine 2 did not answer"; }
  e2e_log "engine 2 up: unix://$E2E_SOCK2"
}

if e2e_daemon_up; then
  e2e_log "private dockerd already running (pid $(cat "$E2E_PIDFILE" 2>/dev/null || echo ?))"
  start_engine2
  exit 0
fi

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if alive "$E2E_PIDFILE"; then
  e2e_die "dockerd pid $(cat "$E2E_PIDFILE") exists but does not answer; run e2e/stop-dockerd.sh first"
fi

mkdir -p "$STATE" "$E2E_DATA_ROOT" "$E2E_EXEC_ROOT" "$DOCKER_CONFIG"
chmod 711 "$STATE"

# ---- containerd --------------------------------------------------------------
if ! alive "$ctr_pidfile"; then
  rm -f "$ctr_sock" "$ctr_pidfile"
  cat >"$STATE/containerd.toml" <<TOML
version = 2
root = "$E2E_DATA_ROOT/containerd"
state = "$E2E_EXEC_ROOT/containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$ctr_sock"
[ttrpc]
  address = "$ctr_sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
TOML
  setsid containerd --config "$STATE/containerd.toml" >"$ctr_log" 2>&1 </dev/null &
  echo $! >"$ctr_pidfile"
  for _ in $(seq 1 100); do [ -S "$ctr_sock" ] && break; sleep 0.1; done
  [ -S "$ctr_sock" ] || { tail -20 "$ctr_log" >&2; e2e_die "containerd did not create $ctr_sock"; }
fi

# ---- dockerd -----------------------------------------------------------------
start_dockerd() { # $1 = storage driver
  rm -f "$E2E_SOCK" "$E2E_PIDFILE"
  e2e_log "starting dockerd (storage driver $1), log $E2E_LOG"
  setsid dockerd \
    --host "unix://$E2E_SOCK" \
    --containerd "$ctr_sock" \
    --data-root "$E2E_DATA_ROOT" \
    --exec-root "$E2E_EXEC_ROOT" \
    --pidfile "$E2E_PIDFILE" \
    --storage-driver "$1" \
    --iptables=false --ip-masq=false --bridge=none \
    --default-address-pool "$E2E_ADDR_POOL" \
    --userland-proxy=true \
    >>"$E2E_LOG" 2>&1 </dev/null &
  echo $! >"$STATE/dockerd.launch.pid"
}

wait_up() { # $1 = seconds; returns 1 when dockerd died or timed out
  local deadline=$(( $(date +%s) + $1 )) pid
  pid="$(cat "$STATE/dockerd.launch.pid")"
  while [ "$(date +%s)" -lt "$deadline" ]; do
    e2e_daemon_up && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

: >"$E2E_LOG"
t0=$(e2e_now_ms)
driver="${E2E_STORAGE_DRIVER:-overlay2}"
start_dockerd "$driver"
if ! wait_up "$timeout_s"; then
  if [ "$driver" = overlay2 ] && ! kill -0 "$(cat "$STATE/dockerd.launch.pid")" 2>/dev/null; then
    e2e_log "dockerd with overlay2 failed; log tail:"; tail -5 "$E2E_LOG" >&2
    e2e_log "retrying with vfs"
    driver=vfs; start_dockerd vfs
    wait_up "$timeout_s" || true
  fi
fi
if ! e2e_daemon_up; then
  e2e_log "dockerd did not answer within ${timeout_s}s; last log lines:"
  tail -30 "$E2E_LOG" >&2
  exit 1
fi
echo "$driver" >"$STATE/storage-driver"
e2e_log "private dockerd up in $(( $(e2e_now_ms) - t0 )) ms: $(docker info --format '{{.ServerVersion}} driver={{.Driver}} cgroup={{.CgroupDriver}}/{{.CgroupVersion}}')"
start_engine2
