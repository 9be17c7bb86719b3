#!/usr/bin/env bash
# TAB completion over many stacks: times the shell's completer (as JLine's line reader calls it) on a
# root of N stacks. Usage: bench/completion.sh [STACKS=1000] [RUNS=25]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && mvn -q -B -DskipTests package test-compile >&2)
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/target/kompose.jar:$here/target/test-classes" \
  dev.kompose.shell.CompletionBenchmark "${1:-1000}" "${2:-25}"
