#!/usr/bin/env bash
# check-deb.sh DEB STACKS — installs the kompose .deb, uses it as an operator would, removes it and
# checks that nothing is left behind. Needs root (CI runs as root); changes the system: CI only.
set -euo pipefail
deb="${1:?usage: check-deb.sh DEB STACKS}"
stacks="${2:?usage: check-deb.sh DEB STACKS}"
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
step() { echo "check-deb: $*"; }

files="$(mktemp)" before="$(mktemp)"
trap 'rm -f "$files" "$before"' EXIT
if dpkg -s kompose >/dev/null 2>&1; then
  step "removing a kompose installed before"
  dpkg --purge kompose >/dev/null
fi
# the package's paths, and which of them exist before it is installed (/opt, /usr/share/man/man1, ...)
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|; s|/$||' | grep -v '^/\?$' >"$files"
while IFS= read -r path; do
  if [[ -e "$path" || -L "$path" ]]; then echo "$path"; fi
done <"$files" >"$before"
step "$(grep -c . "$files") paths in the package, $(grep -c . "$before") of them (system folders) there before"

step "dpkg -i $deb"
# (the path-include undoes a minimal image's man page exclusion in /etc/dpkg/dpkg.cfg.d, if any)
dpkg -i --path-include=/usr/share/man/man1/kompose.1.gz "$deb" >/dev/null
[[ -x /usr/bin/kompose ]] || fail "/usr/bin/kompose missing"

step "/usr/bin/kompose --version"
version="$(cd / && env -u JAVA_HOME PATH=/usr/bin:/bin /usr/bin/kompose --version)"
echo "  $version"
[[ "$version" == "kompose "[0-9]* ]] || fail "--version printed: $version"

step "/usr/bin/kompose -C $stacks --list"
list="$(cd / && env -u JAVA_HOME PATH=/usr/bin:/bin /usr/bin/kompose -C "$stacks" --list)"
sed 's/^/  /' <<<"$list"
grep -q '^news ' <<<"$list" || fail "--list does not show the example stack news"

step "bash completion from /usr/share/bash-completion/completions/kompose: 'kompose -C $stacks ne<TAB>'"
completed="$(cd / && PATH=/usr/bin:/bin bash --norc --noprofile -c '
  source /usr/share/bash-completion/completions/kompose
  COMP_LINE="kompose -C $1 ne"; COMP_POINT=${#COMP_LINE}
  COMP_WORDS=(kompose -C "$1" ne); COMP_CWORD=3
  _kompose; printf "%s\n" "${COMPREPLY[@]}"' bash "$stacks")"
echo "  $completed"
grep -qx 'news' <<<"$completed" || fail "bash completion did not offer news"
[[ -f /usr/share/zsh/vendor-completions/_kompose ]] || fail "zsh completion missing"
[[ -f /usr/share/fish/vendor_completions.d/kompose.fish ]] || fail "fish completion missing"

step "man kompose"
page="$(MANPAGER=cat MANWIDTH=80 man kompose 2>/dev/null)" || fail "man kompose failed"
sed -n '1,4p' <<<"$page" | sed 's/^/  /'
grep -q -- '--dry-run' <<<"$page" || fail "the man page does not document --dry-run"

step "dpkg --purge kompose"
dpkg --purge kompose >/dev/null
! dpkg -s kompose >/dev/null 2>&1 || fail "dpkg still knows kompose"
left=()
while IFS= read -r path; do
  [[ -e "$path" || -L "$path" ]] || continue
  grep -qxF -- "$path" "$before" && continue
  left+=("$path")
done <"$files"
if [[ -e /opt/kompose ]]; then left+=(/opt/kompose); fi
((${#left[@]} == 0)) || fail "left behind: ${left[*]}"
step "removed; none of its $(grep -c . "$files") paths is left"
