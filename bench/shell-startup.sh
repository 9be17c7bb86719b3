#!/usr/bin/env bash
# Time from launching `kompose -C stacks shell` in a real terminal (tmux) to the first prompt on screen,
# as a ratio to a bare JVM hello on the same JDK launched and waited for the same way (tmux, polling),
# alternating run by run. Prints each run and the medians.
# Usage: bench/shell-startup.sh [RUNS] (default 9). KOMPOSE=/usr/bin/kompose times the installed .deb;
# KOMPOSE_JAVA_HOME pins the launcher's JDK (default: the newest it finds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-9}"
kompose="${KOMPOSE:-$here/kompose}"
# The hello runs on the JDK kompose runs on: KOMPOSE_JAVA_HOME, else the newest under /usr/lib/jvm (the
# launcher's choice; for the .deb the full JDK of its runtime's build, whose jlink'd copy has no
# default CDS archive, so a hello on it would be slow and flatter the ratio).
jdk=""
if [[ "$kompose" != /usr/bin/kompose && -n "${KOMPOSE_JAVA_HOME:-}" ]]; then
  jdk="$KOMPOSE_JAVA_HOME"
else
  best=0
  for release in /usr/lib/jvm/*/release; do
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [[ -n "$major" ]] && ((major > best)) && best=$major jdk="${release%/release}"
  done
fi
state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$state/hello/Hello.java"
javac_home="${KOMPOSE_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
"$javac_home/bin/javac" --release 17 -d "$state/hello" "$state/hello/Hello.java"
"$kompose" --version >/dev/null   # build the jar and train the archives first
XDG_STATE_HOME="$state" "$kompose" -C "$here/stacks" shell </dev/null >/dev/null 2>&1 || true

launch() { # launch COMMAND PATTERN: ms from starting COMMAND in tmux until PATTERN is on the screen
  local session="kompose-bench-$$-$RANDOM" start end
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 160 -y 40 "$1; sleep 60"
  until tmux capture-pane -p -t "$session" | grep -q "$2"; do sleep 0.005; done
  end=$(date +%s%N)
  tmux kill-session -t "$session"
  echo $(((end - start) / 1000000))
}
shell_times=() hello_times=()
for ((run = 1; run <= runs; run++)); do
  hello_times+=("$(launch "'$jdk/bin/java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '$state/hello' Hello" '^hello')")
  shell_times+=("$(launch "XDG_STATE_HOME='$state' KOMPOSE_JAVA_HOME='${KOMPOSE_JAVA_HOME:-}' '$kompose' -C '$here/stacks' shell" '^kompose .*>')")
  echo "run $run: shell ${shell_times[-1]} ms, hello ${hello_times[-1]} ms"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
shell=$(printf '%s\n' "${shell_times[@]}" | median)
hello=$(printf '%s\n' "${hello_times[@]}" | median)
echo "kompose: $kompose; JDK: $jdk"
echo "median launch to first prompt: $shell ms; JVM hello the same way: $hello ms; ratio $(echo "scale=2; $shell / $hello" | bc) (target ≤ 6)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
