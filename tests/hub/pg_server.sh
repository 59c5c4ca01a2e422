#!/usr/bin/env bash
# A PostgreSQL 15 server of the tests' own: `pg_server.sh start DIR` makes a cluster in DIR (trust
# authentication, loopback only, a free port written to DIR/port) and starts it; `pg_server.sh stop DIR`
# stops it and removes DIR; `halt DIR` stops it at once (as a crash would) and `resume DIR` starts it
# again on its port. PostgreSQL refuses to run as root, so as root the server runs as the
# unprivileged user scripts/setup.sh creates (mw-hub-test).
set -euo pipefail
action="${1:?usage: pg_server.sh start|stop|halt|resume DIR}"
dir="${2:?usage: pg_server.sh start|stop|halt|resume DIR}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "pg_server.sh: PostgreSQL's server is not installed (Debian package postgresql-15)" >&2; exit 1; }

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id mw-hub-test >/dev/null 2>&1 || { echo "pg_server.sh: user mw-hub-test is missing (run scripts/setup.sh ci test)" >&2; exit 1; }
  as_owner=(runuser -u mw-hub-test --)
fi

run_server() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$1 -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown mw-hub-test "$dir"
  "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # A free loopback port: bound and released by the kernel's choice.
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  run_server "$port"
  echo "$port" >"$dir/port"
  ;;
halt)
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
resume)
  run_server "$(cat "$dir/port")"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg_server.sh start|stop|halt|resume DIR" >&2
  exit 2
  ;;
esac
