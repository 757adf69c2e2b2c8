//! Load checks and runs of small hand-assembled modules (fixtures for the
//! host side; compiled Go is tested end to end by the conformance suite).

use super::*;
use wasm_encoder::{
    CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
    HeapType, ImportSection, Module as Enc, RefType, TypeSection, ValType,
};

const ARRAYREF: ValType = ValType::Ref(RefType {
    nullable: true,
    heap_type: HeapType::Abstract {
        shared: false,
        ty: wasm_encoder::AbstractHeapType::Array,
    },
});

/// A module importing gowasm.write and gowasm.exit whose `_start` runs
/// `body` (function 0 = write, 1 = exit, type 0 = bytes array), with the
/// byte-copy exports every gowasm module has.
fn module(
    version: Option<&str>,
    import: &str,
    export: bool,
    body: impl Fn(&mut Function),
) -> Vec<u8> {
    let mut m = Enc::new();
    let mut types = TypeSection::new();
    types.ty().array(&wasm_encoder::StorageType::I8, true);
    types.ty().function(
        [ValType::I32, ARRAYREF, ValType::I32, ValType::I32],
        [ValType::I32],
    );
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    types.ty().function([ARRAYREF, ValType::I32, ARRAYREF], []);
    types
        .ty()
        .function([ARRAYREF, ValType::I32, ValType::I32], [ARRAYREF]);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import("gowasm", import, EntityType::Function(1));
    imports.import("gowasm", "exit", EntityType::Function(2));
    m.section(&imports);
    let mut funcs = FunctionSection::new();
    funcs.function(3);
    funcs.function(4);
    funcs.function(5);
    m.section(&funcs);
    let mut exports = ExportSection::new();
    if export {
        exports.export("_start", ExportKind::Func, 2);
    }
    exports.export(host_abi::BYTES_COPY_IN_EXPORT, ExportKind::Func, 3);
    exports.export(host_abi::BYTES_SLICE_EXPORT, ExportKind::Func, 4);
    m.section(&exports);
    m.section(&wasm_encoder::DataCountSection { count: 1 });
    let mut code = CodeSection::new();
    let mut f = Function::new([]);
    body(&mut f);
    f.instructions().end();
    code.function(&f);
    let bytes = HeapType::Concrete(0);
    let mut copy_in = Function::new([]);
    copy_in
        .instructions()
        .local_get(0)
        .ref_cast_nullable(bytes)
        .local_get(1)
        .local_get(2)
        .ref_cast_nullable(bytes)
        .i32_const(0)
        .local_get(2)
        .array_len()
        .array_copy(0, 0)
        .end();
    code.function(&copy_in);
    let mut slice = Function::new([(
        1,
        ValType::Ref(RefType {
            nullable: true,
            heap_type: bytes,
        }),
    )]);
    slice
        .instructions()
        .local_get(2)
        .array_new_default(0)
        .local_tee(3)
        .i32_const(0)
        .local_get(0)
        .ref_cast_nullable(bytes)
        .local_get(1)
        .local_get(2)
        .array_copy(0, 0)
        .local_get(3)
        .end();
    code.function(&slice);
    m.section(&code);
    let mut data = wasm_encoder::DataSection::new();
    data.passive(b"hello\n".iter().copied());
    m.section(&data);
    if let Some(v) = version {
        m.section(&CustomSection {
            name: host_abi::VERSION_SECTION.into(),
            data: v.as_bytes().into(),
        });
    }
    m.finish()
}

fn good_version() -> String {
    String::from_utf8(host_abi::version_payload()).unwrap()
}

fn hello_exit_7(f: &mut Function) {
    f.instructions()
        .i32_const(1)
        .i32_const(0)
        .i32_const(6)
        .array_new_data(0, 0)
        .i32_const(0)
        .i32_const(6)
        .call(0)
        .drop()
        .i32_const(7)
        .call(1);
}

