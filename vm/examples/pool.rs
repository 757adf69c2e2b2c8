//! Many programs over a fixed pool of threads: one compiled program run
//! 1 000 times, each run with its own argument and captured output, by as
//! many worker threads as the machine has cores.
//!
//! ```sh
//! gowasm build -o job.wasm ./vm/examples/job
//! cargo run --release -p vm --example pool -- job.wasm
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use vm::{Outcome, RunOptions, Runtime};

const RUNS: usize = 1000;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: pool MODULE.wasm"))?;
    let program = Runtime::new()?.load(&std::fs::read(&path)?)?;
    let workers = std::thread::available_parallelism()?.get();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let outputs = std::thread::scope(|s| {
        let pool: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| -> anyhow::Result<Vec<(usize, String)>> {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= RUNS {
                            return Ok(done);
                        }
                        let (stdout, out) = vm::capture();
                        let outcome = program.run(RunOptions {
                            args: vec!["job".into(), i.to_string()],
                            stdin: vm::Input::Empty,
                            stdout,
                            ..RunOptions::default()
                        })?;
                        if outcome != Outcome::Exit(0) {
                            anyhow::bail!("run {i} ended with {outcome:?}");
                        }
                        let text = String::from_utf8(out.lock().unwrap().clone())?;
                        done.push((i, text));
                    }
                })
            })
            .collect();
        pool.into_iter()
            .map(|w| w.join().expect("a worker panicked"))
            .collect::<anyhow::Result<Vec<_>>>()
    })?;
    let mut all: Vec<(usize, String)> = outputs.into_iter().flatten().collect();
    all.sort();
    assert_eq!(all.len(), RUNS);
    for (i, text) in &all {
        if !text.starts_with(&format!("{i} ")) {
            anyhow::bail!("run {i} printed {text:?}");
        }
    }
    eprintln!(
        "{RUNS} runs on {workers} threads in {:.2?}",
        started.elapsed()
    );
    print!("{}{}", all[0].1, all[RUNS - 1].1);
    println!("{RUNS} programs ok");
    Ok(())
}
