//! The gowasm-run binary's handling of bad input.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gowasm-run"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn not_wasm() {
    let path = std::env::temp_dir().join(format!("gowasm-notwasm-{}.wasm", std::process::id()));
    std::fs::write(&path, b"definitely not wasm").unwrap();
    let (code, err) = run(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.ends_with("not a WebAssembly module\n"), "{err}");
}

#[test]
fn missing_file() {
    let (code, err) = run(&["/nonexistent/app.wasm"]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("gowasm-run: /nonexistent/app.wasm: "),
        "{err}"
    );
}

#[test]
fn bad_stress_seed() {
    let (code, err) = run(&["--sched-stress", "0", "app.wasm"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("expected a non-zero number or `random`"),
        "{err}"
    );

    let path = std::env::temp_dir().join(format!("gowasm-seed-{}.wasm", std::process::id()));
    std::fs::write(&path, b"\0asm").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gowasm-run"))
        .env("GOWASM_SCHED_STRESS", "often")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("GOWASM_SCHED_STRESS: scheduler stress seed \"often\""),
        "{err}"
    );
}
