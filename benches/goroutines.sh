#!/usr/bin/env bash
# Goroutine micro-benchmarks: each program in benches/programs is built
# natively (go build) and with gowasm, run $RUNS times both ways (default 5),
# checked to print the same checksums (on stderr: the programs use println,
# since fmt, os and time do not compile under gowasm yet), and the medians
# are printed as a Markdown table. Wall time is measured from outside.
#
# Usage: benches/goroutines.sh        (from any directory)
# Builds target/release/{gowasm,gowasm-run} first if they are missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
gowasm="$root/target/release/gowasm"
gowasm_run="$root/target/release/gowasm-run"
if [[ ! -x "$gowasm" || ! -x "$gowasm_run" ]]; then
	cargo build --release -p compiler -p vm >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# gowasm-run compiles the module with Cranelift on every start; an empty
# main measures that plus instantiation, the fixed cost in every gowasm time.
printf 'package main\n\nfunc main() {}\n' >"$work/empty_main.go"

# median FILE: the median of the numbers in FILE, one per line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# timed NAME EXPECTED-STDERR-FILE CMD...: runs CMD $runs times, appending
# wall-clock seconds to $work/NAME.times; fails unless every run exits 0 and
# prints EXPECTED-STDERR-FILE's contents on stderr (empty name: no check).
timed() {
	local name="$1" expected="$2" i t0 t1
	shift 2
	: >"$work/$name.times"
	for ((i = 0; i < runs; i++)); do
		t0="$(date +%s.%N)"
		if ! "$@" >/dev/null 2>"$work/$name.stderr"; then
			echo "$name: $* failed:" >&2
			cat "$work/$name.stderr" >&2
			exit 1
		fi
		t1="$(date +%s.%N)"
		echo "$t1 - $t0" | bc -l >>"$work/$name.times"
		if [[ -n "$expected" ]] && ! cmp -s "$expected" "$work/$name.stderr"; then
			echo "$name: gowasm output differs from native:" >&2
			diff "$expected" "$work/$name.stderr" >&2 || true
			exit 1
		fi
	done
	median "$work/$name.times"
}

# build NAME SOURCE [ENV...]: native binary $work/NAME and module
# $work/NAME.wasm (built with the extra environment ENV...).
build() {
	local name="$1" src="$2"
	shift 2
	go build -o "$work/$name" "$src"
	env "$@" "$gowasm" build -o "$work/$name.wasm" "$src"
}

# ops SOURCE: the program's `const N`, the operation count for ns/op.
ops() {
	sed -n 's/^const N = \([0-9_]*\)$/\1/p' "$1" | tr -d _
}

secs() { printf '%.3f' "$1"; }

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each; $(go version | cut -d' ' -f3)."
echo
echo "| program | native s | gowasm s | gowasm − empty main s | ratio | native ns/op | gowasm ns/op |"
echo "|---|---:|---:|---:|---:|---:|---:|"

build empty_main "$work/empty_main.go"
native_empty="$(timed empty_main.native "" "$work/empty_main")"
startup="$(timed empty_main.gowasm "" "$gowasm_run" "$work/empty_main.wasm")"
echo "| empty main (startup) | $(secs "$native_empty") | $(secs "$startup") | – | – | – | – |"

for name in goroutine_pingpong goroutine_spawn compute_nonblocking; do
	src="benches/programs/$name.go"
	build "$name" "$src"
	native="$(timed "$name.native" "" "$work/$name")"
	cp "$work/$name.native.stderr" "$work/$name.expected"
	ours="$(timed "$name.gowasm" "$work/$name.expected" "$gowasm_run" "$work/$name.wasm")"
	net="$(echo "$ours - $startup" | bc -l)"
	ratio="$(printf '%.1f×' "$(echo "$net / $native" | bc -l)")"
	n="$(ops "$src")"
	if [[ -n "$n" ]]; then
		per_native="$(printf '%.0f' "$(echo "$native * 1000000000 / $n" | bc -l)")"
		per_ours="$(printf '%.0f' "$(echo "$net * 1000000000 / $n" | bc -l)")"
	else
		per_native="–" per_ours="–"
	fi
	echo "| $name | $(secs "$native") | $(secs "$ours") | $(secs "$net") | $ratio | $per_native | $per_ours |"
done

echo
echo "Medians of wall-clock time. \"gowasm − empty main\" subtracts the empty"
echo "program's gowasm-run time (Cranelift compile of the module plus"
echo "instantiation); larger modules take somewhat longer to compile, so this"
echo "slightly overstates the run time. The ratio and gowasm ns/op use it."
echo "ns/op is per round trip (pingpong) or per goroutine (spawn)."

# The may-block analysis's worst case: every function resumable. The knob
# is only there in compilers that have it.
if grep -rqs GOWASM_RESUME_ALL compiler/src; then
	name=compute_nonblocking
	build "$name.all" "benches/programs/$name.go" GOWASM_RESUME_ALL=1
	all="$(timed "$name.all.gowasm" "$work/$name.expected" "$gowasm_run" "$work/$name.all.wasm")"
	ours="$(median "$work/$name.gowasm.times")"
	size="$(stat -c %s "$work/$name.wasm")"
	size_all="$(stat -c %s "$work/$name.all.wasm")"
	net="$(echo "$ours - $startup" | bc -l)"
	net_all="$(echo "$all - $startup" | bc -l)"
	echo
	echo "| $name build | module bytes | gowasm s | gowasm − empty main s |"
	echo "|---|---:|---:|---:|"
	echo "| default | $size | $(secs "$ours") | $(secs "$net") |"
	echo "| GOWASM_RESUME_ALL=1 | $size_all | $(secs "$all") | $(secs "$net_all") |"
	printf '| overhead | %+.1f %% | %+.1f %% | %+.1f %% |\n' \
		"$(echo "($size_all - $size) * 100 / $size" | bc -l)" \
		"$(echo "($all - $ours) * 100 / $ours" | bc -l)" \
		"$(echo "($net_all - $net) * 100 / $net" | bc -l)"
fi