fn run(bytes: &[u8]) -> (Outcome, Vec<u8>, Vec<u8>) {
    let rt = Runtime::new().unwrap();
    let program = rt.load(bytes).unwrap();
    let (out, out_buf) = capture();
    let (err, err_buf) = capture();
    let outcome = program
        .run(RunOptions {
            args: vec!["prog".into()],
            stdout: out,
            stderr: err,
            ..RunOptions::default()
        })
        .unwrap();
    let o = out_buf.lock().unwrap().clone();
    let e = err_buf.lock().unwrap().clone();
    (outcome, o, e)
}

#[test]
fn features_include_gc_and_exceptions() {
    let f = wasm_features();
    assert!(f.contains(wasmparser::WasmFeatures::GC));
    assert!(f.contains(wasmparser::WasmFeatures::EXCEPTIONS));
    assert!(!f.contains(wasmparser::WasmFeatures::LEGACY_EXCEPTIONS));
}

#[test]
fn rejects_bad_modules() {
    let rt = Runtime::new().unwrap();
    let v = good_version();
    let err = |b: &[u8]| rt.load(b).err().expect("load should fail").to_string();
    assert_eq!(err(b"hello world"), "not a WebAssembly module");
    assert!(err(&module(None, "write", true, hello_exit_7)).starts_with("not a gowasm module"));
    assert!(
        err(&module(Some("gowasm-abi 999"), "write", true, hello_exit_7))
            .contains("ABI version 999")
    );
    assert_eq!(
        err(&module(Some(&v), "nosuch", true, hello_exit_7)),
        "module imports unknown host function gowasm.nosuch"
    );
    assert!(err(&module(Some(&v), "write", false, hello_exit_7)).contains("_start"));
    // `arg_count` exists but has another signature than the import.
    assert!(err(&module(Some(&v), "arg_count", true, |_| {})).contains("does not match"));
}

#[test]
fn write_and_exit() {
    let (outcome, out, err) = run(&module(Some(&good_version()), "write", true, hello_exit_7));
    assert_eq!(outcome, Outcome::Exit(7));
    assert_eq!(out, b"hello\n");
    assert!(err.is_empty());
}

#[test]
fn trap_exits_2_with_message() {
    let (outcome, _, err) = run(&module(Some(&good_version()), "write", true, |f| {
        f.instructions().unreachable();
    }));
    assert!(matches!(outcome, Outcome::Fatal { .. }), "{outcome:?}");
    assert!(
        String::from_utf8_lossy(&err).starts_with("fatal error:"),
        "{err:?}"
    );
}

#[test]
fn runs_on_many_threads() {
    let rt = Runtime::new().unwrap();
    let program = rt
        .load(&module(Some(&good_version()), "write", true, hello_exit_7))
        .unwrap();
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let p = program.clone();
            std::thread::spawn(move || {
                let (out, buf) = capture();
                let outcome = p
                    .run(RunOptions {
                        args: vec![],
                        stdout: out,
                        stderr: Output::Capture(Default::default()),
                        ..RunOptions::default()
                    })
                    .unwrap();
                (outcome.exit_code(), buf.lock().unwrap().clone())
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), (7, b"hello\n".to_vec()));
    }
}

#[test]
fn every_abi_import_is_linked() {
    let rt = Runtime::new().unwrap();
    host::linker(&rt.engine).unwrap();
}

#[test]
fn module_cache_fills_and_serves() {
    let dir = std::env::temp_dir().join(format!("gowasm-modcache-{}", std::process::id()));
    let bytes = module(Some(&good_version()), "write", true, hello_exit_7);
    for _ in 0..2 {
        let rt = Runtime::with_cache(&dir).unwrap();
        let (out, _) = capture();
        let (err, _) = capture();
        let outcome = rt
            .load(&bytes)
            .unwrap()
            .run(RunOptions {
                args: vec![],
                stdout: out,
                stderr: err,
                ..RunOptions::default()
            })
            .unwrap();
        assert_eq!(outcome, Outcome::Exit(7));
    }
    let entries = walk(&dir);
    // Wasmtime's cache worker thread may still be writing usage statistics
    // into the directory, so removing it can race; leftovers are harmless.
    let _ = std::fs::remove_dir_all(&dir);
    assert!(entries > 0, "nothing cached in {}", dir.display());
}

/// Number of files below dir.
fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
