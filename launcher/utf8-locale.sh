# kompose: give the JVM a UTF-8 locale, and tell kompose the caller's locale so its children get it back.
#
# Sourced (POSIX sh) by ./kompose and by the .deb's /usr/bin/kompose wrapper, before `exec java`/the
# jpackage launcher. The JVM decodes the environment, arguments and file names with the locale's
# charset and encodes what it passes to children the same way; with no LANG/LC_* (cron, systemd,
# `ssh host kompose ...`) every non-ASCII character becomes "?". Measured on Java 17 and Temurin 25:
# -Dsun.jnu.encoding is ignored, -Dfile.encoding=UTF-8 helps Java 17 only; a UTF-8 LC_CTYPE (or
# LC_ALL, which overrides it) works on both. So when the effective locale is not UTF-8, this sets
# one for the JVM only and records what the caller had in KOMPOSE_LOCALE_RESTORE
# ("LC_ALL=<value> LC_CTYPE=<value>", empty = unset); kompose puts those back in the environment
# of every process it starts (docker compose, hooks, pg_dump), so they run in the caller's locale
# and still receive every value byte for byte.

kompose_utf8_locale() {
  [ -n "${KOMPOSE_LOCALE_RESTORE+set}" ] && return 0   # already done (a launcher started by kompose)
  # the usual case without a fork: the effective locale names UTF-8 (LC_ALL over LC_CTYPE over LANG)
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *.UTF-8|*.utf8|*.UTF8|*.utf-8) return 0 ;;
  esac
  command -v locale >/dev/null 2>&1 || return 0
  case "$(locale charmap 2>/dev/null)" in
    UTF-8|utf-8|utf8|UTF8) return 0 ;;
  esac
  kompose_utf8=""
  for kompose_candidate in C.UTF-8 C.utf8 en_US.UTF-8 $(locale -a 2>/dev/null | grep -i 'utf-\?8' | head -n 1); do
    if [ "$(LC_ALL="$kompose_candidate" locale charmap 2>/dev/null)" = UTF-8 ]; then
      kompose_utf8="$kompose_candidate"; break
    fi
  done
  [ -n "$kompose_utf8" ] || { unset kompose_utf8 kompose_candidate; return 0; }
  KOMPOSE_LOCALE_RESTORE="LC_ALL=${LC_ALL-} LC_CTYPE=${LC_CTYPE-}"
  export KOMPOSE_LOCALE_RESTORE
  if [ -n "${LC_ALL-}" ]; then
    LC_ALL="$kompose_utf8"; export LC_ALL
  else
    LC_CTYPE="$kompose_utf8"; export LC_CTYPE
  fi
  unset kompose_utf8 kompose_candidate
}
