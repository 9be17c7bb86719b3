#!/usr/bin/env bash
# Time from launching `./kompose -C stacks shell` in a real terminal (tmux) to the first prompt on
# screen. Prints each run and the median. Usage: bench/shell-startup.sh [RUNS] (default 9)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-9}"
"$here/kompose" --version >/dev/null   # build the jar and the class-data archive first
state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
times=()
for ((run = 1; run <= runs; run++)); do
  session="kompose-bench-$$-$run"
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 160 -y 40 \
    "XDG_STATE_HOME='$state' '$here/kompose' -C '$here/stacks' shell; sleep 60"
  until tmux capture-pane -p -t "$session" | grep -q "^kompose .*>"; do sleep 0.005; done
  end=$(date +%s%N)
  tmux kill-session -t "$session"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: ${ms} ms"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median launch to first prompt: $(printf '%s\n' "${times[@]}" | median) ms over $runs runs"
# the same JVM start without the shell, for comparison (the machine's load shows in both)
baseline=()
for ((run = 1; run <= runs; run++)); do
  start=$(date +%s%N); "$here/kompose" --version >/dev/null; end=$(date +%s%N)
  baseline+=("$(( (end - start) / 1000000 ))")
done
echo "median ./kompose --version (JVM start, no shell): $(printf '%s\n' "${baseline[@]}" | median) ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
