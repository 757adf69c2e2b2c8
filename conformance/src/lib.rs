//! The conformance suite: every Go program in `conformance/programs` is
//! built and run twice, natively (`go build`) and through gowasm
//! (`gowasm build` + `gowasm-run`), and the two runs must agree: same exit
//! status, same stdout, same stderr — except that for an unrecovered panic
//! or fatal error only the lines before the goroutine trace are compared,
//! since native traces carry addresses. Native Go is the oracle; there are
//! no expected-output files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// Locates a binary of this workspace in the Cargo target profile directory
/// of the running executable (a test in `target/<profile>/deps/`, or a
/// binary in `target/<profile>/`).
pub fn find_tool(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("current executable");
    let dir = exe.parent().expect("executable directory");
    let candidates = [
        dir.join(name),
        dir.parent().map(|p| p.join(name)).unwrap_or_default(),
    ];
    candidates
        .iter()
        .find(|p| p.is_file())
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "{name} not found next to {}: build the workspace first (`cargo build --release --workspace`)",
                exe.display()
            )
        })
}

/// The result of running one program.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Whether a native run ended in an unrecovered panic or fatal error.
pub fn is_crash(run: &Run) -> bool {
    run.code == 2
        && run
            .stderr
            .lines()
            .any(|l| l.starts_with("panic: ") || l.starts_with("fatal error: "))
}

/// The part of a crash's stderr that must match: everything before the
/// first goroutine trace or signal line, without trailing blank lines.
pub fn crash_prefix(stderr: &str) -> String {
    let mut lines: Vec<&str> = stderr
        .lines()
        .take_while(|l| !l.starts_with("goroutine ") && !l.starts_with("[signal "))
        .collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Describes the first difference between two texts.
pub fn first_difference(what: &str, native: &str, gowasm: &str) -> Option<String> {
    if native == gowasm {
        return None;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (native.lines().collect(), gowasm.lines().collect());
    let i = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    Some(format!(
        "{what} differs at line {}:\n    native: {:?}\n    gowasm: {:?}",
        i + 1,
        a.get(i).copied().unwrap_or("<end>"),
        b.get(i).copied().unwrap_or("<end>")
    ))
}

/// Compares a gowasm run with the native one; None when they agree.
pub fn compare(native: &Run, gowasm: &Run) -> Option<String> {
    let mut problems = Vec::new();
    if native.code != gowasm.code {
        problems.push(format!(
            "exit status: native {}, gowasm {}",
            native.code, gowasm.code
        ));
    }
    problems.extend(first_difference("stdout", &native.stdout, &gowasm.stdout));
    let (ne, ge) = if is_crash(native) {
        (crash_prefix(&native.stderr), crash_prefix(&gowasm.stderr))
    } else {
        (native.stderr.clone(), gowasm.stderr.clone())
    };
    problems.extend(first_difference("stderr", &ne, &ge));
    if problems.is_empty() {
        None
    } else {
        Some(problems.join("\n"))
    }
}

/// How gowasm runs a program of the corpus: `gowasm build` with
/// `build_env`, then `gowasm-run` once per entry of `runs` (extra options,
/// such as a stress-mode seed), each run compared with the native one.
#[derive(Clone, Copy)]
pub struct Mode<'a> {
    pub build_env: &'a [(&'a str, &'a str)],
    pub runs: &'a [&'a [String]],
}

impl Mode<'_> {
    /// Built as a user builds, run once.
    pub const DEFAULT: Mode<'static> = Mode {
        build_env: &[],
        runs: &[&[]],
    };
}

