#!/usr/bin/env bash
# Checks gowasm-run on ARM64 (aarch64 Linux) on this x86-64 machine:
# cross-builds gowasm-run for aarch64-unknown-linux-gnu, then runs modules
# built by this tree's gowasm (WebAssembly is the same on every host) under
# qemu-user, comparing each run's stdout, stderr and exit status with the
# program's native Go build, as the conformance suite does. Opt-in (a cold
# cross build takes about 15 minutes on 2 cores; programs run slowly under
# emulation).
#
# Runs as root (as CI does): installs the cross compiler and qemu-user with
# apt-get and the rustup target when missing.
#
# Environment:
#   PROGRAMS="a b"    conformance/programs to run (default: a selection)
#   CARGO_TARGET_DIR  as for cargo (default target; the cross build goes
#                     to its aarch64/ subdirectory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target=aarch64-unknown-linux-gnu
target_dir="${CARGO_TARGET_DIR:-$root/target}/aarch64"
gowasm="${CARGO_TARGET_DIR:-$root/target}/release/gowasm"
read -r -a programs <<<"${PROGRAMS:-basic_floats closures_state defer_recover fmt_verbs generics_types goroutines_pipeline iface_dispatch json_roundtrip maps_key_types panic_index select_default time_sleep_order}"

fail() {
	echo "arm64-test: $*" >&2
	exit 1
}

need=()
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v qemu-aarch64 >/dev/null || need+=(qemu-user)
command -v file >/dev/null || need+=(file)
if ((${#need[@]})); then
	apt-get install -y -qq "${need[@]}" >/dev/null ||
		{ apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

echo "==> gowasm-run for $target" >&2
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
	CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
	cargo build --release --locked --target "$target" --target-dir "$target_dir" \
	-p vm --bin gowasm-run
run_bin="$target_dir/$target/release/gowasm-run"
file -b "$run_bin" | grep -q 'ARM aarch64' || fail "$run_bin is not an aarch64 binary"
[[ -x $gowasm ]] || cargo build --release --locked --bin gowasm

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOWASM_CACHE="$work/cache"
arm() {
	timeout 600 qemu-aarch64 -L /usr/aarch64-linux-gnu "$run_bin" "$@"
}

echo "==> examples/hello" >&2
"$gowasm" build -o "$work/hello.wasm" ./examples/hello
[[ $(arm "$work/hello.wasm" 2>&1) == "Hello from Go on WebAssembly GC!" ]] || fail "hello world differs"

passed=0
for p in "${programs[@]}"; do
	src="conformance/programs/$p.go"
	[[ -f $src ]] || fail "no $src"
	"$gowasm" build -o "$work/$p.wasm" "$src"
	go build -o "$work/$p.native" "$src"
	# As the conformance suite: the program's own gowasm-run options
	# (`// gowasm-run: ...` lines) and its working directory granted.
	read -r -a options <<<"$(sed -n 's|^// gowasm-run: ||p' "$src" | tr '\n' ' ')"
	set +e
	(cd "$work" && timeout 120 "./$p.native" >"$p.native.out" 2>"$p.native.err")
	native=$?
	(cd "$work" && arm "${options[@]}" --dir "$work" "$p.wasm" >"$p.arm.out" 2>"$p.arm.err")
	ours=$?
	set -e
	[[ $native == "$ours" ]] || fail "$p: exit status native $native, gowasm on aarch64 $ours: $(head -3 "$work/$p.arm.err")"
	cmp -s "$work/$p.native.out" "$work/$p.arm.out" || fail "$p: stdout differs: $(diff "$work/$p.native.out" "$work/$p.arm.out" | head -5)"
	# An unrecovered panic's trace carries addresses natively: compare the
	# lines before it (and before a signal line), as the conformance suite
	# does.
	cut_trace() { sed -e '/^goroutine /,$d' -e '/^\[signal /,$d' "$1"; }
	[[ $(cut_trace "$work/$p.native.err") == "$(cut_trace "$work/$p.arm.err")" ]] ||
		fail "$p: stderr differs: $(diff <(cut_trace "$work/$p.native.err") <(cut_trace "$work/$p.arm.err") | head -5)"
	passed=$((passed + 1))
	echo "    $p: ok" >&2
done

echo "==> precompiled program (gowasm-run compile on aarch64)" >&2
arm compile -o "$work/hello.cwasm" "$work/hello.wasm"
[[ $(arm "$work/hello.cwasm" 2>&1) == "Hello from Go on WebAssembly GC!" ]] || fail "precompiled hello differs"

echo "PASS: gowasm-run on $target under qemu-user: hello, $passed conformance programs matching native Go, a precompiled program"
