//! defer: each defer statement becomes a closure (a "thunk") holding the
//! evaluated callee and arguments, pushed on the runtime's defer chain.
//! Deferred calls run at RunDefers on normal return and in the function's
//! panic handler (see func.rs and runtime/panic.go).

use super::func::FuncGen;
use crate::emit::module::ref_null;
use crate::ir::{Builtin, Call, Instr, Op, Operand};
use wasm_encoder::{FieldType, HeapType, StorageType};

pub fn defer(g: &mut FuncGen, call: &Call) {
    if matches!(call.callee, Some(Operand::Builtin(Builtin::Recover))) {
        // `defer recover()`: a recover of this function, made when the
        // deferred call runs (runtime.deferRecover).
        match g.recover_armed {
            Some(l) => g.ins().local_get(l),
            None => g.ins().i32_const(0),
        };
        g.call_runtime("deferRecover");
        return;
    }
    push_thunk(g, call, "defer");
    g.call_runtime("deferproc");
}

/// Pushes a `func()` closure (a "thunk") that makes `call` with the callee,
/// receiver and arguments evaluated now; `what` names it (defer, go).
pub fn push_thunk(g: &mut FuncGen, call: &Call, what: &str) {
    // The values the thunk must capture: every SSA value among the
    // callee, receiver and arguments (constants, globals and functions are
    // static).
    let mut captured: Vec<usize> = Vec::new();
    let mut note = |op: &Operand| {
        if let Operand::Value(v) = op
            && !captured.contains(v)
        {
            captured.push(*v);
        }
    };
    call.callee.iter().for_each(&mut note);
    call.recv.iter().for_each(&mut note);
    call.args.iter().for_each(&mut note);
    let types: Vec<_> = captured.iter().map(|&v| g.val_types[v]).collect();
    let (clo, _) = g.cx.closure_types_slots(vec![], vec![]);
    let mut fields = vec![super::calls::CLOSURE_CODE_FIELD];
    let mut slot_lists = Vec::new();
    for &t in &types {
        let slots = g.cx.slots(t);
        for &s in &slots {
            fields.push(FieldType {
                element_type: StorageType::Val(s),
                mutable: false,
            });
        }
        slot_lists.push(slots);
    }
    let env = g.cx.module.intern(crate::emit::module::TypeDef::Struct {
        fields,
        supertype: Some(clo),
        is_final: true,
    });
    // Whether the deferred callee may recover: known when it is a static
    // function or a closure made in this function.
    let callee_fn = match call.callee.as_ref() {
        Some(Operand::Func(f)) => Some(*f),
        Some(Operand::Value(v)) => {
            g.f.blocks
                .iter()
                .flat_map(|b| &b.instrs)
                .find_map(|i| match i.op {
                    Op::MakeClosure { func, .. } if i.id == *v => Some(func),
                    _ => None,
                })
        }
        _ => None,
    };
    let disarm = match callee_fn {
        // A bound-method closure passes the deferred call on (Ctx::disarms).
        Some(f) => !g.cx.recovers[f] && !super::recover_wrapper(&g.cx.prog.functions[f]),
        None => call.callee.is_some() && !matches!(call.callee, Some(Operand::Value(_))),
    };
    let key = format!(
        "{}${what}{}",
        super::display_name(&g.f.name),
        g.cx.module_defer_counter()
    );
    let synthetic = rewrite_call(call, &captured);
    let (params, results) = (vec![ref_null(clo)], vec![]);
    let thunk = g.cx.helper(&key, params, results, |cx, idx| {
        let mut t = FuncGen::helper(cx, 1);
        let n = captured.len();
        t.vals = vec![Vec::new(); n + 1];
        t.val_types = types.clone();
        t.val_types.push(0);
        let e = t.tmp(ref_null(env));
        t.ins()
            .local_get(0)
            .ref_cast_nullable(HeapType::Concrete(env))
            .local_set(e);
        let mut field = 1;
        for (i, slots) in slot_lists.iter().enumerate() {
            let ls = t.tmps(slots);
            for &l in &ls {
                t.ins().local_get(e).struct_get(env, field).local_set(l);
                field += 1;
            }
            t.vals[i] = ls;
        }
        if disarm {
            t.call_runtime("disarmRecover");
        }
        let (_, rslots) = t.cx.signature_slots(synthetic.sig);
        let rtuple = t.tmps(&rslots);
        t.vals[n] = rtuple;
        let mut ins = Instr::new(Op::Call(synthetic.clone()));
        ins.id = n;
        // A transparent forwarder when the callee may block: nothing
        // follows the call, and a rewind makes it again with the same
        // environment (see resume.rs).
        super::calls::call(&mut t, &ins, &synthetic);
        t.finish(idx);
    });
    // `defer x.M()` and `go x.M()` evaluate x.M now: a nil interface
    // panics here.
    if let Some(recv) = &call.recv {
        g.push(recv);
        g.ins()
            .drop()
            .ref_is_null()
            .if_(wasm_encoder::BlockType::Empty);
        g.call_runtime("panicmem");
        g.ins().unreachable().end();
    }
    let slot = g.cx.module.table_slot(thunk);
    g.ins().i32_const(slot as i32);
    for &v in &captured {
        g.push(&Operand::Value(v));
    }
    g.ins().struct_new(env);
}

/// The call with each captured value renumbered to its index in the
/// thunk.
fn rewrite_call(call: &Call, captured: &[usize]) -> Call {
    let map = |op: &Operand| match op {
        Operand::Value(v) => Operand::Value(captured.iter().position(|c| c == v).unwrap()),
        other => other.clone(),
    };
    Call {
        callee: call.callee.as_ref().map(map),
        recv: call.recv.as_ref().map(map),
        method: call.method.clone(),
        args: call.args.iter().map(map).collect(),
        sig: call.sig,
    }
}

pub fn run_defers(g: &mut FuncGen) {
    let base = g.defer_base.expect("RunDefers without defer base");
    g.ins().local_get(base).i32_const(0);
    g.call_runtime("rundefers");
    g.suspend_check();
}
