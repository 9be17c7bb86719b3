#!/usr/bin/env bash
# Tear down the PRIVATE daemons started by start-dockerd.sh (and engine 2) and the sshd fixture
# of start-sshd.sh. Safe when nothing runs.
#   1. docker rm -f every container of the private daemon, remove its networks
#   2. stop dockerd (TERM, wait up to E2E_STOP_TIMEOUT s (default 20), KILL),
#      then our containerd, then leftover shims / docker-proxy of ours
#   3. unmount anything mounted under the state dir
#   4. --purge: delete the state dir (images, data, compose v2 plugin too)
# Only processes identified by our pidfiles or by our socket paths are signalled.
# Exit: 0 everything stopped; 1 something of ours is still running or mounted.
set -uo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

purge=0
for a in "$@"; do
  case "$a" in
    --purge) purge=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) e2e_die "unknown argument: $a" ;;
  esac
done
timeout_s="${E2E_STOP_TIMEOUT:-20}"
ctr_sock="$STATE/containerd.sock"

pid_of() { [ -f "$1" ] && cat "$1" 2>/dev/null; }
# alive = exists and is not a zombie (PID 1 here may not reap orphans).
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && \
  [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
cmdline() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline"; }
# pids whose command line mentions our state dir (shims carry our containerd
# socket, docker-proxy are children of our dockerd).
our_pids() {
  local p c
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    [ "$p" = $$ ] && continue
    c="$(cmdline "$p")" || continue
    case "$c" in
      *"$STATE/"*) case "$c" in *stop-dockerd.sh*|*start-dockerd.sh*|*smoke.sh*) ;; *) echo "$p" ;; esac ;;
    esac
  done
}
children_of() { local p; for p in /proc/[0-9]*; do p="${p#/proc/}";
  [ "$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null)" = "$1" ] && echo "$p"; done; }
shim_socket() { # pid of a containerd-shim-runc-v2 -> its socket path
  tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline" | awk '
    prev=="-namespace"{ns=$0} prev=="-id"{id=$0} prev=="-address"{addr=$0} {prev=$0}
    END{ if (ns && id && addr) print addr "/" ns "/" id }' |
  { read -r key && [ -n "$key" ] && printf '/run/containerd/s/%s\n' "$(printf '%s' "$key" | sha256sum | cut -d" " -f1)"; }
}
stop_pid() { # pid name
  local pid="$1" name="$2" i
  alive "$pid" || return 0
  e2e_log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < timeout_s * 10; i++)); do alive "$pid" || return 0; sleep 0.1; done
  e2e_log "$name did not exit after ${timeout_s}s: KILL"
  kill -KILL "$pid" 2>/dev/null; sleep 0.3
}

dpid="$(pid_of "$E2E_PIDFILE")"; alive "$dpid" || dpid="$(pid_of "$STATE/dockerd.launch.pid")"
proxies=""; alive "$dpid" && proxies="$(children_of "$dpid")"

# ---- 1. containers and networks ---------------------------------------------
if e2e_daemon_up; then
  ids="$(docker ps -aq)"
  if [ -n "$ids" ]; then
    e2e_log "removing $(echo "$ids" | wc -l) container(s)"
    # shellcheck disable=SC2086
    docker rm -f -v $ids >/dev/null || true
  fi
  docker network prune -f >/dev/null 2>&1 || true
fi

# ---- 1b. engine 2 and the sshd fixture ----------------------------------------
stop_pid "$(pid_of "$E2E_SSH_DIR/sshd.pid")" "sshd fixture"
rm -f "$E2E_SSH_DIR/sshd.pid"
if [ -S "$E2E_SOCK2" ] && DOCKER_HOST="unix://$E2E_SOCK2" timeout 5 docker info >/dev/null 2>&1; then
  ids="$(DOCKER_HOST="unix://$E2E_SOCK2" docker ps -aq)"
  # shellcheck disable=SC2086
  [ -n "$ids" ] && { DOCKER_HOST="unix://$E2E_SOCK2" docker rm -f -v $ids >/dev/null || true; }
  DOCKER_HOST="unix://$E2E_SOCK2" docker network prune -f >/dev/null 2>&1 || true
fi
d2pid="$(pid_of "$E2E_ENGINE2/dockerd.pid")"; alive "$d2pid" || d2pid="$(pid_of "$E2E_ENGINE2/dockerd.launch.pid")"
alive "$d2pid" && proxies="$proxies $(children_of "$d2pid")"
stop_pid "$d2pid" "dockerd (engine 2)"
rm -f "$E2E_SOCK2" "$E2E_ENGINE2/dockerd.pid" "$E2E_ENGINE2/dockerd.launch.pid"

