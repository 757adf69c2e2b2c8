//! The gowasm CLI end to end: build, run, and errors in user code.

use std::path::{Path, PathBuf};
use std::process::Command;

fn gowasm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gowasm"))
}

/// The gowasm-run built next to gowasm.
fn gowasm_run() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_gowasm")).with_file_name("gowasm-run")
}

/// The vm crate's example program `name` (built by `cargo test
/// --workspace`).
fn example(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_BIN_EXE_gowasm"))
        .with_file_name("examples")
        .join(name);
    assert!(
        path.is_file(),
        "{} missing: build the examples (cargo test --workspace)",
        path.display()
    );
    path
}

/// A scratch directory with compiler/tests/testdata/limits.go built into
/// limits.wasm.
fn limits_module(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let wasm = dir.join("limits.wasm");
    build(&wasm, "compiler/tests/testdata/limits.go");
    (dir, wasm)
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gowasm-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `gowasm build FILE` in dir, which must fail as `go build` does (exit
/// status 1, the package header first, no module written); returns stderr.
fn failed_build(dir: &Path, file: &str) -> String {
    let out = gowasm()
        .args(["build", file])
        .current_dir(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("# command-line-arguments\n"), "{err}");
    let module = Path::new(file).with_extension("wasm");
    assert!(!dir.join(module).exists());
    err
}

/// Builds each (file, source) in a scratch directory, which must fail as
/// `go build` does with exactly that message under the package header.
fn assert_compile_errors(name: &str, cases: &[(&str, &str, &str)]) {
    let dir = scratch(name);
    for (file, source, message) in cases {
        std::fs::write(dir.join(file), source).unwrap();
        let err = failed_build(&dir, file);
        assert_eq!(err, format!("# command-line-arguments\n{message}\n"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs a command that must succeed (its stderr is the failure message)
/// and returns its output.
fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `gowasm build -o out target` from the repository root, which must
/// succeed.
fn build(out: &Path, target: &str) {
    succeed(
        gowasm()
            .args(["build", "-o"])
            .arg(out)
            .arg(target)
            .current_dir(repo()),
    );
}

#[test]
fn run_example() {
    let out = gowasm()
        .args(["run", "./examples/hello"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Hello from Go on WebAssembly GC!\n"
    );
}

#[test]
fn build_writes_module_named_like_go_build() {
    let dir = scratch("build");
    std::fs::write(
        dir.join("prog.go"),
        "package main\n\nfunc main() { println(1) }\n",
    )
    .unwrap();
    succeed(gowasm().args(["build", "prog.go"]).current_dir(&dir));
    let wasm = std::fs::read(dir.join("prog.wasm")).unwrap();
    assert!(wasm.starts_with(b"\0asm"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compile_errors_are_reported_like_go_build() {
    let dir = scratch("errors");
    std::fs::write(
        dir.join("bad.go"),
        "package main\n\nfunc main() {\n\tvar x int = \"s\"\n\tprintln(x)\n}\n",
    )
    .unwrap();
    let err = failed_build(&dir, "bad.go");
    assert!(err.contains("bad.go:4:14: cannot use \"s\""), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `//go:wasmimport` of a host function whose Go signature cannot cross
/// the boundary (a pointer to a slice, two results, a pointer result) is a
/// compile error at the declaration.
#[test]
fn host_function_declarations_that_cannot_cross_are_compile_errors() {
    assert_compile_errors(
        "wasmimport",
        &[
            (
                "ptr.go",
                "package main\n\n//go:wasmimport app f\nfunc f(p *[]int)\n\nfunc main() {\n\tf(nil)\n}\n",
                "./ptr.go:4:6: //go:wasmimport app f: parameter type *[]int cannot cross the host boundary",
            ),
            (
                "two.go",
                "package main\n\n//go:wasmimport app g\nfunc g() (int32, int32)\n\nfunc main() {\n\tg()\n}\n",
                "./two.go:4:6: //go:wasmimport app g: at most one result can cross the host boundary",
            ),
            (
                "result.go",
                "package main\n\n//go:wasmimport app h\nfunc h() *int32\n\nfunc main() {\n\th()\n}\n",
                "./result.go:4:6: //go:wasmimport app h: result type *int32 cannot cross the host boundary",
            ),
        ],
    );
}

/// A `//go:embed` pattern that matches nothing is a compile error at the
/// directive, as go build reports it (exit 1, no module).
#[test]
fn go_embed_without_matching_files_fails_at_the_directive() {
    let dir = scratch("embed");
    std::fs::write(
        dir.join("prog.go"),
        "package main\n\nimport _ \"embed\"\n\n//go:embed missing.txt\nvar s string\n\nfunc main() { println(s) }\n",
    )
    .unwrap();
    let err = failed_build(&dir, "prog.go");
    assert!(
        err.contains("prog.go:5:1: pattern missing.txt: no matching files found"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `gowasm run main.go` in dir, with main.go holding `source`.
fn run_main(dir: &Path, source: &str) -> std::process::Output {
    std::fs::write(dir.join("main.go"), source).unwrap();
    gowasm()
        .args(["run", "main.go"])
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn run_passes_arguments_and_exit_status() {
    let dir = scratch("args");
    let out = run_main(
        &dir,
        "package main\n\nfunc main() {\n\tpanic(\"stop\")\n}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("panic: stop\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Everything after the module is the program's, flags that gowasm-run
/// also has included; a module cache that cannot be used is skipped with
/// a warning.
#[test]
fn gowasm_run_passes_arguments_untouched_and_runs_without_a_usable_cache() {
    let dir = scratch("argv");
    std::fs::write(
        dir.join("main.go"),
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Printf(\"%q\\n\", os.Args[1:]) }\n",
    )
    .unwrap();
    let wasm = dir.join("argv.wasm");
    succeed(
        gowasm()
            .args(["build", "-o"])
            .arg(&wasm)
            .arg("main.go")
            .current_dir(&dir),
    );
    let run = gowasm_run();
    for (args, want) in [
        (&["--help", "-x"][..], "[\"--help\" \"-x\"]\n"),
        (&["-h"], "[\"-h\"]\n"),
        (
            &["--version", "--net", "a"],
            "[\"--version\" \"--net\" \"a\"]\n",
        ),
        (&[], "[]\n"),
    ] {
        let out = succeed(Command::new(&run).arg(&wasm).args(args));
        assert_eq!(String::from_utf8_lossy(&out.stdout), want, "{args:?}");
    }
    let out = succeed(
        Command::new(&run)
            .args(["--env", "A=1"])
            .arg(&wasm)
            .arg("--env"),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[\"--env\"]\n");
    // A cache directory that cannot be made (/proc takes no new
    // directories, even from root): one warning, and the program runs.
    let out = succeed(
        Command::new(&run)
            .env("GOWASM_CACHE", "/proc/gowasm-no-cache")
            .arg(&wasm),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("gowasm-run: warning: module cache /proc/gowasm-no-cache/modules unusable"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// gowasm-run's limits end a program cleanly, each with its message and
/// exit status: a timeout whether the program computes or sleeps, the
/// GC heap's cap for data kept alive, an unbounded append and a goroutine
/// bomb, an allocation larger than the engine can make, and the stack.
/// A stack overflow's traceback names the Go functions from the module's
/// gowasm.names section (the module has no standard name section).
#[test]
fn gowasm_run_limits_end_programs_cleanly() {
    let (dir, wasm) = limits_module("limits");
    let run = gowasm_run();
    let oom = "fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n";
    let timeout = "gowasm: the program ran longer than its time limit (500ms)\n";
    let cases: &[(&[&str], &str, i32, &str)] = &[
        (&["--timeout", "500ms"], "spin", 124, timeout),
        (&["--timeout", "500ms"], "sleep", 124, timeout),
        (&["--max-memory", "64M"], "retain", 2, oom),
        (&["--max-memory", "64M"], "append", 2, oom),
        (&["--max-memory", "64M"], "bomb", 2, oom),
        (&[], "huge", 2, oom),
        (
            &["--max-stack", "1M"],
            "recurse",
            2,
            "runtime: goroutine stack exceeds 1048576-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\nmain.recurse(...)\nmain.recurse(...)\n",
        ),
    ];
    for (flags, mode, code, stderr) in cases {
        let out = Command::new(&run)
            .args(*flags)
            .arg(&wasm)
            .arg(mode)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{mode}: {err}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "started\n", "{mode}");
        assert!(err.starts_with(stderr), "{mode}: {err}");
    }
    let out = Command::new(&run)
        .args(["--timeout", "soon"])
        .arg(&wasm)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a duration"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `gowasm-run compile` precompiles a module; the precompiled program runs
/// as the module does, without the module cache. One precompiled without
/// interruption checks is refused with --timeout, with the fix in the
/// message; a damaged one is refused.
#[test]
fn gowasm_run_runs_precompiled_programs() {
    let (dir, wasm) = limits_module("aot");
    let run = gowasm_run();
    succeed(Command::new(&run).arg("compile").arg(&wasm));
    let cwasm = dir.join("limits.cwasm");
    let direct = Command::new(&run).arg(&wasm).arg("exit").output().unwrap();
    let precompiled = Command::new(&run)
        .arg(&cwasm)
        .arg("exit")
        .env("GOWASM_CACHE", dir.join("unused-cache"))
        .output()
        .unwrap();
    assert_eq!(precompiled.status.code(), Some(3));
    assert_eq!(precompiled.stdout, direct.stdout);
    assert_eq!(precompiled.stderr, direct.stderr);
    assert!(!dir.join("unused-cache").exists());

    let refused = Command::new(&run)
        .args(["--timeout", "1s"])
        .arg(&cwasm)
        .arg("spin")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("gowasm-run compile --interruptible"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let interruptible = dir.join("spin.cwasm");
    succeed(
        Command::new(&run)
            .args(["compile", "--interruptible", "-o"])
            .arg(&interruptible)
            .arg(&wasm),
    );
    let out = Command::new(&run)
        .args(["--timeout", "300ms"])
        .arg(&interruptible)
        .arg("spin")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(124));

    let bytes = std::fs::read(&cwasm).unwrap();
    let damaged = dir.join("damaged.cwasm");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    let out = Command::new(&run).arg(&damaged).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("precompiled program cannot run here"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// vm/examples/embed.rs runs vm/examples/greeter, whose Go code calls the
/// example's host functions (strings, byte slices, bools, integers and
/// floats each way) and reads the stdin the example gives it. The example
/// binary is built by `cargo test --workspace` (or `cargo build --examples
/// -p vm`).
#[test]
fn embedding_example_runs_go_calling_host_functions() {
    let dir = scratch("embedding");
    let wasm = dir.join("greeter.wasm");
    build(&wasm, "./vm/examples/greeter");
    let out = succeed(Command::new(example("embed")).arg(&wasm));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "gowasm embedding example\ngreeter 40 42 [1 12 3]\n12 filled later\n-1\n\
         Hello, Ada! (1)\nHello, Grace! (2)\n42 3\nrecorded: [\"Ada\", \"Grace\"]\nok\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A module whose host-function imports the embedder did not register,
/// or registered with other types, is refused at load time naming both
/// signatures; a host function's error ends the run as a fatal error
/// naming it.
#[test]
fn host_function_mismatches_are_load_errors() {
    let dir = scratch("hostfuncs");
    let wasm = dir.join("greeter.wasm");
    build(&wasm, "./vm/examples/greeter");
    let bytes = std::fs::read(&wasm).unwrap();
    use vm::ValueType::{ByteSlice, Bytes, F32, F64, I32, I64, Pointer};
    let none = |_: &mut vm::HostCall<'_>, _: &[vm::Value]| -> anyhow::Result<Vec<vm::Value>> {
        anyhow::bail!("refused")
    };
    let runtime = |add: &[vm::ValueType], greeting: &[vm::ValueType]| {
        vm::Runtime::builder()
            .host_func("app", "greeting", greeting, &[Bytes], none)
            .host_func("app", "add", add, &[I64], none)
            .host_func("app", "scale", &[F64, F32], &[F64], none)
            .host_func("app", "record", &[Bytes, I32], &[I32], none)
            .host_func("app", "banner", &[ByteSlice], &[I32], none)
            .host_func("app", "bump", &[Pointer, I32], &[I64], none)
            .host_func("app", "deliver", &[ByteSlice], &[], none)
            .host_func("app", "complete", &[], &[I32], none)
            .build()
            .unwrap()
    };
    let err = vm::Runtime::new().unwrap().load(&bytes).err().unwrap();
    assert!(
        err.to_string()
            .starts_with("module imports unknown host function app."),
        "{err}"
    );
    let err = runtime(&[I32, I64], &[Bytes])
        .load(&bytes)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        err,
        "module imports host function app.add as func(int64, int64) int64, but the host's function is (i32, i64) -> (i64)"
    );
    // A writable view of a string parameter is refused, though a string's
    // wasm form is a []byte's.
    let err = runtime(&[I64, I64], &[ByteSlice])
        .load(&bytes)
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "module imports host function app.greeting as func(string) string, but the host's function is (byte slice) -> (bytes)"
    );
    let program = runtime(&[I64, I64], &[Bytes]).load(&bytes).unwrap();
    let (stderr, _) = vm::capture();
    let outcome = program
        .run(vm::RunOptions {
            stdin: vm::Input::Empty,
            stderr,
            ..vm::RunOptions::default()
        })
        .unwrap();
    let vm::Outcome::Fatal { message, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert!(
        message.starts_with("fatal error: host function app.banner: refused"),
        "{message}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Under an address-space limit (`ulimit -v`, 1.5 GB here) too small for
/// the engine's default 4 GiB heap reservation, programs still run,
/// including one whose heap grows far beyond its start (it moves).
#[test]
fn gowasm_run_works_under_an_address_space_limit() {
    let dir = scratch("ulimit");
    let wasm = dir.join("live.wasm");
    build(&wasm, "compiler/tests/testdata/gc_live_list.go");
    let run = gowasm_run();
    let out = succeed(
        Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1500000 && exec \"$0\" --gc-heap-initial 64K \"$1\"")
            .arg(&run)
            .arg(&wasm),
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("ok "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// GOTRACEBACK as in Go: none prints no goroutine trace, single (the
/// default) the running goroutine's, all every goroutine's header with
/// its state, for panics and fatal errors alike.
#[test]
fn gowasm_run_honours_gotraceback() {
    let (dir, wasm) = limits_module("gotraceback");
    let run = gowasm_run();
    let stderr = |level: &str, mode: &str| {
        let out = Command::new(&run)
            .arg(format!("--env=GOTRACEBACK={level}"))
            .arg(&wasm)
            .arg(mode)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert_eq!(stderr("none", "crowd"), "panic: boom\n");
    assert_eq!(
        stderr("none", "deadlock"),
        "fatal error: all goroutines are asleep - deadlock!\n"
    );
    assert_eq!(
        stderr("single", "crowd"),
        "panic: boom\n\ngoroutine 1 [running]:\n"
    );
    assert_eq!(
        stderr("all", "crowd"),
        "panic: boom\n\ngoroutine 1 [running]:\n\ngoroutine 2 [select (no cases)]:\n\ngoroutine 3 [sleep]:\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The vm crate tells how a run ended, and an embedder can stop a run
/// from another thread, before it starts or while it computes.
#[test]
fn embedded_runs_report_how_they_ended_and_can_be_cancelled() {
    let (dir, wasm) = limits_module("outcomes");
    let runtime = vm::Runtime::with_options(vm::RuntimeOptions {
        interruptible: true,
        ..vm::RuntimeOptions::default()
    })
    .unwrap();
    let program = runtime.load(&std::fs::read(&wasm).unwrap()).unwrap();
    let run = |mode: &str, cancel: Option<vm::CancelHandle>| {
        let (stdout, _) = vm::capture();
        let (stderr, _) = vm::capture();
        program
            .run(vm::RunOptions {
                args: vec!["limits".into(), mode.into()],
                stdout,
                stderr,
                cancel,
                ..vm::RunOptions::default()
            })
            .unwrap()
    };
    assert_eq!(run("exit", None), vm::Outcome::Exit(3));
    let vm::Outcome::Panic { message, traceback } = run("panic", None) else {
        panic!("not a panic")
    };
    assert_eq!(message, "panic: boom\n");
    assert!(
        traceback.starts_with("goroutine 1 [running]:\n"),
        "{traceback}"
    );
    let vm::Outcome::Fatal { message, traceback } = run("deadlock", None) else {
        panic!("not a fatal error")
    };
    assert_eq!(
        message,
        "fatal error: all goroutines are asleep - deadlock!"
    );
    assert_eq!(traceback, "goroutine 1 [chan receive]:\n");
    let cancel = vm::CancelHandle::new();
    cancel.cancel();
    assert_eq!(run("exit", Some(cancel)), vm::Outcome::Cancelled);
    for mode in ["spin", "sleep"] {
        let cancel = vm::CancelHandle::new();
        let canceller = cancel.clone();
        let stop = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            canceller.cancel();
        });
        assert_eq!(run(mode, Some(cancel)), vm::Outcome::Cancelled, "{mode}");
        stop.join().unwrap();
    }
    // A runtime that cannot interrupt compiled code refuses a cancel handle.
    let plain = vm::Runtime::new().unwrap();
    let program = plain.load(&std::fs::read(&wasm).unwrap()).unwrap();
    let refused = program.run(vm::RunOptions {
        cancel: Some(vm::CancelHandle::new()),
        ..vm::RunOptions::default()
    });
    assert!(refused.is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// In a program that asks for its callers (so the module has a line
/// table), an unrecovered panic's report lists the frames from the panic
/// down, in gc's traceback format without argument values.
#[test]
fn uncaught_panic_lists_frames_where_the_module_has_a_line_table() {
    let dir = scratch("traceback");
    let out = run_main(
        &dir,
        "package main\n\nimport \"runtime\"\n\nfunc f() {\n\tpanic(\"boom\")\n}\n\nfunc main() {\n\truntime.Caller(0)\n\tf()\n}\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let frames: Vec<&str> = err.lines().collect();
    assert_eq!(
        frames[..4],
        ["panic: boom", "", "goroutine 1 [running]:", "main.f()"],
        "{err}"
    );
    assert!(
        frames[4].starts_with('\t') && frames[4].contains("main.go:6 +0x"),
        "{err}"
    );
    assert_eq!(frames[5], "main.main()", "{err}");
    assert!(frames[6].contains("main.go:11 +0x"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Reading memory as another type through unsafe.Pointer cannot work on
/// typed GC objects: a Go run-time panic naming the conversion, exit 2,
/// never a trap.
#[test]
fn reinterpreting_memory_panics_naming_the_conversion() {
    let dir = scratch("reinterpret");
    let cases = [
        (
            "s := \"hello\"\n\tprintln(*(*uintptr)(unsafe.Pointer(&s)))",
            "*uintptr",
        ),
        (
            "x := uint64(1)\n\tprintln((*[8]byte)(unsafe.Pointer(&x))[0])",
            "*[8]uint8",
        ),
    ];
    for (body, target) in cases {
        let out = run_main(
            &dir,
            &format!("package main\n\nimport \"unsafe\"\n\nfunc main() {{\n\t{body}\n}}\n"),
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.starts_with(&format!(
                "panic: runtime error: unsafe.Pointer conversion to {target} of memory holding another type: gowasm cannot reinterpret memory\n"
            )),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every program carries the scheduler and, since the scheduler's pointer
/// code has nil checks, Go's panic report (docs/status.md): about 23 KB.
/// Go's own wasip1 hello world is over 1 MB.
#[test]
fn println_hello_world_is_under_32_kb() {
    let dir = scratch("size");
    build(&dir.join("hello.wasm"), "./examples/hello");
    let size = std::fs::metadata(dir.join("hello.wasm")).unwrap().len();
    assert!(size < 32 << 10, "hello world is {size} bytes");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The same sources build the same module bytes (the compiled-module
/// cache is keyed by them). Go's map order differs from run to run, so
/// four builds of a program with many runtime types would differ if any
/// ID followed it.
#[test]
fn builds_are_reproducible() {
    let dir = scratch("reproducible");
    let target = "./conformance/programs/stdlib_mixed_packages.go";
    let modules: Vec<Vec<u8>> = (0..4)
        .map(|i| {
            let out = dir.join(format!("m{i}.wasm"));
            build(&out, target);
            std::fs::read(&out).unwrap()
        })
        .collect();
    assert!(modules.windows(2).all(|w| w[0] == w[1]), "builds differ");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Reading stdin parks only the reading goroutine: the other keeps
/// printing, and the line sent once it has printed arrives.
#[test]
fn stdin_read_does_not_block_other_goroutines() {
    use std::io::{BufRead, Write};
    let mut child = gowasm()
        .args(["run", "compiler/tests/testdata/stdin_while_printing.go"])
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert_eq!(first, "tick 1");
    // The reader is waiting; ticks continue.
    assert_eq!(lines.next().unwrap().unwrap(), "tick 2");
    child.stdin.take().unwrap().write_all(b"hello\n").unwrap();
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    assert_eq!(rest.last().map(String::as_str), Some("read: hello"));
    assert!(
        rest[..rest.len() - 1]
            .iter()
            .all(|l| l.starts_with("tick "))
    );
    assert!(child.wait().unwrap().success());
}

/// gowasm-run's --gc-heap-initial: a program whose live data is many times
/// the heap it starts with runs the same from a tiny and from a large
/// initial heap; a malformed size is refused before anything runs.
#[test]
fn gowasm_run_gc_heap_initial() {
    let dir = scratch("gcheap");
    let wasm = dir.join("app.wasm");
    build(&wasm, "compiler/tests/testdata/gc_live_list.go");
    let run = gowasm_run();
    let outputs: Vec<String> = ["64K", "256M"]
        .iter()
        .map(|size| {
            let out = succeed(
                Command::new(&run)
                    .args(["--gc-heap-initial", size])
                    .arg(&wasm),
            );
            String::from_utf8_lossy(&out.stderr).into_owned()
        })
        .collect();
    assert!(outputs[0].starts_with("ok "), "{}", outputs[0]);
    assert_eq!(outputs[0], outputs[1]);
    let out = Command::new(&run)
        .args(["--gc-heap-initial", "12X"])
        .arg(&wasm)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a size"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// gowasm-run's environment: only what --env gives (KEY=VALUE, or KEY for
/// the host's value; a later entry of a key wins, a KEY the host lacks is
/// left out), and the host's whole environment with --inherit-env.
#[test]
fn gowasm_run_env_options() {
    let dir = scratch("env");
    let wasm = dir.join("env.wasm");
    build(&wasm, "compiler/tests/testdata/environ.go");
    let run = gowasm_run();
    let env_of = |options: &[&str]| {
        let out = succeed(
            Command::new(&run)
                .env("GOWASM_TEST_HOST_VAR", "from host")
                .env_remove("GOWASM_TEST_UNSET")
                .args(options)
                .arg(&wasm),
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(env_of(&[]), "[]");
    assert_eq!(
        env_of(&[
            "--env",
            "A=1",
            "--env",
            "GOWASM_TEST_HOST_VAR",
            "--env",
            "GOWASM_TEST_UNSET",
            "--env",
            "A=2=3",
        ]),
        "[A=2=3 GOWASM_TEST_HOST_VAR=from host]"
    );
    let inherited = env_of(&["--inherit-env", "--env", "GOWASM_TEST_HOST_VAR=mine"]);
    assert!(
        inherited.contains("GOWASM_TEST_HOST_VAR=mine"),
        "{inherited}"
    );
    assert!(!inherited.contains("from host"), "{inherited}");
    assert!(inherited.contains("PATH="), "{inherited}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `gowasm-run --dir HOST::GUEST:ro`: the program reads beneath the
/// grant, cannot change it, and cannot leave it by `..`, a symlink or an
/// absolute path; a grant of a missing directory is refused up front.
#[test]
fn gowasm_run_dir_grants_are_enforced() {
    let dir = scratch("sandbox");
    let wasm = dir.join("sandbox.wasm");
    build(&wasm, "compiler/tests/testdata/sandbox.go");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("inside.txt"), "in").unwrap();
    std::fs::write(dir.join("outside.txt"), "out").unwrap();
    let _ = std::fs::remove_file(data.join("escape"));
    std::os::unix::fs::symlink("../outside.txt", data.join("escape")).unwrap();
    let run = gowasm_run();
    let out = succeed(
        Command::new(&run)
            .arg("--dir")
            .arg(format!("{}::/data:ro", data.display()))
            .arg(&wasm),
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "read inside in ok\ncreate permission\nremove permission\nmkdir permission\n\
         dotdot not exist\nsymlink out permission\nungranted not exist\ncwd /data\n"
    );
    assert!(!data.join("new.txt").exists());
    let out = Command::new(&run)
        .args(["--dir", "/nonexistent-gowasm-dir"])
        .arg(&wasm)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent-gowasm-dir"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `go test`'s report with timings taken out: `(0.00s)` and the package
/// line's duration.
fn without_timings(report: &str) -> String {
    report
        .lines()
        .map(|l| {
            let l = match l.find(" (") {
                Some(i) if l.ends_with("s)") && l.trim_start().starts_with("--- ") => &l[..i],
                _ => l,
            };
            match l.rsplit_once('\t') {
                Some((head, t)) => {
                    // "0.12s", or "0.12s [note]".
                    let (time, note) = t.split_once(' ').unwrap_or((t, ""));
                    match time.strip_suffix('s').map(str::parse::<f64>) {
                        Some(Ok(_)) => format!("{head} {note}"),
                        _ => l.to_string(),
                    }
                }
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn test_reports_like_go_test() {
    let pkg = "./compiler/tests/testdata/gotest";
    for verbose in [false, true] {
        let args: &[&str] = if verbose {
            &["test", "-v", pkg]
        } else {
            &["test", pkg]
        };
        let native = Command::new("go")
            .args(args)
            .current_dir(repo())
            .output()
            .unwrap();
        let ours = gowasm().args(args).current_dir(repo()).output().unwrap();
        let (native_out, our_out) = (
            without_timings(&String::from_utf8_lossy(&native.stdout)),
            without_timings(&String::from_utf8_lossy(&ours.stdout)),
        );
        assert_eq!(native.status.code(), Some(1), "{native_out}");
        assert_eq!(
            ours.status.code(),
            native.status.code(),
            "{our_out}\n{}",
            String::from_utf8_lossy(&ours.stderr)
        );
        if verbose {
            // Parallel subtests may interleave differently: the same
            // lines, in any order.
            let sorted = |s: &str| {
                let mut v: Vec<String> = s.lines().map(str::to_string).collect();
                v.sort();
                v
            };
            assert_eq!(sorted(&our_out), sorted(&native_out));
        } else {
            assert_eq!(our_out, native_out);
        }
    }
    let out = gowasm()
        .args(["test", "-run", "TestSum|TestExternal", pkg])
        .current_dir(repo())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}");
    assert!(
        report.starts_with("ok  \tgowasm.dev/compiler/tests/testdata/gotest\t"),
        "{report}"
    );
    // A pattern that matches nothing: a note on the summary line.
    let args = ["test", "-count=1", "-run", "NoSuchTest", pkg];
    let native = Command::new("go")
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap();
    let ours = gowasm().args(args).current_dir(repo()).output().unwrap();
    assert_eq!(
        without_timings(&String::from_utf8_lossy(&ours.stdout)),
        without_timings(&String::from_utf8_lossy(&native.stdout))
    );
}

#[test]
fn test_of_a_package_without_tests() {
    let out = gowasm()
        .args(["test", "./examples/hello"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "?   \tgowasm.dev/examples/hello\t[no test files]\n"
    );
}

#[test]
fn gowasm_run_network_policy_is_enforced() {
    let dir = scratch("netpolicy");
    let wasm = dir.join("netpolicy.wasm");
    build(&wasm, "compiler/tests/testdata/netpolicy.go");
    let run = gowasm_run();
    let target = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let target = target.local_addr().unwrap().to_string();
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = free.local_addr().unwrap().port().to_string();
    drop(free);
    let policy = |flags: &[&str]| {
        let out = succeed(
            Command::new(&run)
                .args(flags)
                .arg(&wasm)
                .args([&port, &target]),
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        policy(&[]),
        format!(
            "listen tcp 127.0.0.1:0: bind: permission denied\n\
             listen tcp :{port}: bind: permission denied\n\
             dial tcp {target}: connect: permission denied\n"
        )
    );
    let listen_port = format!("127.0.0.1:{port}");
    assert_eq!(
        policy(&["--listen", &listen_port, "--connect", "127.0.0.2:*"]),
        format!(
            "listen tcp 127.0.0.1:0: bind: permission denied\n\
             listen all interfaces at 127.0.0.1\n\
             dial tcp {target}: connect: permission denied\n"
        )
    );
    assert_eq!(
        policy(&["--listen", "127.0.0.1:*", "--connect", &target]),
        "listen ephemeral ok\nlisten all interfaces at 127.0.0.1\nconnect ok\n"
    );
    assert_eq!(
        policy(&["--net"]),
        "listen ephemeral ok\nlisten all interfaces at ::\nconnect ok\n"
    );
    let out = Command::new(&run)
        .args(["--listen", "127.0.0.1:http"])
        .arg(&wasm)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"http\" is not a port"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A program writing to a closed pipe dies of SIGPIPE, as a gc program
/// does (`gowasm-run app.wasm | head -1` ends); one that ignores SIGPIPE
/// gets the write's EPIPE error.
#[test]
fn gowasm_run_dies_of_sigpipe_like_go() {
    use std::io::BufRead;
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch("sigpipe");
    let run = gowasm_run();
    for (name, ignore, want_signal, want_code) in [
        ("dies", "", Some(13), None),
        ("ignores", "signal.Ignore(syscall.SIGPIPE)", None, Some(3)),
    ] {
        let src = format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n)\n\n\
             var _ = signal.Ignore\nvar _ = syscall.SIGPIPE\n\n\
             func main() {{\n\t{ignore}\n\tfor {{\n\t\tif _, err := fmt.Println(\"y\"); err != nil {{\n\
             \t\t\tfmt.Fprintln(os.Stderr, err)\n\t\t\tos.Exit(3)\n\t\t}}\n\t}}\n}}\n"
        );
        std::fs::write(dir.join(format!("{name}.go")), src).unwrap();
        let wasm = dir.join(format!("{name}.wasm"));
        succeed(
            gowasm()
                .args(["build", "-o"])
                .arg(&wasm)
                .arg(format!("{name}.go"))
                .current_dir(&dir),
        );
        let mut child = Command::new(&run)
            .arg(&wasm)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert_eq!(first, "y\n");
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.signal(), want_signal, "{name}");
        assert_eq!(out.status.code(), want_code, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// vm/examples/reactor.rs calls the `//go:wasmexport` functions of
/// vm/examples/counter on one instance: numbers, strings and byte slices
/// each way, a call that blocks while a goroutine started by package
/// initialization answers it, goroutines that go on between calls, a
/// call with wrong arguments refused, and a panic that ends the instance.
#[test]
fn reactor_example_calls_go_exports_on_one_instance() {
    let dir = scratch("reactor");
    let wasm = dir.join("counter.wasm");
    build(&wasm, "./vm/examples/counter");
    let out = succeed(Command::new(example("reactor")).arg(&wasm));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "add(1) = [I64(1)]\nadd(2) = [I64(3)]\nadd(39) = [I64(42)]\n\
         count_words(\"the quick brown fox\") = [I32(4)]\n\
         count_words(\"The lazy dog and the fox\") = [I32(6)]\n\
         top(2) = the=3 fox=2\nwait() = [I32(150)]\nchecksum = [F64(-128.0)]\n\
         add(i32): add: argument 0 is I32(1), but a i64 is expected\n\
         fail: panic: fail: on purpose\n\
         after the panic: Panic { message: \"panic: fail: on purpose\\n\", traceback: \"goroutine 163 [running]:\\n\" }\n\
         stderr: panic: fail: on purpose\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// vm/examples/pool.rs runs vm/examples/job 1 000 times over a thread per
/// core; its first and last runs print what the native build prints.
#[test]
fn pool_example_runs_a_thousand_programs() {
    let dir = scratch("pool");
    let wasm = dir.join("job.wasm");
    build(&wasm, "./vm/examples/job");
    let out = succeed(Command::new(example("pool")).arg(&wasm));
    let native = |arg: &str| {
        let out = succeed(
            Command::new("go")
                .args(["run", "./vm/examples/job", arg])
                .current_dir(repo()),
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}{}1000 programs ok\n", native("0"), native("999"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Exported functions end the instance as a program ends: a deadlock in
/// one is Go's fatal error; a module without exports cannot be
/// instantiated; names that are not exported Go functions are refused.
#[test]
fn exported_function_failures_are_clean() {
    let dir = scratch("wasmexport");
    std::fs::write(
        dir.join("stuck.go"),
        "package main\n\n//go:wasmexport ping\nfunc ping(x int32) int32 { return x + 1 }\n\n\
         //go:wasmexport stuck\nfunc stuck() { select {} }\n\nfunc main() {}\n",
    )
    .unwrap();
    succeed(gowasm().args(["build", "stuck.go"]).current_dir(&dir));
    let program = vm::Runtime::new()
        .unwrap()
        .load(&std::fs::read(dir.join("stuck.wasm")).unwrap())
        .unwrap();
    let (stderr, printed) = vm::capture();
    let instance = program
        .instantiate(vm::RunOptions {
            stderr,
            ..vm::RunOptions::default()
        })
        .unwrap();
    assert_eq!(
        instance.call("ping", &[vm::Value::I32(41)]).unwrap(),
        [vm::Value::I32(42)]
    );
    for name in ["nothing", "_start", "bytes_slice"] {
        let err = instance.call(name, &[]).err().unwrap();
        assert!(matches!(err, vm::CallError::NoExport(_)), "{name}: {err}");
    }
    let err = instance.call("stuck", &[]).err().unwrap();
    let vm::CallError::Ended(vm::Outcome::Fatal { message, .. }) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        message.trim_end(),
        "fatal error: all goroutines are asleep - deadlock!"
    );
    assert!(
        String::from_utf8_lossy(&printed.lock().unwrap())
            .starts_with("fatal error: all goroutines are asleep")
    );
    assert!(matches!(
        instance.call("ping", &[vm::Value::I32(1)]),
        Err(vm::CallError::Ended(vm::Outcome::Fatal { .. }))
    ));
    build(&dir.join("job.wasm"), "./vm/examples/job");
    let job = vm::Runtime::new()
        .unwrap()
        .load(&std::fs::read(dir.join("job.wasm")).unwrap())
        .unwrap();
    let err = job.instantiate(vm::RunOptions::default()).err().unwrap();
    assert_eq!(
        err.to_string(),
        "the module exports no Go functions (//go:wasmexport)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `//go:wasmexport` declarations whose types cannot cross the boundary,
/// or whose names gowasm's own exports take, are compile errors at the
/// declaration.
#[test]
fn export_declarations_that_cannot_cross_are_compile_errors() {
    assert_compile_errors(
        "wasmexport-errors",
        &[
            (
                "ptr.go",
                "package main\n\n//go:wasmexport f\nfunc f(p *int32) {}\n\nfunc main() {}\n",
                "./ptr.go:4:6: //go:wasmexport f: parameter type *int32 cannot cross the host boundary",
            ),
            (
                "start.go",
                "package main\n\n//go:wasmexport _start\nfunc f() {}\n\nfunc main() {}\n",
                "./start.go:4:6: //go:wasmexport _start: the name is one of gowasm's own exports",
            ),
        ],
    );
}

/// Standard input read from a file (read at once, no worker thread) and
/// from a pipe fed in pieces (reads that wait run on a worker) gives the
/// program exactly the bytes the native build reads.
#[test]
fn stdin_from_a_file_and_a_pipe_reads_as_native() {
    use std::io::Write;
    let dir = scratch("stdin-sum");
    let wasm = dir.join("sum.wasm");
    build(&wasm, "compiler/tests/testdata/stdin_sum.go");
    let input = dir.join("input.txt");
    let text: String = (0..200_000)
        .map(|i| format!("line {i} {}\n", "x".repeat(i % 97)))
        .collect();
    std::fs::write(&input, &text).unwrap();
    let from_file = |cmd: &mut Command| {
        let out = succeed(cmd.stdin(std::fs::File::open(&input).unwrap()));
        String::from_utf8(out.stdout).unwrap()
    };
    let native = from_file(
        Command::new("go")
            .args(["run", "compiler/tests/testdata/stdin_sum.go"])
            .current_dir(repo()),
    );
    assert_eq!(from_file(Command::new(gowasm_run()).arg(&wasm)), native);
    let mut child = Command::new(gowasm_run())
        .arg(&wasm)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for (i, piece) in text.as_bytes().chunks(7919).enumerate() {
            pipe.write_all(piece).unwrap();
            if i % 50 == 0 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), native);
    std::fs::remove_dir_all(&dir).unwrap();
}
