#!/usr/bin/env bash
# The team sync load run: a fresh server on the PostgreSQL the PG* variables
# name (run it inside `pg_virtualenv`), one user per desktop, then
# `incidents bench-sync`. Usage: .ci/sync_bench.sh DESKTOPS CHANGES BIN_DIR
#   pg_virtualenv .ci/sync_bench.sh 50 100 target/release   (docs/PERFORMANCE.md)
set -euo pipefail
desktops=${1:-5} changes=${2:-10} bin=${3:-target/debug}
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bin/incidents-server" migrate >/dev/null
for n in $(seq "$desktops"); do
  "$bin/incidents-server" user add "bench$n" | tail -1
done > "$dir/tokens"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/incidents-server" serve --listen "127.0.0.1:$port" 2>"$dir/server.log" &
pid=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
"$bin/incidents" bench-sync --server "http://127.0.0.1:$port" --tokens "$dir/tokens" --changes "$changes"
# The desktops share this machine's cores; the server's own share is this.
echo "incidents-server CPU time: $(ps -o cputime= -p "$pid" | tr -d ' ') (PostgreSQL not counted)"
