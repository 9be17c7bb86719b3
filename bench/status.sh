#!/usr/bin/env bash
# status.sh [STACKS] [RUNS] — "*" status over STACKS generated stacks (default 100) with a recording
# docker stand-in first on the PATH: counts the engine calls (docker ps) and times the command
# (median of RUNS, default 5). Expect exactly 1 engine call per run: the engine is asked once per
# host, not once per stack.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
count="${1:-100}"; runs="${2:-5}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$here/make-stacks.sh" "$work/stacks" "$count"
mkdir -p "$work/bin"
cat > "$work/bin/docker" <<'SCRIPT'
#!/usr/bin/env bash
echo "docker $*" >> "$ENGINE_LOG"
if [[ "$1" == ps ]]; then
  for ((i = 1; i <= STACK_COUNT; i++)); do
    printf '{"Names":"s%d-db-1","State":"running","Status":"Up 1 hour (healthy)","Labels":"com.docker.compose.project=stack%04d"}\n' "$i" "$i"
  done
fi
SCRIPT
chmod +x "$work/bin/docker"
"$here/../kompose" --version > /dev/null  # build once, outside the timing
times=()
for ((run = 1; run <= runs; run++)); do
  : > "$work/engine.log"
  start=$(date +%s.%N)
  PATH="$work/bin:$PATH" ENGINE_LOG="$work/engine.log" STACK_COUNT="$count" DOCKER_HOST= DOCKER_CONTEXT= \
    KOMPOSE_JOURNAL="$work/journal.jsonl" "$here/../kompose" -C "$work/stacks" "*" status > "$work/out.txt"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  calls=$(wc -l < "$work/engine.log")
  rows=$(($(wc -l < "$work/out.txt") - 1))
  echo "run $run: $rows rows, $calls engine call(s): $(cat "$work/engine.log" | tr '\n' ' ')"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "\"*\" status over $count stacks: median ${median}s over $runs runs"