# ---- 2. processes ------------------------------------------------------------
stop_pid "$dpid" dockerd
stop_pid "$(pid_of "$STATE/containerd.pid")" containerd
# docker-proxy orphaned by a crashed dockerd of ours: parent gone (reparented),
# forwarding into our address pool (10.213.0.0/16).
orphan_proxies() {
  local p c pp
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"; c="$(cmdline "$p")" || continue
    case "$c" in *docker-proxy*"-container-ip ${E2E_ADDR_POOL_PREFIX}"*) ;; *) continue ;; esac
    pp="$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null)"
    case "$(cmdline "$pp")" in *dockerd*) continue ;; esac
    echo "$p"
  done
}
for p in $proxies $(our_pids) $(orphan_proxies); do
  alive "$p" || continue
  case "$(cmdline "$p")" in *docker-proxy*|*containerd*|*dockerd*|*docker-init*) ;; *) continue ;; esac
  # A shim left behind by a crashed containerd still holds a running container:
  # kill the container's init (its child; that ends the container's pid
  # namespace) before the shim itself.
  case "$(cmdline "$p")" in *containerd-shim*)
    for c in $(children_of "$p"); do
      alive "$c" && { e2e_log "killing container init pid $c of shim $p"; kill -KILL "$c" 2>/dev/null; }
    done; sleep 0.2 ;;
  esac
  e2e_log "killing leftover pid $p: $(cmdline "$p" | cut -c1-100)"
  shim_sock=""
  case "$(cmdline "$p")" in *containerd-shim*) shim_sock="$(shim_socket "$p")" ;; esac
  kill -KILL "$p" 2>/dev/null
  # A KILLed shim leaves its socket /run/containerd/s/sha256(<address>/<ns>/<id>).
  [ -n "$shim_sock" ] && rm -f "$shim_sock"
done
# containerd 1.6 shims always put their sockets in /run/containerd/s; drop the
# dirs only when empty and no system containerd lives there.
if [ ! -e /run/containerd/containerd.sock ]; then
  rmdir /run/containerd/s 2>/dev/null && rmdir /run/containerd 2>/dev/null || true
fi
rm -f "$E2E_SOCK" "$ctr_sock" "$ctr_sock.ttrpc" "$E2E_PIDFILE" "$STATE/containerd.pid" "$STATE/dockerd.launch.pid"

# Bridges of a crashed daemon stay on the host (br-<network id>, address in our
# pool). Remove them when no dockerd using our pool is alive any more.
for E2E_ADDR_POOL_PREFIX in "$E2E_ADDR_POOL_PREFIX" "$E2E_ADDR_POOL2_PREFIX"; do
if command -v ip >/dev/null 2>&1; then
  pool_daemon=""
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    case "$(cmdline "$p")" in *dockerd*"--default-address-pool base=${E2E_ADDR_POOL_PREFIX}"*)
      alive "$p" && pool_daemon="$p" ;; esac
  done
  if [ -z "$pool_daemon" ]; then
    ip -4 -o addr show 2>/dev/null | awk -v pfx="$E2E_ADDR_POOL_PREFIX" \
      '$2 ~ /^br-[0-9a-f]+$/ && index($4, pfx) == 1 {print $2}' | sort -u |
    while read -r br; do
      e2e_log "removing leftover bridge $br"
      ip link delete "$br" 2>/dev/null || e2e_log "WARNING: cannot delete $br"
    done
  fi
fi
done

# ---- 3. mounts under the state dir -------------------------------------------
mounts() { awk -v s="$STATE/" 'index($2, s) == 1 {print $2}' /proc/self/mounts | sort -r; }
for m in $(mounts); do
  umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || e2e_log "WARNING: cannot unmount $m"
done

# ---- 4. purge ------------------------------------------------------------------
rc=0
left="$(for p in $(our_pids); do alive "$p" && echo "$p $(cmdline "$p" | cut -c1-100)"; done)"
if [ -n "$left" ]; then e2e_log "still running:"; echo "$left" >&2; rc=1; fi
if [ -n "$(mounts)" ]; then e2e_log "still mounted:"; mounts >&2; rc=1; fi
if [ "$purge" = 1 ]; then
  if [ "$rc" = 0 ]; then
    rm -rf --one-file-system "$STATE" && e2e_log "purged $STATE"
  else
    e2e_log "not purging $STATE while something of ours is still live"
  fi
fi
[ "$rc" = 0 ] && e2e_log "private docker daemon stopped"
exit "$rc"
