#!/usr/bin/env bash
# Checks that the working tree's compiler emits the same modules, byte for
# byte, as the compiler of another commit (default HEAD): for refactorings
# of the back end, which must not change what it emits. Builds that
# commit's `gowasm` in a scratch directory, then every program of
# conformance/programs and benches/programs with both compilers.
#
#   compiler/same-modules.sh [COMMIT]
#
# Exits 1 when a module differs or a program builds with one compiler only.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
base=$(git rev-parse "${1:-HEAD}")
work=${TMPDIR:-/tmp}/gowasm-same-modules
export GOWASM_CACHE=${GOWASM_CACHE:-$root/target/gowasm-cache}
mkdir -p "$work/base" "$work/out"
rm -rf "$work/base/src"
mkdir "$work/base/src"
git archive "$base" | tar -x -C "$work/base/src"
echo "building gowasm of $base" >&2
CARGO_TARGET_DIR="$work/base/target" cargo build --release -q -p compiler \
    --manifest-path "$work/base/src/Cargo.toml"
echo "building gowasm of the working tree" >&2
cargo build --release -q -p compiler
old="$work/base/target/release/gowasm"
new="$root/target/release/gowasm"

same=0
differ=()
for prog in conformance/programs/*.go benches/programs/*.go; do
    name=$(basename "$prog" .go)
    a="$work/out/$name.base.wasm"
    b="$work/out/$name.new.wasm"
    rm -f "$a" "$b"
    "$old" build -o "$a" "$prog" 2>/dev/null || true
    "$new" build -o "$b" "$prog" 2>/dev/null || true
    if [[ ! -f $a && ! -f $b ]]; then
        differ+=("$name (builds with neither)")
    elif [[ ! -f $a || ! -f $b ]]; then
        differ+=("$name (builds with one compiler only)")
    elif cmp -s "$a" "$b"; then
        same=$((same + 1))
    else
        differ+=("$name ($(stat -c %s "$a") -> $(stat -c %s "$b") bytes)")
    fi
done
echo "compared with $base ($(git log -1 --format=%s "$base" | cut -c1-60)):"
echo "  $same modules identical, ${#differ[@]} differ"
for d in "${differ[@]}"; do
    echo "  differs: $d"
done
[[ ${#differ[@]} -eq 0 ]]
