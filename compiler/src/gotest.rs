//! `gowasm test`: the go command's `go test` over gowasm. Each package's
//! test binary (its `_test.go` files, compiled with the real `testing`
//! package and the go command's generated test main) is built and run on
//! the vm in the package directory, and reported as `go test` reports it.

use anyhow::{Context, Result, bail};
use compiler::frontend::{CompileErrors, NoTestFiles};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// What `gowasm test` was asked: test-binary flags and packages.
#[derive(Debug, Default, PartialEq)]
struct Request {
    /// Flags for the test binary, already in `-test.name=value` form.
    binary_flags: Vec<String>,
    verbose: bool,
    packages: Vec<String>,
    /// Arguments after `-args`, passed to the test binary untouched.
    extra: Vec<String>,
}

/// `go test` flags that take a value, and the test binary's name for each.
const VALUE_FLAGS: &[&str] = &[
    "run",
    "skip",
    "bench",
    "benchtime",
    "count",
    "cpu",
    "timeout",
    "list",
    "parallel",
    "shuffle",
    "fuzz",
    "fuzztime",
];
const BOOL_FLAGS: &[&str] = &["v", "short", "failfast", "benchmem"];

fn parse(args: &[String]) -> Result<Request> {
    let mut req = Request::default();
    let mut timeout_given = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "-args" || arg == "--args" {
            req.extra.extend(it.by_ref().cloned());
            break;
        }
        let Some(flag) = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-')) else {
            req.packages.push(arg.clone());
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag, None),
        };
        if BOOL_FLAGS.contains(&name) {
            let value = inline.unwrap_or_else(|| "true".into());
            if name == "v" {
                req.verbose = value == "true";
            }
            req.binary_flags.push(format!("-test.{name}={value}"));
        } else if VALUE_FLAGS.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => it
                    .next()
                    .cloned()
                    .with_context(|| format!("flag needs an argument: -{name}"))?,
            };
            timeout_given |= name == "timeout";
            req.binary_flags.push(format!("-test.{name}={value}"));
        } else {
            bail!("flag provided but not defined: -{name}");
        }
    }
    if !timeout_given {
        // The go command's default.
        req.binary_flags.push("-test.timeout=10m0s".into());
    }
    // As the go command: os.Exit(0) during a test is a failure.
    req.binary_flags.insert(0, "-test.paniconexit0".into());
    if req.packages.is_empty() {
        req.packages.push(".".into());
    }
    Ok(req)
}

/// A package to test: its import path, directory, and the root of its
/// module (GOROOT for the standard library).
struct Package {
    path: String,
    dir: PathBuf,
    root: PathBuf,
}

/// Expands package patterns (`./...`, import paths) as the go command
/// does for GOOS=wasip1.
fn list(patterns: &[String], cwd: &Path) -> Result<Vec<Package>> {
    let out = Command::new("go")
        .args(["list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{.Root}}"])
        .args(patterns)
        .current_dir(cwd)
        .env("GOOS", "wasip1")
        .env("GOARCH", "wasm")
        .env("CGO_ENABLED", "0")
        .output()
        .context("running `go list` (is Go installed and on PATH?)")?;
    if !out.status.success() {
        return Err(CompileErrors(String::from_utf8_lossy(&out.stderr).into_owned()).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (path, dir, root) = (f.next()?, f.next()?, f.next()?);
            let dir = PathBuf::from(dir);
            Some(Package {
                path: path.to_string(),
                root: if root.is_empty() {
                    dir.clone()
                } else {
                    PathBuf::from(root)
                },
                dir,
            })
        })
        .collect())
}

