#!/usr/bin/env bash
# startup.sh [RUNS] — one-shot start-up as ratios to a bare JVM hello on the same JDK, in the same run.
# For each JDK (default: the launcher's newest and Java 17; KOMPOSE_BENCH_JDKS="home1 home2" to choose)
# it times with hyperfine (-N, medians of RUNS, 3 warm-ups): a hello class, then through ./kompose
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

table() { # table LABEL JSON
  python3 - "$1" "$2" "${cases[@]}" <<'EOF'
import json, sys
label, path, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
results = json.load(open(path))["results"]
hello = results[0]["median"]
cpu = lambda r: (r["user"] + r["system"]) * 1000
print(f"| {label}: JVM hello | {hello * 1000:.0f} ms | 1.0 | {cpu(results[0]):.0f} ms | |")
for case, result in zip(cases, results[1:]):
    name, _, target = case.split("|")
    ratio = result["median"] / hello
    verdict = "met" if ratio <= float(target) else "**not met**"
    print(f"| {label}: {name} | {result['median'] * 1000:.0f} ms | {ratio:.2f} | {cpu(result):.0f} ms | ≤ {target}: {verdict} |")
EOF
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
  commands=("$jdk/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello Hello")
  for case in "${cases[@]}"; do
    IFS='|' read -r _ arguments _ <<<"$case"
    commands+=("$kompose $arguments")
  done
  KOMPOSE_JAVA_HOME="$jdk" KOMPOSE_COMPOSE="docker compose" hyperfine -N -w 3 -r "$runs" --style none \
    --export-json "$work/$version.json" "${commands[@]}" >/dev/null 2>&1
  table "./kompose, Java $version" "$work/$version.json"
done
if [[ -x /usr/bin/kompose && -n "$newest" ]]; then
  commands=("$newest/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello Hello")
  "$newest/bin/javac" -d "$work/hello" "$work/hello/Hello.java"
  for case in "${cases[@]}"; do
    IFS='|' read -r _ arguments _ <<<"$case"
    commands+=("/usr/bin/kompose $arguments")
  done
  KOMPOSE_COMPOSE="docker compose" hyperfine -N -w 3 -r "$runs" --style none \
    --export-json "$work/deb.json" "${commands[@]}" >/dev/null 2>&1
  table "/usr/bin/kompose (.deb)" "$work/deb.json"
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
