#!/bin/sh
# /usr/bin/kompose, installed by the kompose .deb: runs kompose on the package's own trimmed Java
# runtime with the AOT cache trained at build time for that runtime and jar (packaging/build-deb.sh).
# No Java, no Maven, no source scan: one exec. POSIX sh (dash starts faster than bash).
app=/opt/kompose/lib

# The JVM decodes environment variables and file names with the locale's charset, and cron,
# `ssh host cmd` and systemd often set none, so every non-ASCII character would become '?'. The same
# script as the checkout launcher's gives the JVM a UTF-8 locale when the caller's is not, and has
# kompose hand the caller's locale back to its children (launcher/utf8-locale.sh, docs/locale.md).
. "$app/utf8-locale.sh"
kompose_utf8_locale

# Three caches: an AOT cache loads all its classes at start, and one-shot commands should not load
# the shell's JLine and Lanterna. The shell's is chosen by the words on the line (bare kompose = shell).
# C1 only (quicker to start) unless the command moves dump data: checksums need C2's SHA-256
# intrinsic (400 MB: 0.43 s, C1 2.8 s), so the shell, db:export and db:verify, unless a dry run,
# get the full tiered JIT (as the checkout launcher decides).
# A third for real database commands and status (not dry runs), trained on runs that start processes.
kind=run
hashes_dumps=0
dry_run=0
works=0
[ "$#" -eq 0 ] && kind=shell && hashes_dumps=1
for word in "$@"; do
  case "$word" in
    shell) kind=shell; hashes_dumps=1 ;;
    db:export | db:verify) hashes_dumps=1; works=1 ;;
    db:import | db:cleanup | status) works=1 ;;
    --dry-run | -n) dry_run=1 ;;
  esac
done
[ "$kind" = run ] && [ "$works" = 1 ] && [ "$dry_run" = 0 ] && kind=work
jit=-XX:TieredStopAtLevel=1
[ "$hashes_dumps" = 1 ] && [ "$dry_run" = 0 ] && jit=-XX:TieredStopAtLevel=4
exec "$app/runtime/bin/java" -XX:AOTCache="$app/app/kompose-$kind.aot" \
  "$jit" -XX:+UseSerialGC -XX:-UsePerfData -Xss1m -Xlog:disable -Xlog:all=warning:stderr \
  --enable-native-access=ALL-UNNAMED \
  -cp "$app/app/kompose.jar" dev.kompose.Main "$@"
