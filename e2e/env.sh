# shellcheck shell=bash
# Sourced by the other e2e scripts. Fixed paths for a PRIVATE docker daemon.
# Override the state dir with KOMPOSE_E2E_STATE (default /tmp/kompose-e2e).
# Never points at /var/run/docker.sock or any other daemon.

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export E2E_DIR

export KOMPOSE_E2E_STATE="${KOMPOSE_E2E_STATE:-/tmp/kompose-e2e}"
STATE="$KOMPOSE_E2E_STATE"
export E2E_DATA_ROOT="$STATE/data-root"     # dockerd --data-root
export E2E_EXEC_ROOT="$STATE/exec-root"     # dockerd --exec-root (containerd state lives below it)
export E2E_PIDFILE="$STATE/dockerd.pid"     # dockerd --pidfile
export E2E_SOCK="$STATE/docker.sock"        # dockerd -H unix://...
export E2E_LOG="$STATE/dockerd.log"         # daemon stdout/stderr
export E2E_ADDR_POOL="${E2E_ADDR_POOL:-base=10.213.0.0/16,size=24}"
export E2E_ADDR_POOL_PREFIX="${E2E_ADDR_POOL_PREFIX:-10.213.}"   # must match E2E_ADDR_POOL

# A second private engine (tests of stacks pinned to other Docker hosts): its own socket, data
# root, exec root, pidfile and address pool; it shares our containerd under its own namespace.
# The tests reach it directly (unix://) and through ssh:// to the sshd of start-sshd.sh.
export E2E_ENGINE2="$STATE/engine2"
export E2E_SOCK2="$E2E_ENGINE2/docker.sock"
export E2E_ADDR_POOL2="${E2E_ADDR_POOL2:-base=10.214.0.0/16,size=24}"
export E2E_ADDR_POOL2_PREFIX="${E2E_ADDR_POOL2_PREFIX:-10.214.}"
# The sshd fixture (start-sshd.sh): 127.0.0.1 only, a key generated per state dir, its sessions
# pointed at engine 2 (SetEnv DOCKER_HOST). E2E_SSH_BIN holds an `ssh` that stands for the
# user's own ssh setup (-F its config: host alias, port, key, known hosts): put it first on PATH.
export E2E_SSH_DIR="$STATE/ssh"
export E2E_SSH_PORT="${E2E_SSH_PORT:-22922}"
export E2E_SSH_HOST_ALIAS="kompose-e2e-engine2"
export E2E_SSH_BIN="$E2E_SSH_DIR/bin"
export E2E_SSH_LOG="$E2E_SSH_DIR/sshd.log"

export DOCKER_HOST="unix://$E2E_SOCK"
export DOCKER_CONFIG="$STATE/docker-config"  # holds cli-plugins/docker-compose (v2)
# DOCKER_API_VERSION is NOT needed: the 28.x client (API 1.50) negotiates down
# to the 20.10 daemon (API 1.41) by itself (checked: client 1.41/server 1.41).
# BuildKit on dockerd 20.10 with --bridge=none fails RUN steps with "network
# bridge not found" (e.g. `docker compose build`); use the classic builder.
export DOCKER_BUILDKIT="${DOCKER_BUILDKIT:-0}"
# docker-compose v1 (python docker SDK) reads DOCKER_HOST too.
# Do NOT set COMPOSE_INTERACTIVE_NO_CLI: with it, `docker-compose exec -T` goes through
# docker-py, which never closes the exec's stdin, so a command that reads stdin (cat, psql -f -)
# hangs forever even when stdin is /dev/null. Without it v1 runs `docker exec` (works).
unset COMPOSE_INTERACTIVE_NO_CLI

export E2E_BUSYBOX_IMAGE="kompose-e2e/busybox:latest"
export E2E_POSTGRES_IMAGE="kompose-e2e/postgres:15"
export E2E_PG_VERSION=15

# The client binary we use: the first `docker` on PATH (normally the 28.x one
# in /usr/local/bin; Debian's docker.io puts a 20.10 client in /usr/bin).
E2E_DOCKER_BIN="$(command -v docker || true)"
export E2E_DOCKER_BIN

e2e_log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
e2e_die() { e2e_log "ERROR: $*"; exit 1; }
e2e_now_ms() { date +%s%3N; }

# Is our private daemon up and answering?
e2e_daemon_up() { [ -S "$E2E_SOCK" ] && timeout 5 docker info >/dev/null 2>&1; }

# Is engine 2 up?
e2e_engine2_up() { [ -S "$E2E_SOCK2" ] && DOCKER_HOST="unix://$E2E_SOCK2" timeout 5 docker info >/dev/null 2>&1; }

# Does `docker compose` (v2 plugin) work?
e2e_have_compose_v2() { docker compose version >/dev/null 2>&1; }
