//! Runs the Go front end. Its sources and gowasm's Go runtime are embedded
//! in this binary; on first use they are written to the cache directory and
//! the front end is built with the Go toolchain on PATH. Both are keyed by
//! a hash of their contents, so an upgraded gowasm never uses stale ones.

use anyhow::{Context, Result, bail};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Errors in the user's Go code, already formatted as `go build` prints
/// them.
#[derive(Debug)]
pub struct CompileErrors(pub String);

impl std::fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.trim_end())
    }
}

impl std::error::Error for CompileErrors {}

/// A test build of a package that has no `_test.go` files.
#[derive(Debug, thiserror::Error)]
#[error("no test files")]
pub struct NoTestFiles;

/// The front end's exit status for [`NoTestFiles`] (load.go).
const NO_TEST_FILES_STATUS: i32 = 3;

fn digest(files: &[(&str, &[u8])]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (name, data) in files {
        name.hash(&mut h);
        data.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// Writes embedded files under `dir` (atomically: built in a temporary
/// sibling, then renamed) unless already there.
fn materialize(
    dir: &Path,
    files: &[(&str, &[u8])],
    after: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    if dir.join(".complete").exists() {
        return Ok(());
    }
    let parent = dir.parent().expect("cache entries have a parent");
    std::fs::create_dir_all(parent)
        .with_context(|| format!("creating cache directory {}", parent.display()))?;
    let tmp = parent.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        dir.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    for (name, data) in files {
        let path = tmp.join(name);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
    }
    after(&tmp)?;
    std::fs::write(tmp.join(".complete"), b"")?;
    if std::fs::rename(&tmp, dir).is_err() {
        // Another gowasm process finished first; its copy is identical.
        let _ = std::fs::remove_dir_all(&tmp);
        if !dir.join(".complete").exists() {
            bail!("could not populate {}", dir.display());
        }
    }
    Ok(())
}

/// Returns (front end binary, runtime source directory), building as needed.
fn prepare() -> Result<(PathBuf, PathBuf)> {
    let cache = vm::cache_dir();
    let fe_dir = cache.join(format!("frontend-{}", digest(embedded::FRONTEND)));
    materialize(&fe_dir, embedded::FRONTEND, |dir| {
        let _span = tracing::info_span!("build_frontend").entered();
        let out = Command::new("go")
            .args(["build", "-o", "frontend", "."])
            .current_dir(dir)
            .env_remove("GOOS")
            .env_remove("GOARCH")
            .env_remove("GOFLAGS")
            .env_remove("GOWASM")
            .env("CGO_ENABLED", "0")
            .output()
            .context(
                "running `go build` for the gowasm front end (is Go installed and on PATH?)",
            )?;
        if !out.status.success() {
            bail!(
                "building the gowasm front end failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    })?;
    let rt_dir = cache.join(format!("runtime-{}", digest(embedded::RUNTIME)));
    materialize(&rt_dir, embedded::RUNTIME, |_| Ok(()))?;
    Ok((fe_dir.join("frontend"), rt_dir))
}

/// Loads and type-checks the program and returns its IR (JSON). With `test`
/// the one package named is loaded as its test binary.
pub fn run(patterns: &[String], workdir: &Path, test: bool) -> Result<Vec<u8>> {
    let (frontend, runtime) = prepare()?;
    let ir_path = std::env::temp_dir().join(format!(
        "gowasm-{}-{:?}.ir.json",
        std::process::id(),
        std::thread::current().id()
    ));
    let _span = tracing::info_span!("frontend").entered();
    let out = Command::new(&frontend)
        .arg("-runtime")
        .arg(&runtime)
        .arg("-cache")
        .arg(vm::cache_dir())
        .arg("-o")
        .arg(&ir_path)
        .args(test.then_some("-test"))
        .args(patterns)
        // Go's own setting for its wasm port (features such as satconv),
        // which the go command rejects when it holds anything else.
        .env_remove("GOWASM")
        .current_dir(workdir)
        .output()
        .with_context(|| format!("running {}", frontend.display()))?;
    if !out.status.success() {
        let _ = std::fs::remove_file(&ir_path);
        if out.status.code() == Some(NO_TEST_FILES_STATUS) {
            return Err(NoTestFiles.into());
        }
        return Err(CompileErrors(String::from_utf8_lossy(&out.stderr).into_owned()).into());
    }
    let ir = std::fs::read(&ir_path).with_context(|| format!("reading {}", ir_path.display()));
    let _ = std::fs::remove_file(&ir_path);
    ir
}
