//! Goroutines: `go` statements, and the compiler's half of the scheduler
//! (runtime/proc.go holds the rest): parking, running a goroutine until it
//! returns or parks, handing its saved frames back, and calling package
//! initializers and main.main from the main goroutine. How functions
//! suspend and resume is in resume.rs.

use super::Ctx;
use super::func::FuncGen;
use super::resume::{NORMAL, REWINDING, UNWINDING};
use crate::ir::{Call, FuncId};
use wasm_encoder::{AbstractHeapType, BlockType, Catch, HeapType, ValType};

/// `go f(x)`: a thunk like defer's, handed to runtime.newproc.
pub fn go(g: &mut FuncGen, call: &Call) {
    super::defer::push_thunk(g, call, "go");
    g.call_runtime("newproc");
}

/// Runtime functions of the scheduler whose bodies the compiler supplies.
pub fn is_intrinsic(name: &str) -> bool {
    matches!(
        name,
        "runtime.gopark"
            | "runtime.runG"
            | "runtime.rewind"
            | "runtime.takeFrames"
            | "runtime.numInits"
            | "runtime.callInit"
            | "runtime.callMain"
    )
}

pub fn define_intrinsic(cx: &mut Ctx, fid: FuncId) {
    let name = cx.prog.functions[fid].name.as_str();
    if name == "runtime.runG" {
        // Written by define_run_g once it is known whether anything can
        // panic.
        return;
    }
    let idx = cx.funcs[&fid];
    let (state, frames) = cx.resume_globals();
    let mut body = wasm_encoder::Function::new([]);
    let mut ins = body.instructions();
    match name {
        "runtime.gopark" => {
            // Reached while rewinding: the goroutine is back. Otherwise
            // start unwinding its stack.
            ins.global_get(state)
                .i32_const(REWINDING)
                .i32_eq()
                .if_(BlockType::Empty)
                .i32_const(NORMAL)
                .global_set(state)
                .return_()
                .end()
                .i32_const(UNWINDING)
                .global_set(state);
        }
        "runtime.rewind" => {
            // (frames unsafe.Pointer): the next call into the goroutine
            // resumes from these frames (none for a new goroutine).
            ins.local_get(0)
                .ref_cast_nullable(HeapType::Abstract {
                    shared: false,
                    ty: AbstractHeapType::Struct,
                })
                .global_set(frames)
                .local_get(0)
                .ref_is_null()
                .i32_eqz()
                .if_(BlockType::Empty)
                .i32_const(REWINDING)
                .global_set(state)
                .end();
        }
        "runtime.takeFrames" => {
            ins.global_get(frames)
                .i32_const(0)
                .ref_null(HeapType::Abstract {
                    shared: false,
                    ty: AbstractHeapType::Struct,
                })
                .global_set(frames);
        }
        "runtime.numInits" => {
            ins.i64_const(cx.prog.inits.len() as i64);
        }
        "runtime.callInit" => {
            // (i int): a single call, so that it forwards a rewind.
            let inits: Vec<u32> = cx.prog.inits.iter().map(|&f| cx.funcs[&f]).collect();
            let n = inits.len() as u32;
            for _ in 0..=n {
                ins.block(BlockType::Empty);
            }
            ins.local_get(0).i32_wrap_i64().br_table(0..n, n).end();
            for f in inits {
                ins.call(f).return_().end();
            }
        }
        "runtime.callMain" => {
            ins.call(cx.funcs[&cx.prog.main]);
        }
        _ => unreachable!("{name}"),
    }
    ins.end();
    cx.module.define(idx, body);
}

/// `runG(fn func()) int`: runs or resumes a goroutine's function. 0: it
/// returned; 1: it parked (its frames wait in the frame list); 2: a panic
/// or Goexit ended it (runtime.goroutinePanicked has been called).
pub fn define_run_g(cx: &mut Ctx) {
    let Some(&fid) = cx.prog.runtime_funcs.get("runG") else {
        return;
    };
    let Some(&idx) = cx.funcs.get(&fid) else {
        return;
    };
    let sig = cx.prog.functions[fid].params[0].ty;
    let (clo, fty) = cx.closure_types(sig);
    let (state, _) = cx.resume_globals();
    let panicked = cx.can_panic().then(|| cx.runtime_func("goroutinePanicked"));
    let mut g = FuncGen::helper(cx, 1);
    if panicked.is_some() {
        let tag = g.cx.panic_tag;
        g.ins()
            .block(BlockType::Empty)
            .try_table(BlockType::Empty, [Catch::One { tag, label: 0 }]);
    }
    g.ins()
        .local_get(0)
        .local_get(0)
        .struct_get(clo, 0)
        .call_indirect(0, fty)
        .global_get(state)
        .if_(BlockType::Result(ValType::I64))
        .i32_const(NORMAL)
        .global_set(state)
        .i64_const(1)
        .else_()
        .i64_const(0)
        .end();
    if let Some(p) = panicked {
        g.ins().return_().end().end().call(p).i64_const(2);
    }
    g.finish(idx);
}
