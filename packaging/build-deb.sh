#!/usr/bin/env bash
# build-deb.sh VERSION — target/kompose_<VERSION>_amd64.deb from target/kompose.jar (mvn package runs it;
# skip with -Dkompose.deb.skip=true). A server needs no Java and no Maven: `apt install ./kompose_*.deb`.
#   1. jdeps finds the modules the jar needs; jpackage builds an app image with a jlink'd runtime of
#      only those (/opt/kompose: bin/kompose, lib/runtime, lib/app/kompose.jar).
#   2. The AOT caches (JEP 483/514) are trained by running that very runtime and jar in place: one for
#      the one-shot commands, one for real database commands and status (runs that start processes and
#      write the journal), one for the shell (through `script`, which gives it a terminal).
#   3. jpackage makes the .deb from the image; its tree is then completed with /usr/bin/kompose
#      (packaging/kompose.sh), the bash/zsh/fish completions and the man page, both generated from the
#      command model of the jar, and repacked with the image's files as trained (a cache checks its jar and runtime).
# Needs a JDK 25+ ($KOMPOSE_DEB_JDK, else the newest under /usr/lib/jvm), fakeroot and dpkg-deb.
set -euo pipefail
version="${1:?usage: build-deb.sh VERSION}"
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$project/target"
jar="$target/kompose.jar"
work="$target/deb"
deb="$target/kompose_${version}_amd64.deb"

jdk="${KOMPOSE_DEB_JDK:-}"
if [[ -z "$jdk" ]]; then
  for candidate in /usr/lib/jvm/*/; do
    release="${candidate}release"
    [[ -f "$release" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    [[ -n "$major" && "$major" -ge 25 && -x "${candidate}bin/jpackage" ]] && jdk="${candidate%/}"
  done
fi
if [[ -z "$jdk" || ! -x "$jdk/bin/jpackage" ]]; then
  echo "build-deb: no JDK 25+ with jpackage found (set KOMPOSE_DEB_JDK, or build with -Dkompose.deb.skip=true)" >&2
  exit 1
fi
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
done
# the caches and the repacked tree keep the files' times: a clamped time would invalidate the caches
unset SOURCE_DATE_EPOCH

rm -rf "$work" "$deb"
mkdir -p "$work/input"
cp -p "$jar" "$work/input/kompose.jar"

echo "build-deb: [$SECONDS s] modules (jdeps)"
modules="$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps "$jar")"
echo "build-deb: [$SECONDS s]   $modules"

# The JVM flags: the same for training and for /usr/bin/kompose (packaging/kompose.sh).
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m -Xlog:disable -Xlog:all=warning:stderr
  --enable-native-access=ALL-UNNAMED)

echo "build-deb: [$SECONDS s] app image with its own runtime (jpackage, jlink)"
java_options=(--java-options '-XX:AOTCache=$APPDIR/kompose-run.aot')
for flag in "${flags[@]}"; do java_options+=(--java-options "$flag"); done
"$jdk/bin/jpackage" --type app-image --dest "$work/image" --name kompose --app-version "$version" \
  --input "$work/input" --main-jar kompose.jar --main-class dev.kompose.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  "${java_options[@]}"
image="$work/image/kompose"
java="$image/lib/runtime/bin/java"
app="$image/lib/app"

echo "build-deb: [$SECONDS s] training the AOT caches on the packaged runtime"
state="$work/training-state"
XDG_STATE_HOME="$state" "$java" -XX:AOTCacheOutput="$app/kompose-run.aot" "${flags[@]}" \
  -cp "$app/kompose.jar" dev.kompose.StartupTraining "$project/stacks" </dev/null >"$work/training-run.log" 2>&1
XDG_STATE_HOME="$state" "$java" -XX:AOTCacheOutput="$app/kompose-work.aot" "${flags[@]}" \
  -cp "$app/kompose.jar" dev.kompose.StartupTraining "$project/stacks" work </dev/null >"$work/training-work.log" 2>&1
train_shell=("$java" -XX:AOTCacheOutput="$app/kompose-shell.aot" "${flags[@]}" -cp "$app/kompose.jar"
  dev.kompose.StartupTraining "$project/stacks" shell)
printf 'li\t\nnews db:ex\t--dry-run\nexit\n' | XDG_STATE_HOME="$state" TERM=xterm \
  script -qec "$(printf '%q ' "${train_shell[@]}")" /dev/null >"$work/training-shell.log" 2>&1
for kind in run work shell; do
  [[ -s "$app/kompose-$kind.aot" ]] || { echo "build-deb: training the $kind cache failed (see $work/training-$kind.log)" >&2; exit 1; }
done
chmod 644 "$app"/*.aot

echo "build-deb: [$SECONDS s] man page and completions from the command model"
mkdir -p "$work/man" "$work/completions"
"$java" -cp "$app/kompose.jar" dev.kompose.manual.ManPage "$work/man/kompose.1"
gzip -9n "$work/man/kompose.1"
for shell in bash zsh fish; do
  "$java" -jar "$app/kompose.jar" completion "$shell" >"$work/completions/kompose.$shell"
done

echo "build-deb: [$SECONDS s] .deb (jpackage)"
# its .deb is only unpacked again below: not compressed (dpkg-deb reads this variable since 1.21.10)
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --dest "$work/jpackage" --app-image "$image" --name kompose --app-version "$version" \
  --description "Docker Compose commands and PostgreSQL dump / restore over a folder of stacks, with hooks" \
  --vendor kompose --linux-package-name kompose --linux-app-category admin \
  --linux-deb-maintainer kompose@localhost

echo "build-deb: [$SECONDS s] completing the package: /usr/bin/kompose, completions, man page"
root="$work/root"
fakeroot dpkg-deb -R "$work/jpackage/"kompose_*.deb "$root"
# the image as trained, times kept (jpackage's copy may differ in mtimes, which the caches check)
rm -rf "$root/opt/kompose"
cp -a "$image" "$root/opt/kompose"
install -D -m 755 "$project/packaging/kompose.sh" "$root/usr/bin/kompose"
install -D -m 644 "$project/launcher/utf8-locale.sh" "$root/opt/kompose/lib/utf8-locale.sh"
install -D -m 644 "$work/completions/kompose.bash" "$root/usr/share/bash-completion/completions/kompose"
install -D -m 644 "$work/completions/kompose.zsh" "$root/usr/share/zsh/vendor-completions/_kompose"
install -D -m 644 "$work/completions/kompose.fish" "$root/usr/share/fish/vendor_completions.d/kompose.fish"
install -D -m 644 "$work/man/kompose.1.gz" "$root/usr/share/man/man1/kompose.1.gz"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
fakeroot dpkg-deb --build -Zxz -z1 "$root" "$deb" >/dev/null   # xz -1: 8 s instead of 100 s, 41 MB instead of 36
echo "build-deb: [$SECONDS s] $deb ($(du -h "$deb" | cut -f1))"
