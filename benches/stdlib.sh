#!/usr/bin/env bash
# Runs the standard library's own tests with `gowasm test` and keeps the
# report docs/stdlib.md: one row per standard-library package (`go list
# std`) — pass, fail (the first failing test, or the panic that ended the
# run), does not build (the first error), no tests, all excluded, or not
# run yet — and
# totals. Nothing is patched, and only the tests in EXCLUDED below are
# skipped (`-skip`), each for a reason that makes it impossible on this
# target; a package passes when the rest of its test binary passes.
#
# A run updates the rows of the packages it tests and keeps the others, and
# rewrites the report after every package: a whole-library sweep (about 40 s
# a package on this 2-core machine, hours in all) can be done in parts and
# loses nothing when interrupted. Each row says when it was measured.
#
# Usage: benches/stdlib.sh [packages...]     (from any directory)
#   Without packages: the packages gowasm's issue tracker lists as required
#   (REQUIRED below). `benches/stdlib.sh $(go list std)` tries them all;
#   `benches/stdlib.sh --not-run` the packages the report has no result for.
#   OUT=file      the report to update (default docs/stdlib.md)
#   TIMEOUT=secs  per package (default 900)
#   GOWASM_BIN=path  the gowasm binary (default target/release/gowasm; not
#                 GOWASM, which is the go command's)
#
# Needs target/release/gowasm (`cargo build --release`). Logs of each
# package's run are kept in $LOGS (default a fresh temporary directory).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gowasm="${GOWASM_BIN:-$root/target/release/gowasm}"
out="${OUT:-$root/docs/stdlib.md}"
timeout="${TIMEOUT:-900}"
logs="${LOGS:-$(mktemp -d -t gowasm-stdlib-XXXXXX)}"
mkdir -p "$logs"
REQUIRED="fmt strings strconv bytes sort errors unicode/utf8 unicode/utf16 math
math/bits math/big container/heap container/list container/ring encoding/hex
encoding/base64 encoding/base32 encoding/binary encoding/csv encoding/json
encoding/pem bufio path path/filepath regexp text/template slices maps
hash/crc32 hash/fnv crypto/sha256 crypto/md5 crypto/hmac time flag log cmp
iter unique"
# Tests that need what cannot exist under WebAssembly GC: package, test
# names (a -skip pattern), reason. Nothing else is skipped.
ALLOCS="asserts a count of heap allocations (testing.AllocsPerRun): the engine allocates gowasm's objects and counts none, and gc's counts are gc's escape analysis"
HUGE="makes slices of math.MaxInt zero-size elements: slice lengths are 32-bit (WebAssembly GC arrays)"
CLEANUP="loops until a runtime.AddCleanup cleanup runs: the engine's collector does not call into the module, so cleanups never run (docs/status.md)"
EXCLUDED="
bufio|TestReadStringAllocs|$ALLOCS
fmt|TestCountMallocs|$ALLOCS
io|TestMultiWriter_WriteStringSingleAlloc|$ALLOCS
log/slog|TestJSONAllocs|$ALLOCS
log/slog|TestAlloc|$ALLOCS
net/netip|TestAddrStringAllocs|$ALLOCS
testing|TestBRun|$ALLOCS
strings|TestBuilderGrow|$ALLOCS
strings|TestBuilderAllocs|$ALLOCS
slices|TestGrow|$ALLOCS
slices|TestConcat_too_large|$HUGE
slices|TestRepeat|$HUGE
encoding/binary|TestNativeEndian|views a uint32's memory as bytes through unsafe.Pointer: WebAssembly GC objects are typed, with no byte view (gowasm panics naming the conversion)
crypto/internal/fips140cache|TestCache|$CLEANUP
sync|TestIssue40999|$CLEANUP
"
# skips PKG: the -skip pattern of PKG's excluded tests (empty: none).
skips() {
  echo "$EXCLUDED" | awk -F'|' -v p="$1" '$1 == p { n = n (n ? "|" : "") $2 } END { if (n) print "^(" n ")$" }'
}
[ -x "$gowasm" ] || { echo "stdlib.sh: build $gowasm first (cargo build --release)" >&2; exit 1; }

# The report's rows, one "pkg<TAB>result<TAB>secs<TAB>date<TAB>why" line per
# package of `go list std`, from the report when it has them.
results="$logs/results.tsv"
{
  [ -f "$out" ] && awk -F' [|] ' '/^## Excluded/ { exit } /^[|] `/ {
      pkg = $1; sub(/^[|] `/, "", pkg); sub(/`$/, "", pkg)
      secs = $3; sub(/ s$/, "", secs)
      why = $5; sub(/ ?[|]$/, "", why)
      print pkg "\t" $2 "\t" secs "\t" $4 "\t" why }' "$out"
  go list std | awk '{ print $1 "\tnot run\t\t\t" }'
} | awk -F'\t' '!seen[$1]++' | sort >"$results"

