#!/usr/bin/env bash
# Starts the sshd fixture of the e2e suite (idempotent): Debian's openssh-server binary, run by
# us as a test fixture (never a system service), listening on 127.0.0.1:$E2E_SSH_PORT only, with
# a host key and a client key generated under $E2E_SSH_DIR, public-key login for root only, and
# every session pointed at engine 2 (SetEnv DOCKER_HOST=unix://$E2E_SOCK2), so that
# `docker -H ssh://kompose-e2e-engine2` reaches engine 2 as a remote host would be reached.
# Writes $E2E_SSH_DIR/config (alias kompose-e2e-engine2: HostName, Port, User, IdentityFile,
# known hosts) and $E2E_SSH_BIN/ssh (`ssh -F that config`), which stands for the user's own ssh
# setup: ssh reads ~/.ssh/config from the passwd home, so a test cannot give it one otherwise.
# Log (LogLevel VERBOSE: one "Accepted publickey" line per connection): $E2E_SSH_LOG.
# Exit: 0 sshd answers; 1 it does not.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ "$(id -u)" = 0 ] || e2e_die "start-sshd.sh must run as root"
[ -x /usr/sbin/sshd ] || e2e_die "/usr/sbin/sshd missing: run e2e/install.sh (openssh-server)"
dir="$E2E_SSH_DIR"
pidfile="$dir/sshd.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  e2e_log "sshd fixture already running (pid $(cat "$pidfile"))"; exit 0
fi
mkdir -p "$dir" "$E2E_SSH_BIN"; chmod 700 "$dir"
[ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C kompose-e2e-host -f "$dir/host_ed25519"
[ -f "$dir/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C kompose-e2e-client -f "$dir/client_ed25519"
cp "$dir/client_ed25519.pub" "$dir/authorized_keys"; chmod 600 "$dir/authorized_keys"
printf '[127.0.0.1]:%s %s\n' "$E2E_SSH_PORT" "$(cut -d' ' -f1-2 "$dir/host_ed25519.pub")" >"$dir/known_hosts"
cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $E2E_SSH_PORT
HostKey $dir/host_ed25519
PidFile $pidfile
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxSessions 30
MaxStartups 100:30:200
LogLevel VERBOSE
SetEnv DOCKER_HOST=unix://$E2E_SOCK2 PATH=/usr/local/bin:/usr/bin:/bin
CONF
cat >"$dir/config" <<CONF
Host $E2E_SSH_HOST_ALIAS
  HostName 127.0.0.1
  Port $E2E_SSH_PORT
  User root
  IdentityFile $dir/client_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
CONF
printf '#!/bin/sh\n# stands for the user'"'"'s own ssh setup in the e2e tests\nexec /usr/bin/ssh -F %s "$@"\n' "$dir/config" >"$E2E_SSH_BIN/ssh"
chmod 755 "$E2E_SSH_BIN/ssh"
mkdir -p /run/sshd && chmod 755 /run/sshd   # sshd's privilege separation folder
/usr/sbin/sshd -t -f "$dir/sshd_config" || e2e_die "sshd rejects $dir/sshd_config"
: >"$E2E_SSH_LOG"
/usr/sbin/sshd -f "$dir/sshd_config" -E "$E2E_SSH_LOG"
for _ in $(seq 1 50); do
  "$E2E_SSH_BIN/ssh" "$E2E_SSH_HOST_ALIAS" true 2>/dev/null && { e2e_log "sshd fixture up on 127.0.0.1:$E2E_SSH_PORT (pid $(cat "$pidfile"))"; exit 0; }
  sleep 0.1
done
tail -20 "$E2E_SSH_LOG" >&2
e2e_die "sshd fixture does not answer on 127.0.0.1:$E2E_SSH_PORT"
