//! Runs Go's own test programs (`$GOROOT/test/*.go` marked `// run`) natively
//! and through gowasm, and reports how many agree — an external yardstick,
//! not part of `cargo test` (it takes minutes, and most programs need `fmt`).
//!
//! `cargo build --release --workspace && cargo run --release -p conformance --bin gotest [--fixedbugs] [filter]`
//! (`--fixedbugs` runs `$GOROOT/test/fixedbugs` instead: ~600 programs).

use std::path::PathBuf;
use std::process::Command;

fn goroot() -> PathBuf {
    let out = Command::new("go")
        .args(["env", "GOROOT"])
        .output()
        .expect("running go env");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let fixedbugs = args.first().is_some_and(|a| a == "--fixedbugs");
    if fixedbugs {
        args.remove(0);
    }
    let filter = args.first().cloned().unwrap_or_default();
    let dir = if fixedbugs {
        goroot().join("test").join("fixedbugs")
    } else {
        goroot().join("test")
    };
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("reading $GOROOT/test")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
        .filter(|p| {
            std::fs::read_to_string(p)
                .map(|s| s.lines().next() == Some("// run"))
                .unwrap_or(false)
        })
        .collect();
    programs.sort();
    let work = std::env::temp_dir().join(format!("gowasm-gotest-{}", std::process::id()));
    // Go's test driver runs each program with its own environment (env.go
    // reads $PATH) and the machine's files: the gowasm run inherits the
    // environment and may read the Go tree (winbatch walks it).
    let options = [
        "--inherit-env".to_string(),
        "--dir".to_string(),
        format!("{}:ro", goroot().display()),
    ];
    let mode = conformance::Mode {
        build_env: &[],
        runs: &[&options],
    };
    let (passed, failures) = conformance::run_all(&programs, &work, mode);
    let _ = std::fs::remove_dir_all(&work);
    let compile = failures
        .iter()
        .filter(|(_, why)| why.starts_with("gowasm build failed"))
        .count();
    let native = failures
        .iter()
        .filter(|(_, why)| why.starts_with("native build failed"))
        .count();
    for (name, why) in &failures {
        let first = why.lines().nth(1).unwrap_or("").trim();
        println!(
            "FAIL {name}: {}",
            first.chars().take(160).collect::<String>()
        );
    }
    println!(
        "{} `// run` programs: {} total, {passed} pass, {compile} do not compile with gowasm, {} differ at run time, {native} do not build natively",
        dir.display(),
        programs.len(),
        failures.len() - compile - native
    );
}
