#!/usr/bin/env bash
# Runs kompose's end-to-end suite (JUnit tag "e2e") against a private Docker daemon:
#   install (idempotent) -> start dockerd -> build images -> mvn test -Dgroups=e2e
# and ALWAYS tears the daemon down afterwards (trap EXIT: also when a test fails, the build
# breaks or the script is interrupted). Prints the time of every phase.
# Usage: e2e/run-suite.sh [--purge] [extra maven arguments, e.g. -Dtest=ComposeV2EndToEndTest]
#   --purge  also delete the state dir (images, volumes, the v2 plugin) when tearing down
# Env: KOMPOSE_E2E_STATE (see env.sh), E2E_SKIP_INSTALL=1.
# Exit: the Maven exit status; 2 when the environment could not be set up; 1 when the tests
#       passed but the teardown left something behind.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
project="$(cd "$here/.." && pwd)"

purge=()
if [ "${1:-}" = --purge ]; then purge=(--purge); shift; fi

declare -a phase_names=() phase_ms=()
timed() { # name command... : runs the command, records how long it took
  local name="$1" started rc=0; shift
  started=$(e2e_now_ms)
  "$@" || rc=$?
  phase_names+=("$name"); phase_ms+=($(( $(e2e_now_ms) - started )))
  e2e_log "phase $name: ${phase_ms[-1]} ms (rc=$rc)"
  return "$rc"
}

suite_started=$(e2e_now_ms)
status=0
maven_pid=""
stop_maven() { # on a signal: stop Maven and the test JVMs (their own process group) first
  [ -n "$maven_pid" ] && kill -0 "$maven_pid" 2>/dev/null || return 0
  e2e_log "stopping Maven (process group $maven_pid)"
  kill -TERM -- -"$maven_pid" 2>/dev/null
  local waited=0
  while kill -0 "$maven_pid" 2>/dev/null && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL -- -"$maven_pid" 2>/dev/null || true
}
teardown() {
  local teardown_rc=0
  trap - EXIT INT TERM HUP
  stop_maven
  timed "stop-dockerd ${purge[*]}" "$here/stop-dockerd.sh" "${purge[@]}" || teardown_rc=$?
  printf '\n%-28s %10s\n' PHASE ms >&2
  local index
  for index in "${!phase_names[@]}"; do printf '%-28s %10s\n' "${phase_names[$index]}" "${phase_ms[$index]}" >&2; done
  printf '%-28s %10s\n' total $(( $(e2e_now_ms) - suite_started )) >&2
  if [ "$status" = 0 ] && [ "$teardown_rc" != 0 ]; then status=1; fi
  e2e_log "e2e suite exit status $status"
  exit "$status"
}
trap teardown EXIT
trap 'status=130; exit 130' INT
trap 'status=143; exit 143' TERM
trap 'status=129; exit 129' HUP

if [ "${E2E_SKIP_INSTALL:-0}" != 1 ]; then
  timed install "$here/install.sh" || { status=2; exit 2; }
fi
timed start-dockerd "$here/start-dockerd.sh" || { status=2; exit 2; }
timed build-images "$here/build-images.sh" || { status=2; exit 2; }
copy_images_to_engine2() { # engine 2 gets the same images (no registry: save | load)
  local image
  for image in "$E2E_BUSYBOX_IMAGE" "$E2E_POSTGRES_IMAGE" "postgres:$E2E_PG_VERSION-kompose-e2e"; do
    DOCKER_HOST="unix://$E2E_SOCK2" docker image inspect "$image" >/dev/null 2>&1 && continue
    docker save "$image" | DOCKER_HOST="unix://$E2E_SOCK2" docker load >/dev/null || return 1
  done
}
timed images-engine2 copy_images_to_engine2 || { status=2; exit 2; }
timed start-sshd "$here/start-sshd.sh" || { status=2; exit 2; }
e2e_log "compose v1: $(docker-compose version --short 2>/dev/null || echo missing);" \
  "compose v2: $(docker compose version --short 2>/dev/null || echo missing)"

cd "$project" || { status=2; exit 2; }
run_maven() { # in its own process group, waited for with `wait` so that a signal reaches our traps at once
  setsid mvn -B test -DexcludedGroups= -Dgroups=e2e "$@" </dev/null &
  maven_pid=$!
  wait "$maven_pid"
}
timed "mvn test -Dgroups=e2e" run_maven "$@" || status=$?
exit "$status"
