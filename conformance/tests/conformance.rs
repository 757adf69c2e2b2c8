//! Runs the whole conformance corpus against native Go: every program as
//! built normally and with every function resumable, and the programs that
//! use goroutines, channels, sync, time or context also under the
//! scheduler's stress mode with several seeds.

use conformance::Mode;
use std::path::Path;

/// Runs the corpus with `build_env` set for `gowasm build`: each program
/// once, the concurrent ones (`conformance::is_concurrent`) also once per
/// stress seed.
fn corpus(name: &str, build_env: &[(&str, &str)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let programs = conformance::corpus(&root.join("programs"));
    if std::env::var("GOWASM_CONFORMANCE_FILTER").is_err() {
        assert!(
            programs.len() >= 30,
            "corpus has only {} programs",
            programs.len()
        );
    }
    let concurrent = conformance::concurrent(&programs);
    let sequential: Vec<_> = programs
        .iter()
        .filter(|p| !concurrent.contains(p))
        .cloned()
        .collect();
    let stress_runs = conformance::stress_runs();
    let mut runs: Vec<&[String]> = vec![&[]];
    runs.extend(stress_runs.iter().map(Vec::as_slice));
    let work =
        std::env::temp_dir().join(format!("gowasm-conformance-{}-{name}", std::process::id()));
    let (mut passed, mut failures) = conformance::run_all(
        &sequential,
        &work,
        Mode {
            build_env,
            ..Mode::DEFAULT
        },
    );
    let (stressed, stress_failures) = conformance::run_all(
        &concurrent,
        &work,
        Mode {
            build_env,
            runs: &runs,
        },
    );
    let _ = std::fs::remove_dir_all(&work);
    passed += stressed;
    failures.extend(stress_failures);
    for (program, why) in &failures {
        eprintln!("FAIL ({name}) {program}\n{why}\n");
    }
    eprintln!(
        "conformance ({name}): {passed} passed, {} failed ({} concurrent programs also run with {})",
        failures.len(),
        concurrent.len(),
        stress_runs
            .iter()
            .map(|r| r.join(" "))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(
        failures.is_empty(),
        "{} conformance programs failed ({name})",
        failures.len()
    );
}

#[test]
fn corpus_matches_native_go() {
    corpus("default", &[]);
}

/// With every function outside the runtime compiled resumable (the
/// analysis's worst case, `GOWASM_RESUME_ALL`), every construct of the
/// corpus goes through the suspend and resume code: the programs must
/// still behave as native Go.
#[test]
fn corpus_matches_native_go_with_every_function_resumable() {
    corpus("resume-all", &[("GOWASM_RESUME_ALL", "1")]);
}
