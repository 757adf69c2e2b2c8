//! The concurrent programs of the corpus (goroutines, channels, select,
//! sync, time, context) on a loaded machine: busy threads started here
//! compete for every core while the programs are built and run, natively
//! and through gowasm, as on a busy CI runner or production node. Timers
//! come due late, goroutines are descheduled at any point; the output must
//! still match native Go's.

use conformance::Mode;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Busy threads per core.
const BUSY_PER_CORE: usize = 2;

/// The busy threads stop by themselves after this long, whatever happens
/// to the test.
const BUSY_LIMIT: Duration = Duration::from_secs(600);

#[test]
fn concurrent_programs_match_native_go_on_a_loaded_machine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let programs = conformance::concurrent(&conformance::corpus(&root.join("programs")));
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let stop = Arc::new(AtomicBool::new(false));
    let busy: Vec<_> = (0..cores * BUSY_PER_CORE)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let start = Instant::now();
                let mut x = 0u64;
                while !stop.load(Ordering::Relaxed) && start.elapsed() < BUSY_LIMIT {
                    for _ in 0..100_000 {
                        x = std::hint::black_box(
                            x.wrapping_mul(6364136223846793005).wrapping_add(1),
                        );
                    }
                }
            })
        })
        .collect();
    let work = std::env::temp_dir().join(format!("gowasm-loaded-{}", std::process::id()));
    let (passed, failures) = conformance::run_all(&programs, &work, Mode::DEFAULT);
    stop.store(true, Ordering::Relaxed);
    for t in busy {
        t.join().unwrap();
    }
    let _ = std::fs::remove_dir_all(&work);
    for (program, why) in &failures {
        eprintln!("FAIL (loaded) {program}\n{why}\n");
    }
    eprintln!(
        "conformance (loaded, {} busy threads): {passed} passed, {} failed",
        cores * BUSY_PER_CORE,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} concurrent programs failed on a loaded machine",
        failures.len()
    );
}
