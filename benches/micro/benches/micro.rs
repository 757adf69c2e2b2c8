//! Criterion micro-benchmarks: `cargo bench -p micro-benches`.
//!
//! * `compile/hello`: `gowasm build` of examples/hello as a library call
//!   (front end and synthesized GOROOT cached, as after a first build).
//! * `startup/*`: loading a module through the compiled-module cache, and
//!   instantiating and running hello world (what an embedder pays per run).
//! * `op/*`: one Go operation, timed inside a running program
//!   (programs/ops.go) so that start-up is not counted.

use criterion::{Criterion, criterion_group, criterion_main};
use micro_benches::{OPS, compile, run, time_op};
use std::time::Duration;

fn benches(c: &mut Criterion) {
    let hello = compile("examples/hello").expect("compiling examples/hello");
    let mut g = c.benchmark_group("compile");
    g.sample_size(10);
    g.bench_function("hello", |b| {
        b.iter(|| compile("examples/hello").unwrap());
    });
    g.finish();

    let cache = std::env::temp_dir().join(format!("gowasm-micro-{}", std::process::id()));
    let runtime = vm::Runtime::with_cache(&cache).unwrap();
    runtime.load(&hello).unwrap();
    let mut g = c.benchmark_group("startup");
    g.bench_function("load_cached_hello", |b| {
        b.iter(|| runtime.load(&hello).unwrap());
    });
    let program = runtime.load(&hello).unwrap();
    g.bench_function("run_hello", |b| {
        b.iter(|| run(&program, &[]).unwrap());
    });
    g.finish();

    let ops = runtime
        .load(&compile("benches/micro/programs/ops.go").expect("compiling ops.go"))
        .unwrap();
    let mut g = c.benchmark_group("op");
    g.measurement_time(Duration::from_secs(3));
    for op in OPS {
        g.bench_function(*op, |b| {
            b.iter_custom(|iters| time_op(&ops, op, iters).unwrap());
        });
    }
    g.finish();
    std::fs::remove_dir_all(&cache).ok();
}

criterion_group!(micro, benches);
criterion_main!(micro);
