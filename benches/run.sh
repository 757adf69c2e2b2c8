#!/usr/bin/env bash
# Benchmarks gowasm against native Go and Go's own WebAssembly port.
#
# For each program in benches/programs (see PROGRAMS below) it builds
#   (a) native:  go build
#   (b) wasip1:  GOOS=wasip1 GOARCH=wasm go build, run by benches/wasi-run
#                (WASI preview 1 on the same Wasmtime version as gowasm-run)
#   (c) gowasm:  gowasm build, run by gowasm-run
# records each build's time and module size, runs each build $RUNS times
# (default 5) and takes the median wall time and the largest peak RSS, and
# checks that every run exits 0 and prints exactly what the native build
# printed (stdout and stderr; the programs print checksums with println): a
# wrong fast answer is a failure. Startup is measured on examples/hello.
#
# The report (Markdown) is written to docs/perf.md and printed; the
# progress goes to stderr. Exit status 1 if anything failed (a FAIL row in
# the table and a list of failures under it).
#
# Usage: benches/run.sh                       (from any directory)
#   RUNS=n           runs per build (default 5)
#   PROGRAMS="a b"   program names (files benches/programs/NAME.go); default:
#                    all of them except goroutine_spawn and
#                    compute_nonblocking, which benches/goroutines.sh covers
#   OUT=file         where to write the report (default docs/perf.md)
#
# Compiled-module caches: wasi-run and gowasm-run each get a fresh Wasmtime
# cache directory per harness run; the first run of each module is cold
# (Cranelift compiles it; reported as "first run") and the timed runs hit the
# cache, as `wasmtime run` and gowasm-run do by default. (A gowasm-run without
# --no-cache has no cache: then every gowasm run is cold.) gowasm and
# gowasm-run are copied at the start, so a rebuild during the run does not
# mix versions.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
out_file="${OUT:-$root/docs/perf.md}"
: "${GOWASM_CACHE:=$root/target/gowasm-cache}"
export GOWASM_CACHE
gowasm="$root/target/release/gowasm"
gowasm_run="$root/target/release/gowasm-run"
wasi_run="$root/target/wasi-run/release/wasi-run"

if [[ ! -x "$gowasm" || ! -x "$gowasm_run" ]]; then
	echo "building gowasm and gowasm-run..." >&2
	cargo build --release -p compiler -p vm >&2
fi
# benches/wasi-run is its own workspace with its own target directory.
echo "building benches/wasi-run..." >&2
(cd "$root/benches/wasi-run" && CARGO_TARGET_DIR="$root/target/wasi-run" cargo build --release --quiet >&2)

if [[ -n "${PROGRAMS:-}" ]]; then
	read -r -a programs <<<"$PROGRAMS"
