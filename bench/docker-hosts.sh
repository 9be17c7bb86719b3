#!/usr/bin/env bash
# docker-hosts.sh [RUNS] — Docker hosts and --parallel, against the e2e engines (run as root;
# starts them with e2e/start-dockerd.sh + e2e/start-sshd.sh when they are not up, and leaves
# them running: e2e/stop-dockerd.sh --purge tears them down). Median of RUNS (default 5), same run:
#   A  "*" ps over 10 stacks on engine 1 (unix socket, kompose's DOCKER_HOST)
#   B  "*" ps over the same 10 stacks pinned to engine 2 through ssh:// (sshd on 127.0.0.1),
#      with the SSH connections counted in the sshd log (expect 1 per run)       target B/A <= 1.5
#   C  "*" up -d over 8 stacks with --parallel 1, then D with --parallel 4 (each hook_pre_up
#      sleeps 1 s, standing for a real stack's pre-up work; down -v between runs)  target C/D >= 2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-5}"
# shellcheck source=../e2e/env.sh
source "$here/../e2e/env.sh"
e2e_daemon_up && e2e_engine2_up || { "$here/../e2e/start-dockerd.sh" && "$here/../e2e/build-images.sh"; } >&2
for image in "$E2E_BUSYBOX_IMAGE"; do
  DOCKER_HOST="unix://$E2E_SOCK2" docker image inspect "$image" >/dev/null 2>&1 \
    || docker save "$image" | DOCKER_HOST="unix://$E2E_SOCK2" docker load >/dev/null
done
"$here/../e2e/start-sshd.sh" >&2
export PATH="$E2E_SSH_BIN:$PATH" KOMPOSE_COMPOSE=""
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
make() { # folder count pin sleep
  local i d
  for ((i = 1; i <= $2; i++)); do
    d="$1/s$i"; mkdir -p "$d"
    printf 'services:\n  app:\n    image: %s\n    command: ["sleep", "3600"]\n    init: true\n' "$E2E_BUSYBOX_IMAGE" >"$d/compose.yaml"
    if [ -n "$3" ]; then printf '%s\n' "$3" >"$d/.env"; fi
    if [ "$4" != 0 ]; then printf 'hook_pre_up() { sleep %s; }\n' "$4" >"$d/hooks.sh"; fi
  done
}
make "$work/local" 10 "" 0
make "$work/ssh" 10 "DOCKER_HOST=ssh://$E2E_SSH_HOST_ALIAS" 0
make "$work/up" 8 "" 1
"$here/../kompose" --version >/dev/null  # build once, outside the timing
export KOMPOSE_JOURNAL="$work/journal.jsonl"
seconds() { local start end; start=$(date +%s.%N); "$@" >"$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; return 1; }
  end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
a=(); b=(); c=(); d=(); conns=()
for ((run = 1; run <= runs; run++)); do
  a+=("$(seconds "$here/../kompose" -C "$work/local" "*" ps)")
  before=$(grep -c "Accepted publickey" "$E2E_SSH_LOG" || true)
  b+=("$(seconds "$here/../kompose" -C "$work/ssh" "*" ps)")
  conns+=($(( $(grep -c "Accepted publickey" "$E2E_SSH_LOG") - before )))
  "$here/../kompose" -C "$work/up" "*" down -v >/dev/null 2>&1
  c+=("$(seconds "$here/../kompose" --parallel 1 -C "$work/up" "*" up -d)")
  "$here/../kompose" -C "$work/up" "*" down -v >/dev/null 2>&1
  d+=("$(seconds "$here/../kompose" --parallel 4 -C "$work/up" "*" up -d)")
done
"$here/../kompose" -C "$work/up" "*" down -v >/dev/null 2>&1
ma=$(median "${a[@]}"); mb=$(median "${b[@]}"); mc=$(median "${c[@]}"); md=$(median "${d[@]}")
printf '%-52s %8s  %s\n' "what" "median s" "runs"
printf '%-52s %8.2f  %s\n' "A \"*\" ps, 10 stacks, local engine (unix://)" "$ma" "${a[*]}"
printf '%-52s %8.2f  %s\n' "B \"*\" ps, 10 stacks, ssh:// engine" "$mb" "${b[*]}"
printf '%-52s %8s  %s\n' "  SSH connections per B run" "" "${conns[*]}"
printf '%-52s %8.2f  %s\n' "C \"*\" up -d, 8 stacks, --parallel 1" "$mc" "${c[*]}"
printf '%-52s %8.2f  %s\n' "D \"*\" up -d, 8 stacks, --parallel 4" "$md" "${d[*]}"
printf 'B/A = %.2f (target <= 1.5)   C/D = %.2f (target >= 2)\n' "$(echo "$mb / $ma" | bc -l)" "$(echo "$mc / $md" | bc -l)"
