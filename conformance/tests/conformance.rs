//! Runs the whole conformance corpus (see conformance/README.md).

use std::path::Path;

/// Runs the corpus with `build_env` set for `gowasm build`.
fn corpus(mode: &str, build_env: &[(&str, &str)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let programs = conformance::corpus(&root.join("programs"));
    if std::env::var("GOWASM_CONFORMANCE_FILTER").is_err() {
        assert!(
            programs.len() >= 30,
            "corpus has only {} programs",
            programs.len()
        );
    }
    let work =
        std::env::temp_dir().join(format!("gowasm-conformance-{}-{mode}", std::process::id()));
    let (passed, failures) = conformance::run_all(&programs, &work, build_env);
    let _ = std::fs::remove_dir_all(&work);
    for (name, why) in &failures {
        eprintln!("FAIL ({mode}) {name}\n{why}\n");
    }
    eprintln!(
        "conformance ({mode}): {passed} passed, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} conformance programs failed ({mode})",
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
