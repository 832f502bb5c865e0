#!/bin/sh
# Starts pcscd (with the readers of /etc/reader.conf.d/, among them vsmartcard-vpcd's "Virtual PCD" on
# localhost:35963) unless one is already running. Idempotent, so tests and developers can call it every time.
# Exit codes: 0 running, 3 pcscd not installed, 1 it would not start.
set -eu

PCSCD="$(command -v pcscd || true)"
[ -z "$PCSCD" ] && [ -x /usr/sbin/pcscd ] && PCSCD=/usr/sbin/pcscd
if [ -z "$PCSCD" ]; then
  echo "pcscd is not installed (Debian: apt-get install pcscd vsmartcard-vpcd)" >&2
  exit 3
fi

running() {
  # The socket, not only the process: clients talk to /run/pcscd/pcscd.comm.
  pgrep -x pcscd >/dev/null 2>&1 && [ -S /run/pcscd/pcscd.comm ]
}

if running; then
  exit 0
fi

# pcscd puts its socket and pid file in /run/pcscd, which systemd would create; containers have no systemd.
if [ ! -d /run/pcscd ]; then
  mkdir -p /run/pcscd 2>/dev/null || sudo -n mkdir -p /run/pcscd
fi

if [ "$(id -u)" -eq 0 ]; then
  "$PCSCD"
else
  sudo -n "$PCSCD"
fi

# pcscd forks and returns before its socket exists; wait for it (up to 5 s).
i=0
while [ $i -lt 50 ]; do
  if running; then
    exit 0
  fi
  sleep 0.1
  i=$((i + 1))
done
echo "pcscd did not start (no /run/pcscd/pcscd.comm)" >&2
exit 1
