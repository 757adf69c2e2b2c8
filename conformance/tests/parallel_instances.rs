//! The `vm` crate's promise to embedders: one loaded [`vm::Program`] can be
//! run from many threads at once, each run an independent instance. A
//! goroutine-heavy program (testdata/parallel_instances.go) is built once,
//! loaded once and run on 8 threads concurrently; every run must print
//! exactly what the native Go build prints.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Barrier};

const INSTANCES: usize = 8;

/// Compile-time check: a `Program` is shared across threads and a `Runtime`
/// may be handed to another thread.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<vm::Program>();
    assert_send_sync::<vm::Runtime>();
};

/// Runs a command and returns its output, panicking with its stderr if it
/// cannot be started or fails.
fn checked(cmd: &mut Command, what: &str) -> std::process::Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn one_program_runs_on_many_threads_at_once() {
    let program =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/parallel_instances.go");
    let work = std::env::temp_dir().join(format!("gowasm-parallel-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();

    // Native Go is the oracle for the expected output.
    let native_bin = work.join("native");
    checked(
        Command::new("go")
            .arg("build")
            .arg("-o")
            .arg(&native_bin)
            .arg(&program),
        "go build",
    );
    let native = checked(&mut Command::new(&native_bin), "the native program");
    let expected = String::from_utf8(native.stderr).unwrap();
    assert!(
        expected.lines().count() >= 4,
        "native output too short: {expected:?}"
    );

    let wasm = work.join("prog.wasm");
    checked(
        Command::new(conformance::find_tool("gowasm"))
            .arg("build")
            .arg("-o")
            .arg(&wasm)
            .arg(&program),
        "gowasm build",
    );
    let bytes = std::fs::read(&wasm).unwrap();
    let _ = std::fs::remove_dir_all(&work);

    let loaded = vm::Runtime::new()
        .expect("creating the runtime")
        .load(&bytes)
        .expect("loading the module");
    // The barrier lines the runs up so that they overlap rather than
    // finishing one by one as threads happen to start.
    let start = Arc::new(Barrier::new(INSTANCES));
    let threads: Vec<_> = (0..INSTANCES)
        .map(|i| {
            let (loaded, start) = (loaded.clone(), start.clone());
            std::thread::spawn(move || {
                let (stdout, out_buf) = vm::capture();
                let (stderr, err_buf) = vm::capture();
                start.wait();
                let outcome = loaded
                    .run(vm::RunOptions {
                        args: vec![format!("parallel_instances_{i}")],
                        stdout,
                        stderr,
                        ..vm::RunOptions::default()
                    })
                    .expect("running the module");
                let text = |buf: Arc<std::sync::Mutex<Vec<u8>>>| {
                    String::from_utf8(buf.lock().unwrap().clone()).unwrap()
                };
                (outcome.exit_code(), text(out_buf), text(err_buf))
            })
        })
        .collect();
    for (i, t) in threads.into_iter().enumerate() {
        let (code, stdout, stderr) = t.join().expect("run thread panicked");
        assert_eq!(code, 0, "instance {i} exited {code}; stderr:\n{stderr}");
        assert_eq!(stdout, "", "instance {i} wrote to stdout");
        if let Some(diff) = conformance::first_difference("stderr", &expected, &stderr) {
            panic!("instance {i}: {diff}");
        }
    }
}