if [ "${1:-}" = "--not-run" ]; then
  pkgs=$(awk -F'\t' '$2 == "not run" { print $1 }' "$results")
elif [ $# -gt 0 ]; then pkgs="$*"; else pkgs="$REQUIRED"; fi

# write_report: the report from $results.
write_report() {
  local pass fail nobuild notests notrun
  local excluded
  read -r pass fail nobuild notests excluded notrun < <(awk -F'\t' '
    { n[$2]++ } END { print n["pass"]+0, n["fail"]+0, n["does not build"]+0, n["no tests"]+0, n["all excluded"]+0, n["not run"]+0 }' "$results")
  {
    echo "# Standard-library tests under gowasm"
    echo
    echo "Kept by \`benches/stdlib.sh\` ($(go version | cut -d' ' -f3)): \`gowasm test PKG\` for"
    echo "each package of \`go list std\`, the package's own tests (internal and"
    echo "external); only the tests listed under Excluded are skipped. Time"
    echo "includes compiling the test binary; each row says when it was measured."
    echo
    echo "**$pass packages pass**; $fail fail; $nobuild do not build; $notests have no"
    echo "tests; $excluded have only excluded tests; $notrun not run yet"
    echo "(\`benches/stdlib.sh --not-run\`)."
    echo
    echo "| package | result | time | date | first failure |"
    echo "|---|---|---|---|---|"
    awk -F'\t' '{ printf "| `%s` | %s | %s | %s | %s |\n", $1, $2, ($3 == "" ? "" : $3 " s"), $4, $5 }' "$results"
    echo
    echo "## Excluded tests"
    echo
    echo "Skipped with \`-skip\` (benches/stdlib.sh, EXCLUDED): what they test cannot"
    echo "exist under WebAssembly GC."
    echo
    echo "| package | tests | reason |"
    echo "|---|---|---|"
    echo "$EXCLUDED" | awk -F'|' 'NF == 3 { print "| `" $1 "` | " $2 " | " $3 " |" }'
  } >"$out.tmp" && mv "$out.tmp" "$out"
}

for p in $pkgs; do
  log="$logs/$(echo "$p" | tr / _).log"
  start=$(date +%s)
  skip=$(skips "$p")
  (cd "$root" && timeout "$timeout" "$gowasm" test ${skip:+-skip "$skip"} "$p") >"$log" 2>&1
  code=$?
  secs=$(( $(date +%s) - start ))
  if [ $code -eq 0 ]; then
    if grep -q "no test files" "$log"; then status="no tests"
    elif [ -n "$skip" ] && grep -q "\[no tests to run\]" "$log"; then status="all excluded"
    else status="pass"; fi
    why=""
  elif grep -q "\[build failed\]" "$log"; then
    status="does not build"
    why=$(grep -v '^#\|^FAIL' "$log" | head -1)
  else
    status="fail"
    why=$(grep -m1 -E '^(--- FAIL|panic:|fatal error:)' "$log")
    [ $code -eq 124 ] && why="timed out after ${timeout}s"
    detail=$(grep -A1 -m1 '^--- FAIL' "$log" | sed -n 2p | sed 's/^ *//')
    [ -n "$detail" ] && why="$why: $detail"
  fi
  why=$(echo "$why" | tr '\t' ' ' | sed "s#$root/##g; s#/root/.cache/gowasm/goroot-[0-9a-f]*/#GOROOT/#g; s/|/\\\\|/g" | cut -c1-160)
  echo "$p: $status ${secs}s $why" >&2
  awk -F'\t' -v OFS='\t' -v p="$p" -v s="$status" -v t="$secs" -v d="$(date -u +%Y-%m-%d)" -v w="$why" \
    '$1 == p { $2 = s; $3 = t; $4 = d; $5 = w; found = 1 } { print } END { if (!found) print p, s, t, d, w }' \
    "$results" | sort >"$results.new" && mv "$results.new" "$results"
  write_report
done
write_report
awk -F'\t' '{ n[$2]++ } END { printf "stdlib.sh: %d pass, %d fail, %d do not build, %d not run; ", n["pass"], n["fail"], n["does not build"], n["not run"] }' "$results" >&2
echo "report in $out, logs in $logs" >&2
