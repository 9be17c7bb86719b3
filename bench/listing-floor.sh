#!/usr/bin/env bash
# listing-floor.sh [RUNS] [STACKS] — how far a 1,000-stack listing can go in a JVM: a hello, then
# bench/ListingFloor.java (reads every stack's compose.yaml, .env and hooks.sh and lists its folder,
# parses nothing; with the JDK's default CDS and with an AOT cache of its own), then `./kompose --list`,
# all on the newest JDK with kompose's JIT and GC flags, in rounds of 3 (hyperfine -N); medians as
# ratios to the hello. Issue 14's target for `--list` at 1,000 stacks is ≤ 4× the hello.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-15}"; stacks="${2:-1000}"
command -v hyperfine >/dev/null || { echo "listing-floor.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
newest=""
for release in /usr/lib/jvm/*/release; do
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  [[ -n "$major" && "$major" -ge 25 ]] && newest="${release%/release}"
done
[[ -n "$newest" ]] || { echo "listing-floor.sh needs a JDK 25 or newer under /usr/lib/jvm" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/make-stacks.sh" "$work/root" "$stacks" >/dev/null
mkdir -p "$work/classes"
printf 'public class Hello { public static void main(String[] args) { System.out.println("hello"); } }\n' >"$work/Hello.java"
"$newest/bin/javac" -d "$work/classes" "$work/Hello.java" "$here/ListingFloor.java"
"$newest/bin/jar" cf "$work/floor.jar" -C "$work/classes" .   # an AOT cache takes jars, not folders
java="$newest/bin/java"
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
"$java" -XX:AOTCacheOutput="$work/floor.aot" $flags -cp "$work/floor.jar" ListingFloor "$work/root" >/dev/null 2>&1
[[ -f "$work/floor.aot" ]] || { echo "listing-floor.sh: the AOT cache was not made" >&2; exit 1; }
KOMPOSE_JAVA_HOME="$newest" "$here/../kompose" -C "$work/root" --list >/dev/null   # build, train, remember the trees
names=("JVM hello" "reading only, default CDS" "reading only, its own AOT cache" "./kompose --list")
commands=("$java $flags -cp $work/classes Hello"
  "$java $flags -cp $work/floor.jar ListingFloor $work/root"
  "$java -XX:AOTCache=$work/floor.aot $flags -cp $work/floor.jar ListingFloor $work/root"
  "$here/../kompose -C $work/root --list")
for ((round = 0; round * 3 < runs; round++)); do
  KOMPOSE_JAVA_HOME="$newest" hyperfine -N -w 1 -r 3 --style none --export-json "$work/round-$round.json" \
    "${commands[@]}" >/dev/null 2>&1
done
echo "$stacks stacks; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); Java $("$java" -version 2>&1 | head -1)"
python3 - "${names[@]}" -- "$work"/round-*.json <<'PY'
import json, statistics, sys
separator = sys.argv.index("--")
names, paths = sys.argv[1:separator], sys.argv[separator + 1:]
times = {}
for path in paths:
    for index, result in enumerate(json.load(open(path))["results"]):
        times.setdefault(index, []).extend(result["times"])
hello = statistics.median(times[0])
print("| what | median | × hello |")
print("|---|---:|---:|")
for index, name in enumerate(names):
    median = statistics.median(times[index])
    print(f"| {name} | {median * 1000:.0f} ms | {median / hello:.2f} |")
PY