/// Runs `gowasm test ARGS`.
pub fn run(args: &[String], cwd: &Path) -> Result<ExitCode> {
    let req = parse(args)?;
    let runtime = vm::Runtime::with_cache(&vm::cache_dir().join("modules"))?;
    let mut failed = false;
    for pkg in list(&req.packages, cwd)? {
        failed |= !test_package(&runtime, &req, &pkg, cwd)?;
    }
    if failed {
        println!("FAIL");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds and runs one package's tests; reports whether they passed.
fn test_package(runtime: &vm::Runtime, req: &Request, pkg: &Package, cwd: &Path) -> Result<bool> {
    let start = Instant::now();
    let wasm = match compiler::compile_test(&pkg.path, cwd) {
        Ok(w) => w,
        Err(e) if e.is::<NoTestFiles>() => {
            println!("?   \t{}\t[no test files]", pkg.path);
            return Ok(true);
        }
        Err(e) => {
            match e.downcast_ref::<CompileErrors>() {
                Some(ce) => eprintln!("{ce}"),
                None => eprintln!("gowasm: {e:#}"),
            }
            println!("FAIL\t{} [build failed]", pkg.path);
            return Ok(false);
        }
    };
    tracing::info!(package = %pkg.path, bytes = wasm.len(), secs = start.elapsed().as_secs_f64(), "compiled");
    let program = runtime
        .load(&wasm)
        .with_context(|| format!("loading the test binary of {}", pkg.path))?;
    tracing::info!(package = %pkg.path, secs = start.elapsed().as_secs_f64(), "loaded");
    let name = pkg.path.rsplit('/').next().unwrap_or("main");
    let mut args = vec![format!("{name}.test")];
    args.extend(req.binary_flags.iter().cloned());
    args.extend(req.extra.iter().cloned());
    // As the go command runs a test binary: in the package directory,
    // with its module (GOROOT for the standard library) granted read-only
    // for testdata and sibling packages' files, and a temporary directory
    // of its own as $TMPDIR (t.TempDir, os.CreateTemp), removed afterwards.
    let tmp = TempDir::new(&pkg.path)?;
    let mut env: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| k != "PWD" && k != "TMPDIR")
        .collect();
    env.push(("PWD".into(), pkg.dir.display().to_string()));
    env.push(("TMPDIR".into(), tmp.0.display().to_string()));
    let mut dirs = vec![
        vm::DirGrant {
            host: pkg.root.clone(),
            guest: pkg.root.display().to_string(),
            read_only: true,
        },
        vm::DirGrant {
            host: tmp.0.clone(),
            guest: tmp.0.display().to_string(),
            read_only: false,
        },
    ];
    dirs.extend(vm::DirGrant::zoneinfo());
    let (stdout, captured) = if req.verbose {
        (vm::Output::Inherit, None)
    } else {
        let (out, buf) = vm::capture();
        (out, Some(buf))
    };
    let outcome = program.run(vm::RunOptions {
        args,
        env,
        // As `go test`, whose test binaries read /dev/null.
        stdin: vm::Input::Empty,
        stderr: stdout.clone(),
        stdout,
        sched_stress: vm::sched_stress_from_env().map_err(anyhow::Error::msg)?,
        dirs,
        // As `go test`: tests may listen and connect (httptest, loopback).
        net: vm::NetPolicy::allow_all(),
        ..vm::RunOptions::default()
    })?;
    let passed = outcome == vm::Outcome::Exit(0);
    let elapsed = start.elapsed().as_secs_f64();
    // As the go command: a test binary that ran no test says so in a
    // warning that becomes a note on the summary line.
    const NO_TESTS: &[u8] = b"testing: warning: no tests to run\n";
    let mut no_tests = false;
    if let Some(buf) = captured {
        let out = buf.lock().expect("capture lock");
        let mut text: &[u8] = &out;
        if passed {
            // A passing package's output is only its summary line,
            // unless it printed more than the final PASS.
            text = text.strip_suffix(b"PASS\n").unwrap_or(text);
            if let Some(rest) = text.strip_suffix(NO_TESTS) {
                (text, no_tests) = (rest, true);
            }
        }
        std::io::stdout().write_all(text)?;
    }
    let note = if no_tests { " [no tests to run]" } else { "" };
    if passed {
        println!("ok  \t{}\t{elapsed:.3}s{note}", pkg.path);
    } else {
        println!("FAIL\t{}\t{elapsed:.3}s", pkg.path);
    }
    Ok(passed)
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(pkg: &str) -> Result<TempDir> {
        let dir = std::env::temp_dir().join(format!(
            "gowasm-test-{}-{}",
            std::process::id(),
            pkg.replace('/', "_")
        ));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("creating test directory {}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_become_test_binary_flags() {
        let req = parse(&strings(&[
            "-run", "TestX", "-v", "-count=2", "./pkg", "-args", "-x",
        ]))
        .unwrap();
        assert_eq!(
            req.binary_flags,
            strings(&[
                "-test.paniconexit0",
                "-test.run=TestX",
                "-test.v=true",
                "-test.count=2",
                "-test.timeout=10m0s"
            ])
        );
        assert!(req.verbose);
        assert_eq!(req.packages, strings(&["./pkg"]));
        assert_eq!(req.extra, strings(&["-x"]));
    }

    #[test]
    fn defaults_and_errors() {
        let req = parse(&[]).unwrap();
        assert_eq!(req.packages, strings(&["."]));
        assert!(parse(&strings(&["-nosuch"])).is_err());
        assert!(parse(&strings(&["-run"])).is_err());
    }
}
