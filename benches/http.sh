#!/usr/bin/env bash
# Benchmarks a net/http service (benches/http/server.go: a hello-world
# handler and a JSON echo) built natively, run with GOMAXPROCS=1 and with
# the default, and built with gowasm, run by gowasm-run alone and as two
# replicas sharing the port (--replicas 2); each is driven by wrk over
# loopback. Go's own wasip1 build is not measured: its net.Listen
# is an in-process fake network that no client can reach.
#
# For each build it reports the server's resident memory when it has
# started and while it then holds $IDLE idle keep-alive connections
# (benches/http/idle.go opens them, one request each), with the memory per
# connection, and then requests/s and the p50/p99 latency of the two
# handlers (wrk --latency). gowasm-run loads the module from its cache, as
# a deployed server does (a first start fills it). The
# report (Markdown) replaces the "net/http servers" section of
# docs/perf.md (OUT=file writes it there instead) and is printed; progress
# goes to stderr.
#
# Usage: benches/http.sh                       (from any directory)
#   DURATION=10s   length of each wrk run
#   CONNS=50       wrk connections
#   THREADS=2      wrk threads
#   IDLE=1000      idle keep-alive connections
#
# Loopback only; every server is stopped at the end (also on failure).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration="${DURATION:-10s}"
conns="${CONNS:-50}"
threads="${THREADS:-2}"
idle="${IDLE:-1000}"
out_file="${OUT:-$root/docs/perf.md}"
: "${GOWASM_CACHE:=$root/target/gowasm-cache}"
export GOWASM_CACHE

