#!/usr/bin/env bash
# startup.sh [RUNS] — one-shot start-up as ratios to a bare JVM hello on the same JDK, in the same run.
# For each JDK (default: the launcher's newest and Java 17; KOMPOSE_BENCH_JDKS="home1 home2" to choose)
# it times with hyperfine (-N; RUNS runs in rounds of 3 over all commands; medians): a hello class, then through ./kompose
# (KOMPOSE_JAVA_HOME pins the JDK): --version; --list and "*" ps --dry-run on 10 stacks; --list and
# "*" db:export --dry-run on 1,000 stacks. With /usr/bin/kompose installed (the .deb) it times that too,
# against Temurin 25's hello. Prints a Markdown table with the issue's targets, and the load average.
# The CPU column (user+sys) moves less than the wall time when other work shares the cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-15}"
command -v hyperfine >/dev/null || { echo "startup.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
kompose="$here/../kompose"

newest=""
for release in /usr/lib/jvm/*/release; do
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  [[ -n "$major" && "$major" -ge 25 ]] && newest="${release%/release}"
done
jdks=(${KOMPOSE_BENCH_JDKS:-$newest /usr/lib/jvm/java-17-openjdk-amd64})

"$here/make-stacks.sh" "$work/10" 10 >/dev/null
"$here/make-stacks.sh" "$work/1000" 1000 >/dev/null
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
EOF

# name|arguments (hyperfine splits them like a shell); the last field is the target, × hello
cases=(
  "--version|--version|2.5"
  "--list, 10 stacks|-C $work/10 --list|2.5"
  "\"*\" ps --dry-run, 10 stacks|-C $work/10 '*' ps --dry-run|3.5"
  "--list, 1,000 stacks|-C $work/1000 --list|4"
  "\"*\" db:export --dry-run, 1,000 stacks|-C $work/1000 '*' db:export --dry-run|8"
)

table() { # table LABEL JSON... — medians over all the rounds' runs
  python3 - "$1" "${cases[@]}" -- "${@:2}" <<'EOF'
import json, statistics, sys
separator = sys.argv.index("--")
label, cases, paths = sys.argv[1], sys.argv[2:separator], sys.argv[separator + 1:]
times, cpu = {}, {}
for path in paths:
    for index, result in enumerate(json.load(open(path))["results"]):
        times.setdefault(index, []).extend(result["times"])
        cpu.setdefault(index, []).append((result["user"] + result["system"]) * 1000)
median = {index: statistics.median(values) for index, values in times.items()}
hello = median[0]
print(f"| {label}: JVM hello | {hello * 1000:.0f} ms | 1.00 | {statistics.mean(cpu[0]):.0f} ms | |")
for index, case in enumerate(cases, start=1):
    name, _, target = case.split("|")
    ratio = median[index] / hello
    verdict = "met" if ratio <= float(target) else "**not met**"
    print(f"| {label}: {name} | {median[index] * 1000:.0f} ms | {ratio:.2f} | {statistics.mean(cpu[index]):.0f} ms | ≤ {target}: {verdict} |")
EOF
}

rounds() { # rounds NAME COMMAND... — RUNS runs of each command, in rounds of 3 so that a change in the
  # machine's load falls on all of them alike; one JSON per round
  local name="$1" round
  shift
  for ((round = 0; round * 3 < runs; round++)); do
    hyperfine -N -w 1 -r 3 --style none --export-json "$work/$name-$round.json" "$@" >/dev/null 2>&1
  done
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $runs runs each, medians"
echo
echo "| what | median | × hello | CPU (user+sys, mean) | target |"
echo "|---|---:|---:|---:|---|"
for jdk in "${jdks[@]}"; do
  [[ -x "$jdk/bin/java" ]] || continue
  version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release")"
  "$jdk/bin/javac" -d "$work/hello" "$work/hello/Hello.java"
  # build and train the launcher's archives for this JDK outside the timings
  KOMPOSE_JAVA_HOME="$jdk" "$kompose" --version >/dev/null
  KOMPOSE_JAVA_HOME="$jdk" "$kompose" shell </dev/null >/dev/null 2>&1 || true
  commands=("$jdk/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp $work/hello Hello")
  for case in "${cases[@]}"; do
    IFS='|' read -r _ arguments _ <<<"$case"
    commands+=("$kompose $arguments")
  done
  KOMPOSE_JAVA_HOME="$jdk" rounds "$version" "${commands[@]}"
  table "./kompose, Java $version" "$work/$version"-*.json
done
if [[ -x /usr/bin/kompose && -n "$newest" ]]; then
  commands=("$newest/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp $work/hello Hello")
  "$newest/bin/javac" -d "$work/hello" "$work/hello/Hello.java"
  for case in "${cases[@]}"; do
    IFS='|' read -r _ arguments _ <<<"$case"
    commands+=("/usr/bin/kompose $arguments")
  done
  rounds deb "${commands[@]}"
  table "/usr/bin/kompose (.deb)" "$work"/deb-*.json
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
