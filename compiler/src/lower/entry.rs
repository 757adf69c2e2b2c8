//! The module's entry point `_start`: start-up data (string pool, type
//! descriptors, global objects), then the scheduler (runtime.start), which
//! runs package initialization and main.main as the main goroutine.

use super::Ctx;
use super::func::FuncGen;
use crate::emit::module::BYTES_TYPE;
use wasm_encoder::ExportKind;

/// Declares `_start` and requests the runtime function it calls.
pub fn declare_start(cx: &mut Ctx) -> u32 {
    cx.runtime_func("start");
    let ty = cx.module.func_type(vec![], vec![]);
    let start = cx.module.declare_func(ty, "_start".into());
    cx.module
        .export(host_abi::ENTRY_EXPORT, ExportKind::Func, start);
    start
}

pub fn define_start(cx: &mut Ctx, start: u32) {
    super::goroutines::define_run_g(cx);
    let sched = cx.runtime_func("start");
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
    g.ins().call(sched);
    g.finish(start);
}