command -v wrk >/dev/null || {
	echo "benches/http.sh needs wrk (apt-get install wrk)" >&2
	exit 1
}
if [[ ! -x target/release/gowasm || ! -x target/release/gowasm-run ]]; then
	echo "building gowasm and gowasm-run..." >&2
	cargo build --release -p compiler -p vm >&2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
	if [[ -n "$server_pid" ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "building the server and the idle client..." >&2
go build -o "$work/server" benches/http/server.go
go build -o "$work/idle" benches/http/idle.go
target/release/gowasm build -o "$work/server.wasm" benches/http/server.go
cp target/release/gowasm-run "$work/gowasm-run"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# start_server LOG CMD...: starts a server; sets server_pid and addr.
start_server() {
	local log="$1"
	shift
	"$@" >"$log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 600); do
		if grep -q "listening on" "$log"; then
			addr="$(sed -n 's/^listening on //p' "$log" | head -1)"
			return
		fi
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "server failed:" >&2
			cat "$log" >&2
			exit 1
		fi
		sleep 0.2
	done
	echo "server did not start" >&2
	exit 1
}

stop_server() {
	kill "$server_pid"
	wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

# to_ms VALUE: a wrk latency (12.3us, 4.5ms, 1.2s) in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0
		if (v ~ /us$/) n /= 1000
		else if (v ~ /ms$/) n += 0
		else if (v ~ /s$/) n *= 1000
		printf "%.2f", n
	}'
}

# bench URL [wrk args...]: "req/s p50 p99" of one wrk run.
bench() {
	local url="$1"
	shift
	local out
	out="$(wrk -t"$threads" -c"$conns" -d"$duration" --latency "$@" "$url")"
	if grep -q "Non-2xx" <<<"$out"; then
		echo "non-2xx responses from $url:" >&2
		echo "$out" >&2
		exit 1
	fi
	local rps p50 p99
	rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")"
	p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
	p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
	echo "$rps $p50 $p99"
}

# idle_memory: "before_kb during_kb" of the server around $idle idle
# keep-alive connections.
idle_memory() {
	local before during fifo="$work/idle.in"
	before="$(rss_kb "$server_pid")"
	rm -f "$fifo"
	mkfifo "$fifo"
	"$work/idle" -addr "$addr" -n "$idle" <"$fifo" >"$work/idle.out" &
	local idle_pid=$!
	exec 3>"$fifo"
	for _ in $(seq 1 600); do
		grep -q ready "$work/idle.out" && break
		kill -0 "$idle_pid" 2>/dev/null || {
			echo "idle client failed" >&2
			exit 1
		}
		sleep 0.1
	done
	sleep 1
	during="$(rss_kb "$server_pid")"
	exec 3>&-
	wait "$idle_pid"
	echo "$before $during"
}

rows=()
declare -A hello_rps hello_p99
# Replicas share one port, which must be fixed.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for build in native1 native gowasm gowasm2; do
	case "$build" in
	native1) label="native Go, GOMAXPROCS=1" cmd=(env GOMAXPROCS=1 "$work/server" -addr 127.0.0.1:0) ;;
	native) label="native Go, GOMAXPROCS=$(nproc)" cmd=("$work/server" -addr 127.0.0.1:0) ;;
	gowasm) label="gowasm-run" cmd=("$work/gowasm-run" --listen '127.0.0.1:*' "$work/server.wasm" -addr 127.0.0.1:0) ;;
	gowasm2)
		port="$(free_port)"
		label="gowasm-run --replicas 2"
		cmd=("$work/gowasm-run" --replicas 2 --listen "127.0.0.1:$port" "$work/server.wasm" -addr "127.0.0.1:$port")
		;;
	esac
	echo "$label: starting..." >&2
	if [[ "$build" == gowasm ]]; then
		# A first start compiles the module into the cache: the measured
		# server loads it, as a deployed one does.
		start_server "$work/$build.log" "${cmd[@]}"
		stop_server
	fi
	start_server "$work/$build.log" "${cmd[@]}"
	echo "$label: $idle idle connections..." >&2
	read -r before during <<<"$(idle_memory)"
	wrk -t1 -c8 -d2s "http://$addr/hello" >/dev/null
	echo "$label: hello..." >&2
	read -r rps p50 p99 <<<"$(bench "http://$addr/hello")"
	hello_rps[$build]=$rps
	hello_p99[$build]=$p99
	echo "$label: json echo..." >&2
	read -r erps ep50 ep99 <<<"$(bench "http://$addr/echo" -s benches/http/echo.lua)"
	per_conn="$(awk -v b="$before" -v d="$during" -v n="$idle" 'BEGIN {printf "%.1f", (d - b) / n}')"
	rows+=("| $label | $rps | $p50 | $p99 | $erps | $ep50 | $ep99 | $((before / 1024)) | $((during / 1024)) | $per_conn |")
	stop_server
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

report="$(
	cat <<EOF
## net/http servers

\`benches/http.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, wrk -t$threads -c$conns -d$duration
over loopback, client and server on the same machine; one run): the
service of \`benches/http/server.go\`. Latencies in ms; memory is the
server's resident set in MB once started and while it then holds $idle
idle keep-alive connections, and the difference per connection in KB. Go's
wasip1 build cannot serve: its \`net.Listen\` is an in-process fake
network.

| build | hello req/s | p50 | p99 | JSON echo req/s | p50 | p99 | RSS MB | RSS MB, $idle idle | KB/conn |
|---|---|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

gowasm-run against native Go with GOMAXPROCS=1 on hello world:
throughput $(ratio "${hello_rps[gowasm]}" "${hello_rps[native1]}")×, p99 latency
$(ratio "${hello_p99[gowasm]}" "${hello_p99[native1]}")×. Two replicas against one:
throughput $(ratio "${hello_rps[gowasm2]}" "${hello_rps[gowasm]}")× (wrk runs on the same cores).
EOF
)"

echo "$report"
if [[ -f "$out_file" ]] && grep -q '^## net/http servers' "$out_file"; then
	# Replace the section (up to the next "## " heading).
	awk -v report="$report" '
		/^## net\/http servers/ { print report; skip = 1; next }
		skip && /^## / { skip = 0; print "" }
		!skip { print }
	' "$out_file" >"$work/perf.md"
	cp "$work/perf.md" "$out_file"
else
	printf '\n%s\n' "$report" >>"$out_file"
fi
