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

/// deploy/kubernetes's manifests decode strictly into the Kubernetes API's
/// own types (deploy/kubernetes/validate, offline) and fit together: a
/// misspelt field, or a memory limit below gowasm-run's --max-memory, is
/// refused.
#[test]
fn kubernetes_manifests_validate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/kubernetes");
    let validate = |deployment: &std::path::Path| {
        let out = Command::new("go")
            .args(["run", "."])
            .arg(deployment)
            .arg(dir.join("service.yaml"))
            .current_dir(dir.join("validate"))
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (ok, printed) = validate(&dir.join("deployment.yaml"));
    assert!(ok, "{printed}");
    assert_eq!(printed, "1 deployments, 1 services: valid\n");
    let original = std::fs::read_to_string(dir.join("deployment.yaml")).unwrap();
    let scratch = std::env::temp_dir().join(format!("gowasm-k8s-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for (from, to, expected) in [
        (
            "readOnlyRootFilesystem",
            "readOnlyRootFilesytem",
            "unknown field \"readOnlyRootFilesytem\"",
        ),
        (
            "memory: 384Mi",
            "memory: 128Mi",
            "--max-memory 192M leaves the host nothing of the limit 128Mi",
        ),
    ] {
        let bad = scratch.join("deployment.yaml");
        std::fs::write(&bad, original.replace(from, to)).unwrap();
        let (ok, printed) = validate(&bad);
        assert!(!ok && printed.contains(expected), "{printed}");
    }
    std::fs::remove_dir_all(&scratch).unwrap();
}
