#!/usr/bin/env bash
# Builds the example service's container image on this machine, without
# any registry, and checks that it runs as it is deployed:
#
#   1. a static (musl) gowasm-run, built with cargo into target/container;
#   2. examples/httpserver compiled by target/release/gowasm (cargo build
#      --release --bin gowasm first: a no-op after the README's build), or
#      by $GOWASM, and precompiled by the static gowasm-run (app.cwasm);
#   3. an image FROM scratch whose Containerfile is the Dockerfile's final
#      stage with its COPY --from=build replaced by the local artifacts, so
#      nothing is pulled; built by podman (daemonless) in a private,
#      temporary storage (driver vfs);
#   4. two runs, each in its own network namespace (loopback only; curl
#      reaches the container's 127.0.0.1:8080 through nsenter):
#      - the image's own ENTRYPOINT with --read-only --user 65532 and no
#        capabilities: /healthz, the README's POST/GET /items exchange,
#        errors, identity, read-only root, then SIGTERM to PID 1: exit
#        status 0 with "shutting down" and "stopped";
#      - the command and args of deploy/kubernetes/deployment.yaml under
#        its memory limit (--memory): serves, peak memory, SIGTERM, exit 0.
#
# Runs as root (as CI does): installs what is missing with apt-get
# (musl-tools, podman, runc, curl, ...) and the rustup musl target.
# Every wait has a time limit; everything it made is removed on exit.
#
# Environment:
#   GOWASM=path           a gowasm compiler to use as it is (default: cargo
#                         builds target/release/gowasm); unset before gowasm
#                         runs go, which reads GOWASM too
#   CARGO_TARGET_DIR      as for cargo (default target)
#   CONTAINER_TARGET_DIR  cargo target dir for the musl build
#                         (default $CARGO_TARGET_DIR/container)
#   CONTAINER_RUNTIME     auto (default: podman, else the chroot fallback),
#                         podman, or chroot (unshare + chroot of the image's
#                         exported root file system, no OCI runtime)
#   OCI_RUNTIME           podman's OCI runtime (default runc: crun 1.8 refuses
#                         hybrid cgroup v1/v2 hosts such as this one)
#   READY_TIMEOUT         seconds to wait for the service (default 240)
#   KEEP=1                keep the work directory (image storage, logs)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

arch=$(uname -m)
target=$arch-unknown-linux-musl
cargo_target=${CARGO_TARGET_DIR:-$repo/target}
target_dir=${CONTAINER_TARGET_DIR:-$cargo_target/container}
gowasm=${GOWASM:-$cargo_target/release/gowasm}
gowasm_given=${GOWASM:-}
# Go reads GOWASM too (its wasm feature list): not for the go it runs.
unset GOWASM
runtime_choice=${CONTAINER_RUNTIME:-auto}
oci_runtime=${OCI_RUNTIME:-runc}
ready_timeout=${READY_TIMEOUT:-240}
stop_timeout=30   # the service's own shutdown deadline is 10 s
image=localhost/gowasm-httpserver:container-test
deployment=deploy/kubernetes/deployment.yaml
t_start=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() {
	printf '\nFAIL: %s\n' "$*" >&2
	exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

case $runtime_choice in
auto | podman | chroot) ;;
*) fail "CONTAINER_RUNTIME must be auto, podman or chroot, not $runtime_choice" ;;
esac

# ---------------------------------------------------------------------------
step "tools"
missing=()
command -v musl-gcc >/dev/null || missing+=(musl-tools)
command -v curl >/dev/null || missing+=(curl)
command -v readelf >/dev/null || missing+=(binutils)
command -v nsenter >/dev/null || missing+=(util-linux)
command -v ip >/dev/null || missing+=(iproute2)
command -v podman >/dev/null || missing+=(podman)
if [[ $oci_runtime == runc ]] && ! command -v runc >/dev/null; then
	missing+=(runc)
