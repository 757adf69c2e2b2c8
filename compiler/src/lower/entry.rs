//! The module's entry point `_start`: start-up data (string pool, type
//! descriptors, global objects), package initialization, main.main, and the
//! top-level panic handler that prints an unrecovered panic and exits 2.

use super::Ctx;
use super::func::FuncGen;
use crate::emit::module::BYTES_TYPE;
use wasm_encoder::{BlockType, Catch, ExportKind};

/// Declares `_start` and requests the runtime function it calls after
/// main.main (the panic reporter is requested once something can panic).
pub fn declare_start(cx: &mut Ctx) -> u32 {
    cx.runtime_func("mainReturned");
    let ty = cx.module.func_type(vec![], vec![]);
    let start = cx.module.declare_func(ty, "_start".into());
    cx.module
        .export(host_abi::ENTRY_EXPORT, ExportKind::Func, start);
    start
}

pub fn define_start(cx: &mut Ctx, start: u32) {
    let inits: Vec<u32> = cx.prog.inits.iter().map(|&f| cx.funcs[&f]).collect();
    let main = cx.funcs[&cx.prog.main];
    let uncaught = cx.can_panic().then(|| cx.runtime_func("uncaughtPanic"));
    let returned = cx.runtime_func("mainReturned");
    let mut g = FuncGen::helper(cx, 0);
    super::interfaces::init_descriptors(&mut g);
    super::pointers::init_globals(&mut g);
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
    let tag = g.cx.panic_tag;
    let Some(uncaught) = uncaught else {
        // Nothing in the program can panic.
        for f in inits {
            g.ins().call(f);
        }
        g.ins().call(main).call(returned);
        g.finish(start);
        return;
    };
    g.ins()
        .block(BlockType::Empty)
        .try_table(BlockType::Empty, [Catch::One { tag, label: 0 }]);
    for f in inits {
        g.ins().call(f);
    }
    g.ins()
        .call(main)
        .call(returned)
        .return_()
        .end()
        .end()
        .call(uncaught);
    g.finish(start);
}
