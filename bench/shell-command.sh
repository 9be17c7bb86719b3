#!/usr/bin/env bash
# A command typed in the shell: time from Enter on `STACK ps --dry-run` (a real terminal, tmux) until
# its summary line is on screen, over a root of N stacks, the shell already running (the JVM warm
# from earlier commands, as in a session). Polls the screen as fast as tmux answers (each poll is a
# process, ~2-5 ms), so the figures are an upper bound; the floor (one poll) is printed too.
# Usage: bench/shell-command.sh [STACKS=10] [RUNS=15]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stacks="${1:-10}"; runs="${2:-15}"
"$here/kompose" --version >/dev/null   # build the jar and the start-up archives first
work="$(mktemp -d)"
session="kompose-command-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT
"$here/bench/make-stacks.sh" "$work/root" "$stacks" >/dev/null
tmux new-session -d -s "$session" -x 160 -y 50 \
  "env -u CI XDG_STATE_HOME='$work/state' TERM=xterm-256color '$here/kompose' -C '$work/root' shell; sleep 600"
until tmux capture-pane -p -t "$session" | grep -q "^kompose .*>"; do sleep 0.02; done
times=()
for ((run = 0; run <= runs; run++)); do   # run 0 warms up and is not counted
  tmux send-keys -t "$session" C-u C-l; sleep 0.3
  tmux send-keys -t "$session" -l "stack0001 ps --dry-run"; sleep 0.3
  tmux capture-pane -p -t "$session" | grep -q "^Summary:" && { echo "screen not clear" >&2; exit 1; }
  start=$(date +%s%N)
  tmux send-keys -t "$session" Enter
  until tmux capture-pane -p -t "$session" | grep -q "^Summary: 1 succeeded"; do :; done
  end=$(date +%s%N)
  ((run == 0)) && continue
  us=$(( (end - start) / 1000 ))
  times+=("$us")
  printf 'run %d: %d.%03d ms\n' "$run" $((us / 1000)) $((us % 1000))
done
median() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%d.%03d", m/1000, m%1000}'; }
echo "median Enter to summary on screen: $(printf '%s\n' "${times[@]}" | median) ms over $runs runs ($stacks stacks; target ≤ 30 ms)"
floor=()
for ((run = 1; run <= runs; run++)); do
  start=$(date +%s%N); tmux capture-pane -p -t "$session" >/dev/null; end=$(date +%s%N)
  floor+=("$(( (end - start) / 1000 ))")
done
echo "median of one screen poll (the measuring floor): $(printf '%s\n' "${floor[@]}" | median) ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