fi
if ((${#missing[@]})); then
	if [[ $(id -u) != 0 ]]; then
		fail "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) or run as root"
	fi
	info "apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	timeout 600 apt-get update -qq
	# With Recommends, as tested: podman then brings buildah, netavark,
	# crun (unused: see OCI_RUNTIME), fuse-overlayfs, slirp4netns.
	timeout 900 apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ $(id -u) != 0 ]]; then
	fail "run as root: the container runs with rootful podman (or unshare/chroot)"
fi
command -v cargo >/dev/null || fail "cargo is not on PATH (Rust 1.95, see README)"
command -v rustup >/dev/null || fail "rustup is not on PATH (it adds the $target target)"
if ! rustup target list --installed | grep -qx "$target"; then
	info "rustup target add $target"
	timeout 600 rustup target add "$target"
fi
info "$(podman --version), OCI runtime $oci_runtime ($($oci_runtime --version | head -1))"

work=$(mktemp -d /tmp/gowasm-container.XXXXXX)
storage=(--root "$work/storage" --runroot "$work/run" --tmpdir "$work/tmp"
	--storage-driver vfs --events-backend file --cgroup-manager cgroupfs)
pod() { podman "${storage[@]}" "$@"; }
chroot_pid=
ro_root=
cleanup() {
	local rc=$?
	set +e
	if [[ -n $chroot_pid ]] && kill -0 "$chroot_pid" 2>/dev/null; then
		kill -KILL "$chroot_pid"
		wait "$chroot_pid" 2>/dev/null
	fi
	if [[ -n $ro_root ]] && mountpoint -q "$ro_root"; then
		umount "$ro_root"
	fi
	if [[ ${KEEP:-} == 1 ]]; then
		echo "kept $work (podman ${storage[*]} ...)" >&2
		exit "$rc"
	fi
	if [[ -d $work/storage ]]; then
		pod rm -a -f -t 0 >/dev/null 2>&1
		pod rmi -a -f >/dev/null 2>&1
	fi
	# Anything podman left mounted in the work directory.
	findmnt -rn -o TARGET | grep "^$work/" | sort -r | while read -r m; do umount -l "$m"; done
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------
step "static gowasm-run ($target)"
t=$(now)
nice -n 19 timeout 3600 cargo build --release --locked -p vm --bin gowasm-run \
	--target "$target" --target-dir "$target_dir"
run_bin=$target_dir/$target/release/gowasm-run
musl_build_s=$(since "$t")
if readelf -lW "$run_bin" | grep -q 'INTERP'; then
	fail "$run_bin has a program interpreter: not static"
fi
if readelf -dW "$run_bin" | grep -q 'NEEDED'; then
	fail "$run_bin needs shared libraries: $(readelf -dW "$run_bin" | grep NEEDED)"
fi
run_bin_size=$(stat -c %s "$run_bin")
linkage=$(file -b "$run_bin" 2>/dev/null | grep -o 'static[-a-z]* linked' || echo 'no interpreter, no NEEDED')
info "$run_bin: $((run_bin_size / 1024)) KiB, $linkage, ${musl_build_s}s"

# ---------------------------------------------------------------------------
step "module"
if [[ -z $gowasm_given ]]; then
	# The compiler of this tree (its modules must match this gowasm-run's
	# host ABI). No -p: the workspace's features, so nothing is rebuilt
	# after `cargo build --release --workspace`.
	nice -n 19 timeout 3600 cargo build --release --locked --bin gowasm
fi
[[ -x $gowasm ]] || fail "$gowasm is not executable"
ctx=$work/context
mkdir -p "$ctx/out"
cp "$run_bin" "$ctx/out/gowasm-run"
t=$(now)
timeout 600 "$gowasm" build -o "$ctx/out/app.wasm" ./examples/httpserver
info "app.wasm: $(($(stat -c %s "$ctx/out/app.wasm") / 1024)) KiB, $(since "$t")s"
# Precompiled by the static gowasm-run that will run it, as the Dockerfile.
t=$(now)
timeout 600 "$run_bin" compile -o "$ctx/out/app.cwasm" "$ctx/out/app.wasm"
info "app.cwasm: $(($(stat -c %s "$ctx/out/app.cwasm") / 1024)) KiB, $(since "$t")s"

# ---------------------------------------------------------------------------
step "image"
# The Dockerfile's final stage, from its last FROM on, with the build
# stage's /out/ artifacts taken from the context instead.
awk '/^FROM /{n=NR} {line[NR]=$0} END {for (i=n; i<=NR; i++) print line[i]}' Dockerfile |
	sed 's|^COPY --from=build /out/|COPY out/|' >"$ctx/Containerfile"
grep -q '^FROM scratch' "$ctx/Containerfile" || fail "the Dockerfile's final stage is not FROM scratch"
if grep -q -- '--from=' "$ctx/Containerfile"; then
	fail "the final stage copies something other than /out/ from another stage"
fi
sed 's/^/    | /' "$ctx/Containerfile" | grep -v '^    | #'
t=$(now)
timeout 300 podman "${storage[@]}" build --pull=never --network none -q -t "$image" \
	-f "$ctx/Containerfile" "$ctx" >/dev/null
image_build_s=$(since "$t")
image_size=$(pod image inspect -f '{{.Size}}' "$image")
image_user=$(pod image inspect -f '{{.Config.User}}' "$image")
mapfile -t entrypoint < <(pod image inspect -f '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$image" | sed '/^$/d')
info "$image: $((image_size / 1024)) KiB, user $image_user, entrypoint ${entrypoint[*]}, ${image_build_s}s"
[[ $image_user == 65532* ]] || fail "the image's user is '$image_user', not 65532"
[[ ${entrypoint[0]:-} == /gowasm-run ]] || fail "unexpected entrypoint: ${entrypoint[*]}"

# The Deployment's command and args (one flow sequence each).
yaml_list() {
	local line
	line=$(grep -E "^ +$1: \[" "$deployment" | head -1) || fail "$deployment: no '$1: [...]'"
	line=${line#*[}
	line=${line%]*}
	tr ',' '\n' <<<"$line" | sed -E 's/^ *"//; s/" *$//'
}
mapfile -t deploy_cmd < <(yaml_list command; yaml_list args)
deploy_mem=$(awk '/limits:/ {f = 1; next} f && $1 == "memory:" {print $2; exit}' "$deployment" | tr -d '"')
[[ $deploy_mem =~ ^[0-9]+Mi$ ]] || fail "$deployment: the memory limit is '$deploy_mem', expected NMi"
deploy_mem=${deploy_mem%Mi}
# Its environment: `- name: N` / `value: "V"` pairs under env:.
mapfile -t deploy_env < <(awk '
	/^ *#/ {next}
	/^ +env:$/ {e = 1; next}
	e && $1 == "-" && $2 == "name:" {n = $3; next}
	e && $1 == "value:" {v = $2; gsub(/"/, "", v); print n "=" v; next}
	e {e = 0}' "$deployment")
info "deployment: ${deploy_env[*]} ${deploy_cmd[*]} (memory limit ${deploy_mem}Mi)"

# ---------------------------------------------------------------------------
# Running. Each run's PID 1 is known as $cpid (a host PID), its network
# namespace is private (loopback only) and curl goes in with nsenter.
cname=
cpid=
mode=   # podman or chroot: how the current container runs
runtime_used=
logs=$work/logs
nofile=$(ulimit -Hn)

run_env=()   # NAME=VALUE for the next start

start_podman() { # name memory-limit command...
	local name=$1 mem=$2
	shift 2
	local opts=(--name "$name" --network none --read-only --user 65532:65532
		--cap-drop ALL --security-opt no-new-privileges --runtime "$oci_runtime"
		# podman's default limits (nofile 1048576, nproc from its own raised
		# limit) fail here without CAP_SYS_RESOURCE: state them.
		--ulimit "nofile=$nofile:$nofile" --ulimit nproc=4096:4096)
	[[ -z $mem ]] || opts+=(--memory "$mem" --memory-swap "$mem")
	local e
	for e in "${run_env[@]}"; do opts+=(--env "$e"); done
	if (($#)); then
		opts+=(--entrypoint "$1")
		shift
	fi
	timeout 120 podman "${storage[@]}" run -d "${opts[@]}" "$image" "$@" >/dev/null || return 1
	cname=$name
	mode=podman
	cpid=$(pod inspect -f '{{.State.Pid}}' "$name")
	[[ $cpid -gt 0 ]] || return 1
	runtime_used="podman run --runtime $oci_runtime (rootful, storage vfs, --network none)"
}

start_chroot() { # name memory-limit command...
	local name=$1 cmd
	shift 2
	if [[ -z $ro_root ]]; then
		# The image's root file system, exported, then bind-mounted read-only.
		mkdir -p "$work/rootfs" "$work/rootfs-ro"
		local id
		id=$(pod create "$image")
		pod export "$id" | tar -x -C "$work/rootfs"
		pod rm "$id" >/dev/null
		mount --bind "$work/rootfs" "$work/rootfs-ro"
		ro_root=$work/rootfs-ro
		mount -o remount,bind,ro "$ro_root"
	fi
	local argv=("$@")
	((${#argv[@]})) || argv=("${entrypoint[@]}")
	# New PID and network namespaces: sh brings up lo, then execs (same
	# PID 1) chroot, which execs gowasm-run as 65532 without privileges.
	# (Leaving uid 0 clears the capabilities; no_new_privs as podman's.)
	# shellcheck disable=SC2016 # expanded by that sh
	cmd='ip link set lo up && exec setpriv --no-new-privs chroot --userspec=65532:65532 "$0" "$@"'
	env "${run_env[@]}" unshare --net --pid --fork --kill-child -- sh -c "$cmd" "$ro_root" "${argv[@]}" \
		>"$logs/$name.log" 2>&1 &
	chroot_pid=$!
	cname=$name
	mode=chroot
	cpid=
	local deadline=$((SECONDS + 10)) pid1
	while ((SECONDS < deadline)); do
		pid1=$(cat "/proc/$chroot_pid/task/$chroot_pid/children" 2>/dev/null || true)
		pid1=${pid1%% *}
		if [[ -n $pid1 ]] && [[ $(readlink "/proc/$pid1/exe" 2>/dev/null) == */gowasm-run ]]; then
			cpid=$pid1
			break
		fi
		sleep 0.1
	done
	[[ -n $cpid ]] || fail "the chroot fallback did not start gowasm-run"
	runtime_used="chroot fallback (unshare --net --pid, chroot of the exported image, read-only bind mount; no cgroup limits)"
}

start() { # name memory-limit command...
	local use=$runtime_choice
	if [[ $use != chroot ]]; then
		if start_podman "$@"; then
			return
		fi
		[[ $use == auto ]] || fail "podman run failed"
		info "podman run failed: falling back to unshare + chroot"
		pod rm -f -t 0 "$1" >/dev/null 2>&1 || true
		runtime_choice=chroot
	fi
	start_chroot "$@"
}

running() {
	if [[ $mode == chroot ]]; then
		kill -0 "$chroot_pid" 2>/dev/null
	else
		[[ $(pod inspect -f '{{.State.Running}}' "$cname" 2>/dev/null) == true ]]
	fi
}

container_logs() {
	if [[ $mode == chroot ]]; then
		cat "$logs/$cname.log"
	else
		pod logs "$cname" 2>&1
	fi
}

dump() {
	echo "---- $cname's output:" >&2
	container_logs | tail -40 >&2 || true
}

# curl inside the container's network namespace: request METHOD PATH [BODY]
# sets $code and $body.
request() {
	local data=()
	[[ $# -lt 3 ]] || data=(-H 'Content-Type: application/json' --data-binary "$3")
	code=$(nsenter --target "$cpid" --net -- curl -sS -m 5 -o "$work/body" -w '%{http_code}' \
		-X "$1" "${data[@]}" "http://127.0.0.1:8080$2") || code=curl-failed
	body=$(cat "$work/body" 2>/dev/null || true)
}

expect() { # METHOD PATH BODY|"" CODE EXPECTED-BODY
	if [[ -n $3 ]]; then request "$1" "$2" "$3"; else request "$1" "$2"; fi
	if [[ $code != "$4" || $body != "$5" ]]; then
		dump
		fail "$1 $2: got $code '$body', want $4 '$5'"
	fi
	info "$1 $2 -> $code $body"
}

wait_ready() {
	local t deadline=$((SECONDS + ready_timeout))
	t=$(now)
	while ((SECONDS < deadline)); do
		if ! running; then
			dump
			local how=
			if [[ $mode == podman ]]; then
				how=" (exit status $(pod inspect -f '{{.State.ExitCode}}' "$cname"); 137: killed, e.g. by the memory limit)"
			fi
			fail "$cname exited before serving$how"
		fi
		if nsenter --target "$cpid" --net -- curl -fsS -m 2 -o /dev/null http://127.0.0.1:8080/healthz 2>/dev/null; then
			ready_s=$(since "$t")
			info "serving after ${ready_s}s"
			return
		fi
		sleep 0.25
	done
	dump
	fail "$cname did not answer /healthz within ${ready_timeout}s"
}

# SIGTERM to the container's PID 1; sets $exit_status and $stop_s.
stop_term() {
	local t deadline=$((SECONDS + stop_timeout))
	t=$(now)
	if [[ $mode == chroot ]]; then
		kill -TERM "$cpid"
		while kill -0 "$chroot_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
		if kill -0 "$chroot_pid" 2>/dev/null; then
			dump
			fail "$cname still running ${stop_timeout}s after SIGTERM"
		fi
		exit_status=0
		wait "$chroot_pid" || exit_status=$?
		chroot_pid=
	else
		pod kill --signal TERM "$cname" >/dev/null
		exit_status=$(timeout "$stop_timeout" podman "${storage[@]}" wait "$cname") || {
			dump
			fail "$cname still running ${stop_timeout}s after SIGTERM"
		}
	fi
	stop_s=$(since "$t")
}

mkdir -p "$logs"

# ---------------------------------------------------------------------------
step "run 1: the image's entrypoint, --read-only --user 65532, no capabilities"
start app ""
wait_ready
ready1_s=$ready_s
# As the README: POST an item, list them.
expect POST /items '{"name":"tea","qty":3}' 201 '{"id":1,"name":"tea","qty":3}'
expect GET /items '' 200 '[{"id":1,"name":"tea","qty":3}]'
expect GET /items/1 '' 200 '{"id":1,"name":"tea","qty":3}'
expect GET /items/2 '' 404 '{"error":"no such item"}'
expect POST /items '{"qty":1}' 422 '{"error":"name is required"}'
expect DELETE /items/1 '' 204 ''
expect GET /healthz '' 200 'ok'

uids=$(awk '/^Uid:/ {print $2, $3, $4, $5}' "/proc/$cpid/status")
gids=$(awk '/^Gid:/ {print $2, $3, $4, $5}' "/proc/$cpid/status")
capeff=$(awk '/^CapEff:/ {print $2}' "/proc/$cpid/status")
nnp=$(awk '/^NoNewPrivs:/ {print $2}' "/proc/$cpid/status")
root_opts=$(awk '$5 == "/" {print $6}' "/proc/$cpid/mountinfo" | tail -1)
seccomp=$(awk '/^Seccomp:/ {print $2}' "/proc/$cpid/status")
[[ $uids == "65532 65532 65532 65532" ]] || fail "PID 1's uids are $uids"
[[ $gids == "65532 65532 65532 65532" ]] || fail "PID 1's gids are $gids"
[[ $capeff == 0000000000000000 ]] || fail "PID 1 has capabilities $capeff"
[[ $nnp == 1 ]] || fail "PID 1 may gain privileges (NoNewPrivs $nnp)"
[[ $root_opts == ro,* || $root_opts == ro ]] || fail "the root file system is mounted $root_opts"
[[ $(readlink "/proc/$cpid/ns/pid") != "$(readlink /proc/self/ns/pid)" ]] || fail "not in its own PID namespace"
[[ $(awk '/^NSpid:/ {print $NF}' "/proc/$cpid/status") == 1 ]] || fail "gowasm-run is not the container's PID 1"
[[ $(readlink "/proc/$cpid/ns/net") != "$(readlink /proc/self/ns/net)" ]] || fail "not in its own network namespace"
# podman's default seccomp profile (as RuntimeDefault): Wasmtime runs under it.
if [[ $mode == podman ]]; then
	[[ $seccomp == 2 ]] || fail "no seccomp filter on PID 1 (Seccomp: $seccomp)"
	seccomp_note=", seccomp filter"
else
	seccomp_note=
fi
info "PID 1 (host PID $cpid): uid/gid 65532, no capabilities, no_new_privs$seccomp_note, root file system $root_opts"
rss1=$(awk '/^VmRSS:/ {print $2}' "/proc/$cpid/status")

stop_term
out=$(container_logs)
printf '%s\n' "$out" | sed 's/^/    | /'
[[ $exit_status == 0 ]] || fail "exit status $exit_status after SIGTERM, want 0"
grep -q 'level=INFO msg=listening addr=' <<<"$out" || fail "no 'msg=listening' line"
grep -q 'level=INFO msg="shutting down"' <<<"$out" || fail "no 'shutting down' line"
grep -q 'level=INFO msg=stopped' <<<"$out" || fail "no 'stopped' line"
if grep -qi 'warn\|error' <<<"$out"; then fail "warnings or errors in the output"; fi
info "SIGTERM -> exit status 0 in ${stop_s}s, 'shutting down' and 'stopped' logged"
stop1_s=$stop_s

# ---------------------------------------------------------------------------
step "run 2: $deployment's command and args, memory limit ${deploy_mem}Mi"
run_env=("${deploy_env[@]}")
start deploy "${deploy_mem}m" "${deploy_cmd[@]}"
wait_ready
ready2_s=$ready_s
expect POST /items '{"name":"tea","qty":3}' 201 '{"id":1,"name":"tea","qty":3}'
# Some load: 200 items, listed.
for i in $(seq 2 200); do
	request POST /items "{\"name\":\"item$i\",\"qty\":$i}"
	[[ $code == 201 ]] || fail "POST /items #$i: $code $body"
done
request GET /items
[[ $code == 200 && $(grep -o '"id":' <<<"$body" | wc -l) == 200 ]] || fail "GET /items after 200 POSTs: $code"
info "200 items stored and listed"
hwm2=$(awk '/^VmHWM:/ {print $2}' "/proc/$cpid/status")
rss2=$(awk '/^VmRSS:/ {print $2}' "/proc/$cpid/status")
# What the memory limit counts: the cgroup's peak (v1 or v2), page cache
# included.
cg_peak=
cg=$(awk -F: '$2 == "memory" || ($1 == "0" && $2 == "") {print $3; exit}' "/proc/$cpid/cgroup")
for f in "/sys/fs/cgroup/memory$cg/memory.max_usage_in_bytes" "/sys/fs/cgroup$cg/memory.peak"; do
	if [[ $mode == podman && -n $cg && $cg != / && -r $f ]]; then
		cg_peak=$(($(cat "$f") / 1048576))
		break
	fi
done
info "memory: peak RSS $((hwm2 / 1024)) MiB, now $((rss2 / 1024)) MiB${cg_peak:+, cgroup peak $cg_peak MiB} (limit ${deploy_mem} MiB)"
((hwm2 / 1024 < deploy_mem)) || fail "peak RSS $((hwm2 / 1024)) MiB is not below the limit"
stop_term
out=$(container_logs)
[[ $exit_status == 0 ]] || {
	dump
	fail "exit status $exit_status after SIGTERM, want 0"
}
grep -q 'msg=stopped' <<<"$out" || fail "no 'stopped' line"
info "SIGTERM -> exit status 0 in ${stop_s}s"

# ---------------------------------------------------------------------------
step "summary"
total_s=$(($(date +%s) - t_start))
cat <<EOF
    runtime:        $runtime_used
    static binary:  $((run_bin_size / 1024)) KiB ($target, built in ${musl_build_s}s)
    image:          $((image_size / 1024)) KiB FROM scratch, user $image_user, built in ${image_build_s}s
    run 1:          serving after ${ready1_s}s; README exchange, 404/422/204 ok; uid 65532, read-only /, no caps;
                    SIGTERM -> "shutting down", "stopped", exit 0 in ${stop1_s}s (RSS $((rss1 / 1024)) MiB)
    run 2:          ${deploy_cmd[*]}
                    limit ${deploy_mem}Mi$([[ $mode == podman ]] || echo ' (not enforced)'): serving after ${ready2_s}s, peak RSS $((hwm2 / 1024)) MiB${cg_peak:+ (cgroup $cg_peak MiB)}, SIGTERM -> exit 0
    total:          ${total_s}s
PASS: container test
EOF
