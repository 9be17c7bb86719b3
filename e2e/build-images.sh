#!/usr/bin/env bash
# Build the local images on the private daemon (no registry needed):
#   kompose-e2e/busybox:latest  busybox-static rootfs, every applet a symlink in /bin
#   kompose-e2e/postgres:15     host PostgreSQL 15 binaries + their ldd libraries
#                               + busybox; uid 999; entrypoint like the official image
# Each image is skipped when present; E2E_REBUILD=1 forces a rebuild.
# Exit: 0 both images present; 1 on failure. Requires start-dockerd.sh first.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

e2e_daemon_up || e2e_die "private dockerd is not running: run e2e/start-dockerd.sh"
[ -x /bin/busybox ] || e2e_die "/bin/busybox missing: run e2e/install.sh"

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kompose-e2e-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# A minimal busybox tree in $1 (plus /etc/passwd, /tmp ...).
busybox_tree() {
  local r="$1"
  mkdir -p "$r"/{bin,etc,tmp,proc,sys,dev,root,run,var/tmp}
  chmod 755 "$r"           # mktemp -d makes 0700: non-root containers then fail oddly
  chmod 1777 "$r/tmp" "$r/var/tmp"
  cp /bin/busybox "$r/bin/busybox"
  local a
  for a in $(/bin/busybox --list); do
    [ "$a" = busybox ] || ln -sf busybox "$r/bin/$a"
  done
  cat >"$r/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
postgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
P
  cat >"$r/etc/group" <<'G'
root:x:0:
postgres:x:999:
nogroup:x:65534:
G
  echo 'hosts: files dns' >"$r/etc/nsswitch.conf"
}

import_tree() { # $1 rootfs, $2 image, rest: --change args
  local r="$1" img="$2"; shift 2
  tar --numeric-owner -C "$r" -cf - . | docker import "$@" - "$img" >/dev/null
}

# ---- busybox -------------------------------------------------------------------
if [ "${E2E_REBUILD:-0}" != 1 ] && image_exists "$E2E_BUSYBOX_IMAGE"; then
  e2e_log "$E2E_BUSYBOX_IMAGE present"
else
  t0=$(e2e_now_ms)
  busybox_tree "$work/busybox"
  import_tree "$work/busybox" "$E2E_BUSYBOX_IMAGE" \
    --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]'
  e2e_log "built $E2E_BUSYBOX_IMAGE in $(( $(e2e_now_ms) - t0 )) ms"
fi

# ---- postgres ------------------------------------------------------------------
if [ "${E2E_REBUILD:-0}" != 1 ] && image_exists "$E2E_POSTGRES_IMAGE"; then
  e2e_log "$E2E_POSTGRES_IMAGE present"
else
  t0=$(e2e_now_ms)
  v="$E2E_PG_VERSION"
  pgbin="/usr/lib/postgresql/$v/bin"
  [ -x "$pgbin/postgres" ] || e2e_die "$pgbin/postgres missing: run e2e/install.sh"
  r="$work/postgres"
  busybox_tree "$r"
  mkdir -p "$r/usr/lib/postgresql/$v" "$r/usr/share/postgresql" "$r/usr/share"
  cp -a "$pgbin" "$r/usr/lib/postgresql/$v/bin"
  # lib/ without the LLVM JIT (it would drag in ~100 MB of libLLVM; postgres
  # just runs without JIT when llvmjit.so is absent).
  cp -a "/usr/lib/postgresql/$v/lib" "$r/usr/lib/postgresql/$v/lib"
  rm -rf "$r/usr/lib/postgresql/$v/lib/llvmjit"* "$r/usr/lib/postgresql/$v/lib/bitcode"
  cp -a "/usr/share/postgresql/$v" "$r/usr/share/postgresql/$v"
  # Debian builds with --with-system-tzdata.
  cp -a /usr/share/zoneinfo "$r/usr/share/zoneinfo"
  # Shared libraries of every binary and module (dynamic loader included).
  find "$r/usr/lib/postgresql/$v" -type f \( -perm -u+x -o -name '*.so*' \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | grep -oE '(=> )?/[^ ]+\.so[^ ]*' | sed 's/^=> //' | sort -u >"$work/libs.txt" || true
  while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$r$(dirname "$lib")"
    cp -L "$lib" "$r$lib"
  done <"$work/libs.txt"
  mkdir -p "$r/etc/ld.so.conf.d"
  printf '/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n/usr/lib/postgresql/%s/lib\n' "$v" >"$r/etc/ld.so.conf"
  ldconfig -r "$r" 2>/dev/null || true
  # Data, socket and home dirs owned by postgres (uid/gid 999).
  mkdir -p "$r/var/lib/postgresql/data" "$r/var/run/postgresql" "$r/docker-entrypoint-initdb.d"
  chown -R 999:999 "$r/var/lib/postgresql" "$r/var/run/postgresql"
  chmod 700 "$r/var/lib/postgresql/data"
  chmod 2777 "$r/var/run/postgresql"
  mkdir -p "$r/usr/local/bin"
  install -m 755 "$E2E_DIR/postgres-entrypoint.sh" "$r/usr/local/bin/docker-entrypoint.sh"
  import_tree "$r" "$E2E_POSTGRES_IMAGE" \
    --change "ENV PATH=/usr/lib/postgresql/$v/bin:/usr/local/bin:/bin" \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change "ENV PG_MAJOR=$v" \
    --change 'USER 999:999' \
    --change 'WORKDIR /var/lib/postgresql' \
    --change 'VOLUME /var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]'
  e2e_log "built $E2E_POSTGRES_IMAGE in $(( $(e2e_now_ms) - t0 )) ms ($(du -sh "$r" | cut -f1) rootfs)"
fi
# The same image under the official image's name, as a published compose file names it
# (image: postgres:<tag>): kompose recognises it as PostgreSQL with no DB_SERVICE, as it would the
# real one. The tag says it is the local build.
docker tag "$E2E_POSTGRES_IMAGE" "postgres:$E2E_PG_VERSION-kompose-e2e"
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^(kompose-e2e/|postgres:)' >&2
