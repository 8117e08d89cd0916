#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite.
#
#   eval "$(scripts/ensure-postgres.sh start)"   # exports LEGATION_TEST_POSTGRES_URL and LEGATION_PG_DIR
#   scripts/ensure-postgres.sh stop "$LEGATION_PG_DIR"
#
# start: installs Debian's postgresql package if its server binaries are missing
# (needs root and apt-get), creates a new cluster in a temporary directory owned
# by an unprivileged user (PostgreSQL refuses to run as root: the 'postgres' user
# where it exists), starts it on a free port of 127.0.0.1 with trust
# authentication, creates the database legation_test, and prints the shell
# lines that export its URL. Whatever PostgreSQL already runs on the machine is
# left alone. Progress goes to standard error, the exports to standard output.
set -euo pipefail

log() { echo "ensure-postgres: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir)
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

install_postgres() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed, and installing it needs root and apt-get"
    exit 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bindir user dir port run
  bindir=$(find_bindir) || { install_postgres; bindir=$(find_bindir) || { log "no initdb after install"; exit 1; }; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/legation-pg.XXXXXX")
  run=()
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      user=legation-pg
      id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    chown "$user" "$dir"
    run=(runuser -u "$user" --)
  fi
  port=$(free_port)
  log "cluster in $dir, port $port ($bindir)"
  "${run[@]}" "$bindir/initdb" -D "$dir/data" -U legation --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U legation legation_test
  echo "export LEGATION_TEST_POSTGRES_URL=postgresql://legation@127.0.0.1:$port/legation_test"
  echo "export LEGATION_PG_DIR=$dir"
}

stop() {
  local dir=${1:-} bindir run=()
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bindir=$(find_bindir) || return 0
  [ "$(id -u)" = 0 ] && run=(runuser -u "$(stat -c %U "$dir")" --)
  "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
