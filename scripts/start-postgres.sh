#!/bin/sh
# Starts a throw-away PostgreSQL for the sync server's tests and benchmarks unless one is already running, and
# prints its URL. Idempotent, like start-pcscd.sh: tests call it every time.
# initdb refuses to run as root (CI runs as root), so as root the cluster belongs to the `postgres` user.
# Exit codes: 0 running (URL on stdout), 3 PostgreSQL not installed, 1 it would not start.
# Env: MOTCUA_PG_PORT (default 54329), MOTCUA_PG_DIR (default /tmp/motcua-pg-<uid>).
set -eu

PORT="${MOTCUA_PG_PORT:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
  exit 3
fi

if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi
DIR="${MOTCUA_PG_DIR:-/tmp/motcua-pg-$(id -u "$OWNER")}"
URL="postgres://$OWNER@127.0.0.1:$PORT/motcua_test"

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; }

if ! ready; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$OWNER" = postgres ] && chown postgres "$DIR"
    chmod 700 "$DIR"
    # trust on loopback only: a test cluster with no secrets, listening on 127.0.0.1 alone.
    as_owner "$BIN/initdb" -D "$DIR" -A trust -U "$OWNER" -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # The socket goes into the data dir: /run/postgresql may not exist in a container.
  as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 30 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200 -c fsync=on" start >/dev/null 2>&1 || true
  if ! ready; then
    echo "PostgreSQL did not start on port $PORT (see $DIR/server.log)" >&2
    exit 1
  fi
fi

if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$OWNER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='motcua_test'" | grep -q 1; then
  as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$OWNER" motcua_test 2>/dev/null || true
fi
echo "$URL"
