#!/usr/bin/env bash
# The suggestion as you type: time from a key sent to the shell (a real terminal, tmux) until the
# rest of an earlier command is drawn after the cursor, over a root of N stacks (the highlighter and
# the status line judge the line at every key). Polls the screen as fast as tmux answers (each poll
# is a process, ~2-5 ms), so the figures are an upper bound. Prints each run and the median.
# Usage: bench/typing.sh [STACKS=1000] [RUNS=25]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stacks="${1:-1000}"; runs="${2:-25}"
"$here/kompose" --version >/dev/null   # build the jar and the class-data archive first
work="$(mktemp -d)"
session="kompose-typing-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT
"$here/bench/make-stacks.sh" "$work/root" "$stacks" >/dev/null
tmux new-session -d -s "$session" -x 160 -y 40 \
  "env -u CI XDG_STATE_HOME='$work/state' TERM=xterm-256color '$here/kompose' -C '$work/root' shell; sleep 600"
until tmux capture-pane -p -t "$session" | grep -q "^kompose .*>"; do sleep 0.02; done
# some history: the command to be suggested, and others before it
for line in "stack0001 db:list" "stack0002 hooks" "stack0500 hooks"; do
  tmux send-keys -t "$session" -l "$line"; tmux send-keys -t "$session" Enter; sleep 1
done
times=()
for ((run = 1; run <= runs; run++)); do
  # C-l clears the screen, so that only the line being typed can show the suggestion
  tmux send-keys -t "$session" C-u C-l; sleep 0.4
  tmux capture-pane -p -t "$session" | grep -q "stack0500 hooks" && { echo "screen not clear" >&2; exit 1; }
  start=$(date +%s%N)
  tmux send-keys -t "$session" -l "s"   # the newest line starting with s is suggested
  until tmux capture-pane -p -t "$session" | grep -q "stack0500 hooks *$"; do :; done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000 ))
  times+=("$ms")
  printf 'run %d: %d.%03d ms\n' "$run" $((ms / 1000)) $((ms % 1000))
done
median() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%d.%03d", m/1000, m%1000}'; }
echo "median key to suggestion: $(printf '%s\n' "${times[@]}" | median) ms over $runs runs ($stacks stacks)"
# the floor: tmux answering one poll, the same way
floor=()
for ((run = 1; run <= runs; run++)); do
  start=$(date +%s%N); tmux capture-pane -p -t "$session" >/dev/null; end=$(date +%s%N)
  floor+=("$(( (end - start) / 1000 ))")
done
echo "median of one screen poll (the measuring floor): $(printf '%s\n' "${floor[@]}" | median) ms"
