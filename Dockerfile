# The example service (examples/httpserver) as a container image: a static
# (musl) gowasm-run and the compiled module, nothing else.
#
#   docker build -t gowasm-httpserver .
#   docker run --rm -p 127.0.0.1:8080:8080 --read-only gowasm-httpserver
#   curl localhost:8080/healthz
#
# Stop it with SIGTERM (`docker stop`): gowasm-run, PID 1, passes the signal
# to the program, which logs "shutting down" and "stopped" and exits 0.
# deploy/container-test.sh builds the same final stage from locally built
# artifacts (no registry) and checks it; deploy/kubernetes/ has manifests.

# ---- Stage 1: build gowasm, a static gowasm-run, and the module ----------
FROM rust:1.95-bookworm AS build

# Go 1.26 for gowasm's front end (which also fetches golang.org/x/tools
# through the Go module proxy on first use).
COPY --from=golang:1.26-bookworm /usr/local/go /usr/local/go
ENV PATH=/usr/local/go/bin:$PATH

# musl-gcc for the C parts of the dependencies (zstd-sys).
RUN apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/*

# The image's architecture (x86_64 or aarch64) with musl: statically linked.
RUN rustup target add "$(uname -m)-unknown-linux-musl"

WORKDIR /src
COPY . .

# One cargo invocation, one dependency build for both binaries; both are
# static, gowasm runs in this stage only.
RUN target="$(uname -m)-unknown-linux-musl" \
 && cargo build --release --locked --target "$target" \
      -p compiler --bin gowasm -p vm --bin gowasm-run \
 && mkdir -p /out \
 && cp "target/$target/release/gowasm" "target/$target/release/gowasm-run" /out/ \
 && /out/gowasm-run --version

RUN /out/gowasm build -o /out/app.wasm ./examples/httpserver

# Precompiled with this same static gowasm-run and the settings it runs
# with (README, "Precompiled programs"): the container starts serving at
# once, without Wasmtime compiling the module (~25 CPU-seconds and a
# ~350 MB memory peak) and without a module cache.
RUN /out/gowasm-run compile -o /out/app.cwasm /out/app.wasm

# ---- Final stage: only the static runtime and the module -----------------
FROM scratch
COPY --from=build /out/gowasm-run /gowasm-run
COPY --from=build /out/app.cwasm /app.cwasm
# Numeric, so that runAsNonRoot can verify it (no /etc/passwd here).
USER 65532:65532
EXPOSE 8080
# `*:8080` grants listening on port 8080 at any address: the program's
# `:8080` becomes a dual-stack [::]:8080 (IPv4 and IPv6 pods alike).
# A precompiled program needs no module cache (the root file system is
# read-only in production). Arguments given to `docker run IMAGE ...` go
# to the program (e.g. -v).
ENTRYPOINT ["/gowasm-run", "--listen", "*:8080", "/app.cwasm"]
