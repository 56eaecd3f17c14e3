#!/usr/bin/env bash
# CTest fixture: one throwaway PostgreSQL cluster for the integration and api suites, on a
# free port; its URL is written to URL_FILE. Tests create their own databases inside it.
# Usage: pg-fixture.sh start|stop DIR URL_FILE
set -euo pipefail
cmd=$1 dir=$2 url_file=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
case $cmd in
  start)
    rm -rf "$dir" && mkdir -p "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    "$root/scripts/pg-local" start "$dir" "$port" >"$url_file"
    ;;
  stop)
    [[ -f $dir/port ]] && "$root/scripts/pg-local" stop "$dir" "$(cat "$dir/port")"
    home=$(cat "$dir/location" 2>/dev/null || echo "$dir")
    rm -rf "$home" "$dir"
    ;;
esac