else
	programs=()
	for f in "$root"/benches/programs/*.go; do
		name="$(basename "$f" .go)"
		case "$name" in
		goroutine_spawn | compute_nonblocking) ;;
		*) programs+=("$name") ;;
		esac
	done
fi

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasmtime_cache="$work/wasmtime-cache"
# A snapshot of the tools under test, and the commit they were built from.
rev="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
	rev="$rev (with uncommitted changes)"
fi
mkdir "$work/bin"
cp "$gowasm" "$gowasm_run" "$work/bin/"
gowasm="$work/bin/gowasm"
gowasm_run="$work/bin/gowasm-run"
# gowasm-run keeps compiled modules in $GOWASM_CACHE/modules (if it has a
# cache: --no-cache); its runs get a GOWASM_CACHE of their own.
gowasm_run_cache="$work/gowasm-run-cache"
gowasm_has_cache=0
if "$gowasm_run" --help 2>&1 | grep -q -- --no-cache; then
	gowasm_has_cache=1
fi
run_gowasm=(env GOWASM_CACHE="$gowasm_run_cache" "$gowasm_run")

have_time=1
if ! /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	have_time=0
	echo "warning: GNU time (/usr/bin/time) not found: peak RSS not measured" >&2
fi

failures=()
# fail MESSAGE: records a failure (reported at the end, exit status 1).
fail() {
	failures+=("$1")
	echo "FAIL: $1" >&2
}

now() { date +%s.%N; }

# run_once TAG EXPECTED CMD...: one run of CMD with stdout and stderr in
# $work/TAG.{out,err}; appends its wall time to $work/TAG.times and its peak
# RSS (KB) to $work/TAG.rss. With EXPECTED (a path prefix), the output must
# equal EXPECTED.out and EXPECTED.err. Returns 1 (after `fail`) otherwise.
run_once() {
	local tag="$1" expected="$2" t0 t1 status=0
	shift 2
	t0="$(now)"
	if ((have_time)); then
		/usr/bin/time -f %M -o "$work/$tag.rss1" timeout 300 "$@" >"$work/$tag.out" 2>"$work/$tag.err" || status=$?
	else
		timeout 300 "$@" >"$work/$tag.out" 2>"$work/$tag.err" || status=$?
	fi
	t1="$(now)"
	if ((status != 0)); then
		fail "$tag: exit status $status: $(tail -c 2000 "$work/$tag.err")"
		return 1
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$work/$tag.times"
	if ((have_time)); then
		tail -n 1 "$work/$tag.rss1" >>"$work/$tag.rss"
	fi
	if [[ -n "$expected" ]]; then
		if ! cmp -s "$expected.err" "$work/$tag.err" || ! cmp -s "$expected.out" "$work/$tag.out"; then
			fail "$tag: output differs from native: $(diff "$expected.err" "$work/$tag.err" | head -c 2000)$(diff "$expected.out" "$work/$tag.out" | head -c 1000)"
			return 1
		fi
	fi
}

# measure TAG EXPECTED CMD...: $runs runs (see run_once); stops at the first
# failure.
measure() {
	local tag="$1" i
	: >"$work/$tag.times"
	: >"$work/$tag.rss"
	for ((i = 0; i < runs; i++)); do
		run_once "$@" || return 1
	done
}

# median FILE / max FILE: of the numbers in FILE, one per line ("" if none).
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
max() {
	sort -g "$1" | tail -n 1
}

# timed_build TAG CMD...: runs a build, its wall time in $work/TAG.build;
# on failure records the error text and returns 1.
timed_build() {
	local tag="$1" t0 t1
	shift
	t0="$(now)"
	if ! "$@" >"$work/$tag.buildlog" 2>&1; then
		fail "$tag: build failed: $(head -c 3000 "$work/$tag.buildlog")"
		return 1
	fi
	t1="$(now)"
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >"$work/$tag.build"
}

# Formatting: "–" for missing values.
fmt_s() { [[ -n "${1:-}" ]] && awk -v x="$1" 'BEGIN { printf "%.3f", x }' || printf '–'; }
fmt_kb() { [[ -n "${1:-}" ]] && awk -v x="$1" 'BEGIN { printf "%.0f", x / 1024 }' || printf '–'; }
fmt_mb() { [[ -n "${1:-}" ]] && awk -v x="$1" 'BEGIN { printf "%.1f", x / 1024 }' || printf '–'; }
# ratio A B: A/B as "1.23×" ("–" if either is missing).
ratio() {
	[[ -n "${1:-}" && -n "${2:-}" ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }' || printf '–'
}

# Ratios collected for the geometric means.
: >"$work/geo.gowasm_native"
: >"$work/geo.wasip1_gowasm"
: >"$work/geo.size"
geomean() {
	awk '{ s += log($1); n++ } END { if (n) printf "%.2f× (%d programs)", exp(s / n), n; else printf "–" }' "$1"
}

rows=()
for name in "${programs[@]}"; do
	src="$root/benches/programs/$name.go"
	if [[ ! -f "$src" ]]; then
		fail "$name: no such program $src"
		continue
	fi
	echo "== $name" >&2
	nat="$work/$name.native" w1="$work/$name.wasip1.wasm" gw="$work/$name.gowasm.wasm"
	ok_native=0 ok_w1=0 ok_gw=0
	timed_build "$name.native" go build -o "$nat" "$src" && ok_native=1
	timed_build "$name.wasip1" env GOOS=wasip1 GOARCH=wasm go build -o "$w1" "$src" && ok_w1=1
	timed_build "$name.gowasm" "$gowasm" build -o "$gw" "$src" && ok_gw=1

	if ((ok_native)); then
		# The first native run's output is the expected output of every run.
		if run_once "$name.native.first" "" "$nat"; then
			cp "$work/$name.native.first.out" "$work/$name.expected.out"
			cp "$work/$name.native.first.err" "$work/$name.expected.err"
			measure "$name.native" "$work/$name.expected" "$nat" || ok_native=0
		else
			ok_native=0
		fi
	fi
	expected=""
	((ok_native)) && expected="$work/$name.expected"
	if ((ok_w1)); then
		# Cold run (fills Wasmtime's cache), then the timed warm runs.
		if run_once "$name.wasip1.cold" "$expected" env WASI_RUN_CACHE="$wasmtime_cache" "$wasi_run" "$w1"; then
			measure "$name.wasip1" "$expected" env WASI_RUN_CACHE="$wasmtime_cache" "$wasi_run" "$w1" || ok_w1=0
		else
			ok_w1=0
		fi
	fi
	if ((ok_gw)); then
		if run_once "$name.gowasm.cold" "$expected" "${run_gowasm[@]}" "$gw"; then
			measure "$name.gowasm" "$expected" "${run_gowasm[@]}" "$gw" || ok_gw=0
		else
			ok_gw=0
		fi
	fi
	if ((!ok_native)); then
		fail "$name: no native reference output; wasm outputs unchecked"
	fi

	t_nat="" t_w1="" t_gw="" r_nat="" r_w1="" r_gw="" s_w1="" s_gw="" c_nat="" c_w1="" c_gw="" cold_w1="" cold_gw=""
	((ok_native)) && t_nat="$(median "$work/$name.native.times")" && r_nat="$(max "$work/$name.native.rss")"
	((ok_w1)) && t_w1="$(median "$work/$name.wasip1.times")" && r_w1="$(max "$work/$name.wasip1.rss")" && cold_w1="$(cat "$work/$name.wasip1.cold.times")"
	((ok_gw)) && t_gw="$(median "$work/$name.gowasm.times")" && r_gw="$(max "$work/$name.gowasm.rss")" && cold_gw="$(cat "$work/$name.gowasm.cold.times")"
	[[ -f "$w1" ]] && s_w1="$(stat -c %s "$w1")"
	[[ -f "$gw" ]] && s_gw="$(stat -c %s "$gw")"
	[[ -f "$work/$name.native.build" ]] && c_nat="$(cat "$work/$name.native.build")"
	[[ -f "$work/$name.wasip1.build" ]] && c_w1="$(cat "$work/$name.wasip1.build")"
	[[ -f "$work/$name.gowasm.build" ]] && c_gw="$(cat "$work/$name.gowasm.build")"
	[[ -n "$t_gw" && -n "$t_nat" ]] && awk -v a="$t_gw" -v b="$t_nat" 'BEGIN { print a / b }' >>"$work/geo.gowasm_native"
	[[ -n "$t_w1" && -n "$t_gw" ]] && awk -v a="$t_w1" -v b="$t_gw" 'BEGIN { print a / b }' >>"$work/geo.wasip1_gowasm"
	[[ -n "$s_w1" && -n "$s_gw" ]] && awk -v a="$s_w1" -v b="$s_gw" 'BEGIN { print a / b }' >>"$work/geo.size"

	label="$name"
	if ((!ok_native || !ok_w1 || !ok_gw)); then
		bad=()
		((ok_native)) || bad+=(native)
		((ok_w1)) || bad+=(wasip1)
		((ok_gw)) || bad+=(gowasm)
		label="**FAIL** $name (${bad[*]})"
	fi
	rows+=("| $label | $(fmt_s "$t_nat") | $(fmt_s "$t_w1") | $(fmt_s "$t_gw") | $(ratio "$t_gw" "$t_nat") | $(ratio "$t_w1" "$t_gw") | $(fmt_kb "$s_w1") | $(fmt_kb "$s_gw") | $(ratio "$s_w1" "$s_gw") | $(fmt_mb "$r_nat") | $(fmt_mb "$r_w1") | $(fmt_mb "$r_gw") | $(fmt_s "$c_nat") | $(fmt_s "$c_w1") | $(fmt_s "$c_gw") | $(fmt_s "$cold_w1") | $(fmt_s "$cold_gw") |")
	echo "${rows[-1]}" >&2
done

# Startup: hello world end to end.
echo "== startup (examples/hello)" >&2
hello="$root/examples/hello"
startup_row="| **FAIL** hello | – | – | – | – | – | – | – |"
gowasm_startup=""
if timed_build hello.native go build -o "$work/hello" "$hello" &&
	timed_build hello.wasip1 env GOOS=wasip1 GOARCH=wasm go build -o "$work/hello.wasip1.wasm" "$hello" &&
	timed_build hello.gowasm "$gowasm" build -o "$work/hello.gowasm.wasm" "$hello" &&
	run_once hello.first "" "$work/hello"; then
	cp "$work/hello.first.out" "$work/hello.expected.out"
	cp "$work/hello.first.err" "$work/hello.expected.err"
	if measure hello.native "$work/hello.expected" "$work/hello" &&
		measure hello.wasip1.cold "$work/hello.expected" "$wasi_run" "$work/hello.wasip1.wasm" &&
		run_once hello.wasip1.fill "$work/hello.expected" env WASI_RUN_CACHE="$wasmtime_cache" "$wasi_run" "$work/hello.wasip1.wasm" &&
		measure hello.wasip1.warm "$work/hello.expected" env WASI_RUN_CACHE="$wasmtime_cache" "$wasi_run" "$work/hello.wasip1.wasm"; then
		if ((gowasm_has_cache)); then
			measure hello.gowasm.cold "$work/hello.expected" "${run_gowasm[@]}" --no-cache "$work/hello.gowasm.wasm" &&
				run_once hello.gowasm.fill "$work/hello.expected" "${run_gowasm[@]}" "$work/hello.gowasm.wasm" &&
				measure hello.gowasm.warm "$work/hello.expected" "${run_gowasm[@]}" "$work/hello.gowasm.wasm" &&
				gowasm_startup="$(fmt_s "$(median "$work/hello.gowasm.cold.times")") | $(fmt_s "$(median "$work/hello.gowasm.warm.times")")"
		else
			measure hello.gowasm.cold "$work/hello.expected" "${run_gowasm[@]}" "$work/hello.gowasm.wasm" &&
				gowasm_startup="$(fmt_s "$(median "$work/hello.gowasm.cold.times")") | – (no cache)"
		fi
	fi
	if [[ -n "$gowasm_startup" ]]; then
		startup_row="| hello | $(fmt_s "$(median "$work/hello.native.times")") | $(fmt_s "$(median "$work/hello.wasip1.cold.times")") | $(fmt_s "$(median "$work/hello.wasip1.warm.times")") | $gowasm_startup | $(fmt_kb "$(stat -c %s "$work/hello.wasip1.wasm")") | $(fmt_kb "$(stat -c %s "$work/hello.gowasm.wasm")") |"
	fi
fi

# Versions.
wasmtime_version() {
	awk '/^name = "wasmtime"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$1" 2>/dev/null || true
}
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
[[ -n "$cpu" ]] || cpu="unknown"
mem="$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"

# benches/http.sh's section of the report is kept as it is.
http_section="$(awk '/^## net\/http servers/ {p = 1; print; next} p && /^## / {p = 0} p' "$out_file" 2>/dev/null || true)"
{
	echo "# Benchmarks: gowasm vs native Go vs Go's wasip1 port"
	echo
	echo "Generated by \`benches/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), gowasm $rev."
	echo
	echo "* Machine: $(nproc) CPUs, $cpu, $mem RAM; Linux $(uname -r); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
	echo "* $(go version); $(rustc --version)."
	echo "* Wasmtime $(wasmtime_version "$root/Cargo.lock") (gowasm-run), $(wasmtime_version "$root/benches/wasi-run/Cargo.lock") (benches/wasi-run, wasmtime-wasi preview 1); Cranelift defaults in both."
	echo "* $runs runs per build; times are medians of wall time end to end (process start to exit, including engine start-up and loading the compiled module); peak RSS is the largest of the runs' maximum resident set sizes."
	echo
	echo "| program | native s | wasip1 s | gowasm s | gowasm/native | wasip1/gowasm | wasip1 KB | gowasm KB | size wasip1/gowasm | RSS native MB | RSS wasip1 MB | RSS gowasm MB | build native s | build wasip1 s | build gowasm s | wasip1 first run s | gowasm first run s |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for row in "${rows[@]}"; do echo "$row"; done
	echo
	echo "Geometric means: gowasm/native $(geomean "$work/geo.gowasm_native"); wasip1/gowasm $(geomean "$work/geo.wasip1_gowasm") (above 1: gowasm faster); module size wasip1/gowasm $(geomean "$work/geo.size")."
	echo
	echo "* wasip1: \`GOOS=wasip1 GOARCH=wasm go build\`, run by \`benches/wasi-run\` with Wasmtime's compiled-module cache warm (as \`wasmtime run\` does by default); \"wasip1 first run\" is one run with the cache cold, Cranelift compiling the whole module."
	if ((gowasm_has_cache)); then
		echo "* gowasm: \`gowasm build\`, run by \`gowasm-run\` with its compiled-module cache warm (its default); \"gowasm first run\" is one run with the cache cold."
	else
		echo "* gowasm: \`gowasm build\`, run by \`gowasm-run\`, which has no compiled-module cache: every run compiles the module (\"gowasm first run\" is just one more such run)."
	fi
	echo "* Build times: one build each into a fresh output path, with Go's build cache and gowasm's cache (front end, synthesized GOROOT) warm: \`go build\` takes every compiled package, the unchanged main package included, from its cache and links; gowasm compiles the whole program, standard library included, every time."
	echo "* Native Go uses both CPUs (its garbage collector runs concurrently; worker_pool's goroutines run in parallel); Go's wasip1 port and gowasm run on one thread."
	echo
	echo "## Startup (hello world, \`examples/hello\`)"
	echo
	echo "| program | native s | wasip1 cold s | wasip1 warm cache s | gowasm-run cold s | gowasm-run warm cache s | wasip1 KB | gowasm KB |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	echo "$startup_row"
	echo
	echo "End to end, medians of $runs runs each. Cold: Cranelift compiles the module (wasi-run without a cache, \`gowasm-run --no-cache\`); warm: the module comes from the compiled-module cache."
	if [[ -n "$http_section" ]]; then
		echo
		echo "$http_section"
	fi
	if ((${#failures[@]})); then
		echo
		echo "## Failures"
		echo
		for f in "${failures[@]}"; do
			echo '```'
			echo "$f"
			echo '```'
		done
	fi
} >"$out_file"

cat "$out_file"
if ((${#failures[@]})); then
	echo "benches/run.sh: ${#failures[@]} failure(s)" >&2
	exit 1
fi
