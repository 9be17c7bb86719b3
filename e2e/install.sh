#!/usr/bin/env bash
# Idempotent installer for the kompose e2e environment (run as root).
#  - Debian packages: docker.io (dockerd 20.10 + containerd + runc),
#    docker-compose (v1.29), busybox-static; `apt-get update` only if needed.
#  - Compose v2 plugin taken from Debian trixie's docker-compose package,
#    downloaded with a private sources list (system sources untouched),
#    unpacked into $STATE/compose-v2 and linked into $DOCKER_CONFIG/cli-plugins.
#    If it can't be had, a clear message is printed and we carry on (v1 only).
#  - openssh-server: only its sshd binary, which the suite runs as a test fixture on
#    127.0.0.1 (never a system service) to reach the second engine through ssh://.
# Exit: 0 ok, 1 a required Debian package could not be installed.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[ "$(id -u)" = 0 ] || e2e_die "install.sh must run as root"
mkdir -p "$STATE" "$DOCKER_CONFIG/cli-plugins"
export DEBIAN_FRONTEND=noninteractive

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null 2>&1 || need+=(openssh-client)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx sh && \
  dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
command -v pg_dump >/dev/null 2>&1 && [ -x "/usr/lib/postgresql/$E2E_PG_VERSION/bin/postgres" ] \
  || need+=("postgresql-$E2E_PG_VERSION" "postgresql-client-$E2E_PG_VERSION")

if [ "${#need[@]}" -gt 0 ]; then
  e2e_log "installing: ${need[*]}"
  # Keep package scripts from starting a system dockerd/containerd.
  added_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added_policy=1
  fi
  trap '[ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  if ! apt-get install -y --no-install-recommends "${need[@]}" >"$STATE/apt-install.log" 2>&1; then
    e2e_log "apt-get install failed, running apt-get update once and retrying"
    apt-get update >"$STATE/apt-update.log" 2>&1 || e2e_die "apt-get update failed (see $STATE/apt-update.log)"
    apt-get install -y --no-install-recommends "${need[@]}" >"$STATE/apt-install.log" 2>&1 \
      || { tail -20 "$STATE/apt-install.log" >&2; e2e_die "apt-get install ${need[*]} failed"; }
  fi
else
  e2e_log "debian packages already present"
fi

# ---- compose v2 plugin from trixie -----------------------------------------
plugin="$DOCKER_CONFIG/cli-plugins/docker-compose"
v2dir="$STATE/compose-v2"
if [ -x "$plugin" ] && "$plugin" version >/dev/null 2>&1; then
  e2e_log "compose v2 plugin present: $("$plugin" version --short 2>/dev/null || true)"
else
  e2e_log "fetching compose v2 plugin (Debian trixie docker-compose package)"
  apt_tmp="$STATE/apt-trixie"
  mkdir -p "$apt_tmp/lists/partial" "$apt_tmp/archives/partial" "$v2dir"
  # Reuse the system's mirror URI so that only Debian's mirror is used.
  mirror="$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
            | grep -oE 'https?://[^ ]+' | head -1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror%/} trixie main" >"$apt_tmp/sources.list"
  aptopts=(-o "Dir::Etc::SourceList=$apt_tmp/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
           -o "Dir::State::Lists=$apt_tmp/lists" -o "Dir::Cache::Archives=$apt_tmp/archives"
           -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
           -o "APT::Get::List-Cleanup=0" -o "Acquire::Languages=none")
  ok=0
  if apt-get "${aptopts[@]}" update >"$STATE/apt-trixie.log" 2>&1; then
    rm -f "$apt_tmp"/docker-compose_*.deb
    if (cd "$apt_tmp" && apt-get "${aptopts[@]}" download docker-compose >>"$STATE/apt-trixie.log" 2>&1); then
      deb="$(ls "$apt_tmp"/docker-compose_*.deb | head -1)"
      rm -rf "$v2dir"; mkdir -p "$v2dir"
      dpkg-deb -x "$deb" "$v2dir"
      bin="$v2dir/usr/libexec/docker/cli-plugins/docker-compose"
      if [ -x "$bin" ] && "$bin" version >/dev/null 2>&1; then
        ln -sfn "$bin" "$plugin"; ok=1
        e2e_log "compose v2 plugin installed from $(basename "$deb"): $("$plugin" version --short)"
      fi
    fi
  fi
  if [ "$ok" != 1 ]; then
    e2e_log "WARNING: compose v2 plugin could not be obtained (see $STATE/apt-trixie.log)."
    e2e_log "WARNING: only the docker-compose v1 suite will run."
  fi
fi

# ---- sanity: which docker client is first on PATH -------------------------
e2e_log "docker client on PATH: $E2E_DOCKER_BIN ($(docker version --format '{{.Client.Version}}' 2>/dev/null || docker --version))"
e2e_log "dockerd: $(dockerd --version)"
e2e_log "docker-compose v1: $(docker-compose version --short 2>/dev/null || echo missing)"
exit 0