/// Runs one program natively and through gowasm (see [`Mode`]), both in
/// a work directory of their own (granted to the gowasm run, which works
/// in it); Err describes a failure.
pub fn check_program(
    program: &Path,
    gowasm: &Path,
    gowasm_run: &Path,
    work: &Path,
    mode: Mode<'_>,
) -> Result<(), String> {
    let name = program.file_stem().unwrap().to_string_lossy();
    let dir = work.join(name.as_ref());
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let native_bin = dir.join("native");
    let out = Command::new("go")
        .arg("build")
        .arg("-o")
        .arg(&native_bin)
        .arg(program)
        .output()
        .map_err(|e| format!("running go: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "native build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let native = Run::from_output(run_limited(Command::new(&native_bin).current_dir(&dir))?);
    let wasm = dir.join("prog.wasm");
    let out = Command::new(gowasm)
        .envs(mode.build_env.iter().copied())
        .arg("build")
        .arg("-o")
        .arg(&wasm)
        .arg(program)
        .output()
        .map_err(|e| format!("running gowasm: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "gowasm build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let source = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let program_options = run_options(&source);
    for options in mode.runs {
        let ours = Run::from_output(run_limited(
            Command::new(gowasm_run)
                .args(options.iter())
                .args(&program_options)
                // The program's working directory, as the native run has
                // it (files, relative paths).
                .arg("--dir")
                .arg(&dir)
                .arg(&wasm)
                .current_dir(&dir),
        )?);
        if let Some(diff) = compare(&native, &ours) {
            return Err(if options.is_empty() {
                diff
            } else {
                format!("gowasm-run {}:\n{diff}", options.join(" "))
            });
        }
    }
    Ok(())
}

/// The `gowasm-run` options a program asks for in a line comment
/// `// gowasm-run: OPTIONS` (what the native run has without asking, such
/// as the network: `--net`).
pub fn run_options(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.strip_prefix("// gowasm-run:"))
        .flat_map(str::split_whitespace)
        .map(String::from)
        .collect()
}

/// How long one run of a program may take.
const RUN_LIMIT: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs a command to completion, killing it after [`RUN_LIMIT`] (a program
/// that never ends is a failure, not a hung suite).
fn run_limited(cmd: &mut Command) -> Result<std::process::Output, String> {
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {} s", RUN_LIMIT.as_secs()));
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Ok(std::process::Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

/// Every program of the corpus (optionally filtered by
/// `GOWASM_CONFORMANCE_FILTER`), sorted.
pub fn corpus(dir: &Path) -> Vec<PathBuf> {
    let filter = std::env::var("GOWASM_CONFORMANCE_FILTER").unwrap_or_default();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
        .collect();
    programs.sort();
    programs
}

/// Whether a program uses goroutines, channels, select, sync, time or
/// context: those the scheduler's stress mode and a loaded machine can
/// perturb.
pub fn is_concurrent(source: &str) -> bool {
    const IMPORTS: [&str; 5] = [
        "\"sync\"",
        "\"sync/atomic\"",
        "\"time\"",
        "\"context\"",
        "\"iter\"",
    ];
    IMPORTS.iter().any(|i| source.contains(i))
        || source.lines().map(str::trim_start).any(|l| {
            l.starts_with("go ")
                || l.starts_with("select {")
                || l.contains("chan ")
                || l.contains("<-")
        })
}

/// The programs of `programs` that [`is_concurrent`].
pub fn concurrent(programs: &[PathBuf]) -> Vec<PathBuf> {
    programs
        .iter()
        .filter(|p| {
            is_concurrent(
                &std::fs::read_to_string(p)
                    .unwrap_or_else(|e| panic!("reading {}: {e}", p.display())),
            )
        })
        .cloned()
        .collect()
}

/// The `gowasm-run` options of the stress-mode runs of concurrent
/// programs: three fixed seeds (the same interleavings every time) and one
/// new each time the suite runs, which explores further (a failure names
/// its seed: `gowasm-run --sched-stress SEED` replays it).
pub fn stress_runs() -> Vec<Vec<String>> {
    let fresh = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(4, |d| d.as_nanos() as u64 % 1_000_000_007 + 4);
    [1, 2, 3, fresh]
        .iter()
        .map(|seed| vec!["--sched-stress".to_string(), seed.to_string()])
        .collect()
}

/// Runs programs in parallel (see `check_program`); returns (passed,
/// failures).
pub fn run_all(
    programs: &[PathBuf],
    work: &Path,
    mode: Mode<'_>,
) -> (usize, Vec<(String, String)>) {
    let gowasm = find_tool("gowasm");
    let gowasm_run = find_tool("gowasm-run");
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(p) = programs.get(i) else { break };
                    if let Err(e) = check_program(p, &gowasm, &gowasm_run, work, mode) {
                        let name = p.file_name().unwrap().to_string_lossy().into_owned();
                        failures.lock().unwrap().push((name, e));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    (programs.len() - failures.len(), failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crash_prefix_stops_at_goroutine_trace() {
        let s = "before\npanic: boom\n[recovered]\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert_eq!(crash_prefix(s), "before\npanic: boom\n[recovered]");
        let sig = "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation]\n";
        assert_eq!(
            crash_prefix(sig),
            "panic: runtime error: invalid memory address or nil pointer dereference"
        );
    }

    #[test]
    fn compare_reports_differences() {
        let a = Run {
            code: 0,
            stdout: "x\ny\n".into(),
            stderr: String::new(),
        };
        assert_eq!(compare(&a, &a.clone()), None);
        let mut b = a.clone();
        b.stdout = "x\nz\n".into();
        let d = compare(&a, &b).unwrap();
        assert!(
            d.contains("line 2") && d.contains("\"y\"") && d.contains("\"z\""),
            "{d}"
        );
        b = a.clone();
        b.code = 1;
        assert!(
            compare(&a, &b)
                .unwrap()
                .contains("exit status: native 0, gowasm 1")
        );
    }

    #[test]
    fn programs_ask_for_run_options() {
        let src =
            "package main\n\n// gowasm-run: --net\n// gowasm-run: --env A=1\nfunc main() {}\n";
        assert_eq!(run_options(src), ["--net", "--env", "A=1"]);
        assert!(run_options("package main\n").is_empty());
    }

    #[test]
    fn concurrency_is_recognized() {
        let plain = "package main\n\nimport \"strings\"\n\nfunc main() { println(strings.ToUpper(\"go \")) }\n";
        assert!(!is_concurrent(plain));
        for uses in [
            "import \"time\"",
            "import (\n\t\"fmt\"\n\t\"sync\"\n)",
            "func f() {\n\tgo g()\n}",
            "var c chan int",
            "func f(c <-chan int) {}",
            "func f() {\n\tselect {}\n}",
        ] {
            assert!(is_concurrent(uses), "{uses}");
        }
    }

    #[test]
    fn crashes_compare_prefix_only() {
        let native = Run {
            code: 2,
            stdout: String::new(),
            stderr: "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t/a.go:3 +0x1d\n".into(),
        };
        let mut ours = native.clone();
        ours.stderr = "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t?:0\n".into();
        assert_eq!(compare(&native, &ours), None);
        ours.stderr = "panic: y\n".into();
        assert!(compare(&native, &ours).is_some());
    }
}
