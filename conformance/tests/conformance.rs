//! Runs the whole conformance corpus (see conformance/README.md).

use std::path::Path;

#[test]
fn corpus_matches_native_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let programs = conformance::corpus(&root.join("programs"));
    if std::env::var("GOWASM_CONFORMANCE_FILTER").is_err() {
        assert!(
            programs.len() >= 30,
            "corpus has only {} programs",
            programs.len()
        );
    }
    let work = std::env::temp_dir().join(format!("gowasm-conformance-{}", std::process::id()));
    let (passed, failures) = conformance::run_all(&programs, &work);
    let _ = std::fs::remove_dir_all(&work);
    for (name, why) in &failures {
        eprintln!("FAIL {name}\n{why}\n");
    }
    eprintln!("conformance: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} conformance programs failed",
        failures.len()
    );
}
