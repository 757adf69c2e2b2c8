//! The module's entry points: `_start` sets up the start-up data (string
//! pool, type descriptors, global objects), then runs the scheduler
//! (runtime.start), which runs package initialization and main.main as the
//! main goroutine; a module with `//go:wasmexport` functions also has
//! `_initialize`, which sets up the same data and runs package
//! initialization only (runtime.initialize), for the host to call the
//! exports afterwards (`lower/exports.rs`).

use super::Ctx;
use super::calls::ARRAYREF;
use super::func::FuncGen;
use crate::emit::module::BYTES_TYPE;
use wasm_encoder::{ExportKind, HeapType, ValType};

/// Declares `_start` and requests the runtime function it calls; exports
/// the running goroutine's id (`host_abi::GOROUTINE_ID_EXPORT`).
pub fn declare_start(cx: &mut Ctx) -> u32 {
    cx.runtime_func("start");
    let ty = cx.module.func_type(vec![], vec![]);
    let start = cx.module.declare_func(ty, "_start".into());
    cx.module
        .export(host_abi::ENTRY_EXPORT, ExportKind::Func, start);
    let goroutine_id = cx.runtime_func("goroutineID");
    cx.module.export(
        host_abi::GOROUTINE_ID_EXPORT,
        ExportKind::Func,
        goroutine_id,
    );
    start
}

/// The exports through which the host moves bytes in bulk
/// (`host_abi::BYTES_COPY_IN_EXPORT`, `BYTES_SLICE_EXPORT`). Their
/// arrays are typed `(ref null array)`, as the host's API names them, and
/// cast to the byte array type inside.
pub fn export_byte_copies(cx: &mut Ctx) {
    let array = ARRAYREF;
    let bytes = HeapType::Concrete(BYTES_TYPE);
    let copy_in = cx.helper(
        "bytes_copy_in",
        vec![array, ValType::I32, array],
        vec![],
        |cx, idx| {
            let mut g = FuncGen::helper(cx, 3);
            let src = g.tmp(crate::emit::module::ref_null(BYTES_TYPE));
            g.ins()
                .local_get(2)
                .ref_cast_nullable(bytes)
                .local_set(src)
                .local_get(0)
                .ref_cast_nullable(bytes)
                .local_get(1)
                .local_get(src)
                .i32_const(0)
                .local_get(src)
                .array_len()
                .array_copy(BYTES_TYPE, BYTES_TYPE);
            g.finish(idx);
        },
    );
    cx.module
        .export(host_abi::BYTES_COPY_IN_EXPORT, ExportKind::Func, copy_in);
    let slice = bytes_slice(cx);
    cx.module
        .export(host_abi::BYTES_SLICE_EXPORT, ExportKind::Func, slice);
}

/// Declares `_initialize` (host_abi::INITIALIZE_EXPORT), for a module
/// with exports.
pub fn declare_initialize(cx: &mut Ctx) -> u32 {
    cx.runtime_func("initialize");
    let ty = cx.module.func_type(vec![], vec![]);
    let init = cx.module.declare_func(ty, "_initialize".into());
    cx.module
        .export(host_abi::INITIALIZE_EXPORT, ExportKind::Func, init);
    init
}

/// Defines `_start` and, when declared, `_initialize`: each sets up the
/// start-up data, then calls its runtime entry.
/// `(src (ref null array), off i32, len i32) -> (ref null array)`: a
/// fresh byte array of `src[off:off+len]`.
pub fn bytes_slice(cx: &mut Ctx) -> u32 {
    let bytes = HeapType::Concrete(BYTES_TYPE);
    cx.helper(
        "bytes_slice",
        vec![ARRAYREF, ValType::I32, ValType::I32],
        vec![ARRAYREF],
        |cx, idx| {
            let mut g = FuncGen::helper(cx, 3);
            let out = g.tmp(crate::emit::module::ref_null(BYTES_TYPE));
            g.ins()
                .local_get(2)
                .array_new_default(BYTES_TYPE)
                .local_tee(out)
                .i32_const(0)
                .local_get(0)
                .ref_cast_nullable(bytes)
                .local_get(1)
                .local_get(2)
                .array_copy(BYTES_TYPE, BYTES_TYPE)
                .local_get(out);
            g.finish(idx);
        },
    )
}

pub fn define_start(cx: &mut Ctx, start: u32, initialize: Option<u32>) {
    super::goroutines::define_run_g(cx);
    let startup = define_startup(cx);
    for (f, entry) in [(Some(start), "start"), (initialize, "initialize")] {
        let Some(f) = f else { continue };
        let sched = cx.runtime_func(entry);
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().call(startup).call(sched).end();
        cx.module.define(f, body);
    }
}

/// The function that makes the start-up data.
fn define_startup(cx: &mut Ctx) -> u32 {
    let ty = cx.module.func_type(vec![], vec![]);
    let startup = cx.module.declare_func(ty, "startup".into());
    // Descriptors hold closures: closures are made first, but listed
    // last, as generating the descriptors' code can make closures.
    let descriptors = super::interfaces::init_descriptors(cx);
    let closures = super::interfaces::init_closures(cx);
    let mut g = FuncGen::helper(cx, 0);
    for f in closures.into_iter().chain(descriptors) {
        g.ins().call(f);
    }
    super::pointers::init_globals(&mut g);
    assert!(
        g.cx.closure_inits.is_empty(),
        "closure made after the start-up closures"
    );
    // The string pool is complete only now; its initialization goes first.
    let len = g.cx.module.data_len();
    if len > 0 {
        let mut prefix = Vec::new();
        wasm_encoder::InstructionSink::new(&mut prefix)
            .i32_const(0)
            .i32_const(len as i32)
            .array_new_data(BYTES_TYPE, 0)
            .global_set(g.cx.string_pool_global);
        prefix.append(&mut g.code);
        g.code = prefix;
    }
    g.finish(startup);
    startup
}
