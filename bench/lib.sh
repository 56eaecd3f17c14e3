# Helpers shared by the benchmark scripts (sourced; each script sets $out first).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Reading a wrk --latency report saved as $out/NAME.txt.
field() { awk -v k="$2" '$1 == k {print $2}' "$out/$1.txt"; }
rps() { awk '/Requests\/sec/ {printf "%d", $2}' "$out/$1.txt"; }
errors() { grep -E 'Socket errors|Non-2xx' "$out/$1.txt" | tr -s ' ' | paste -sd';' - || true; }
cpu_model() { grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'; }

# Replaces the NAME section of bench/RESULTS.md (between its markers) with TEXT, or appends it.
update_results() {  # NAME TEXT
  python3 - "$1" "$2" <<'PY'
import pathlib, re, sys
name, section = sys.argv[1], sys.argv[2]
path = pathlib.Path("bench/RESULTS.md")
text = path.read_text() if path.exists() else "# Benchmark results\n\nEach section is rewritten by its script; raw outputs land in `bench/out/` (git-ignored).\n"
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
block = begin + "\n" + section + "\n" + end
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + block + "\n"
path.write_text(text)
PY
}

# A private PostgreSQL for the run, in $out/pg: sets db_url; it and the server stop on exit.
start_pg() {
  pg_dir=$out/pg pg_port=$(free_port)
  db_url=$(scripts/pg-local start "$pg_dir" "$pg_port")
  trap stop_all EXIT
}
stop_all() {
  [[ -n ${server_pid:-} ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [[ -n ${pg_dir:-} ]] && scripts/pg-local stop "$pg_dir" "$pg_port"
}

# `$bin serve` on $db_url and $port, in the background, VAR=value arguments added to its
# environment; its output in $out/server.log. Returns once it listens; sets server_pid.
# Every benchmark client comes from 127.0.0.1, so the connection caps are lifted (the
# process cap still stops at what the open-file limit allows); arguments may set them.
start_declic() {
  env DECLIC_ENV_FILE=/dev/null DATABASE_URL="$db_url" PORT="$port" \
    MAX_CONNECTIONS=1000000 MAX_CONNECTIONS_PER_ADDRESS=1000000 "$@" "$bin" serve \
    >"$out/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q '"listening"' "$out/server.log" && return; sleep 0.1; done
  echo "server did not start" >&2 && cat "$out/server.log" >&2 && exit 1
}
