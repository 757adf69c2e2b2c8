//! Channels and select. A channel is a reference to the runtime's `hchan`
//! (runtime/chan.go, written in Go over the scheduler); elements cross it as
//! `any` — boxed on send, unboxed on receive (a nil `any` is the zero
//! value). Sends, receives and blocking selects may park the goroutine: each
//! is one runtime call followed by the suspension check (resume.rs).

use super::func::FuncGen;
use super::helpers::{pop_any_as, push_as_any};
use super::types::{ANYREF, Shape};
use crate::emit::module::ref_null;
use crate::ir::{Builtin, ChanDir, Instr, Operand, SelectState, TypeId};
use wasm_encoder::{BlockType, ValType};

/// The element type of a channel operand.
fn elem_of(g: &FuncGen, ch: &Operand) -> TypeId {
    let t = g.operand_type(ch).expect("typed channel");
    match g.cx.shape(t) {
        Shape::Chan(e) => e,
        other => panic!("channel operation on {other:?}"),
    }
}

pub fn make_chan(g: &mut FuncGen, ins: &Instr, size: &Operand) {
    let t = g.operand_type(size).expect("typed size");
    super::arith::push_as_i64(g, size, t);
    g.call_runtime("makechan");
    g.set_result(ins);
}

pub fn send(g: &mut FuncGen, ch: &Operand, x: &Operand) {
    let elem = elem_of(g, ch);
    g.push(ch);
    push_as_any(g, x, elem);
    g.call_runtime("chansend1");
    g.suspend_check();
}

/// `<-ch`, and `v, ok := <-ch` (a tuple).
pub fn recv(g: &mut FuncGen, ins: &Instr, ch: &Operand, comma_ok: bool) {
    let elem = elem_of(g, ch);
    g.push(ch);
    if comma_ok {
        g.call_runtime("chanrecv2");
        g.suspend_check();
        let ok = g.tmp(ValType::I32);
        g.ins().local_set(ok);
        pop_any_as(g, elem);
        g.ins().local_get(ok);
    } else {
        g.call_runtime("chanrecv1");
        g.suspend_check();
        pop_any_as(g, elem);
    }
    g.set_result(ins);
}

/// `select`: the cases go into a runtime slice; selectgo returns the chosen
/// case (-1 for default), whether a receive got a value, and the value.
/// The result tuple is (index, recvOK, one value per receive case).
pub fn select(g: &mut FuncGen, ins: &Instr, states: &[SelectState], blocking: bool) {
    let n = states.len();
    let newselect = g.cx.runtime_func_id("newselect");
    let slots: Vec<ValType> = {
        let r = g.cx.prog.functions[newselect].results[0];
        g.cx.slots(r)
    };
    let cases = g.tmps(&slots);
    g.ins().i64_const(n as i64);
    g.call_runtime("newselect");
    g.set_all(&cases);
    for (i, st) in states.iter().enumerate() {
        g.get_all(&cases);
        g.ins().i64_const(i as i64);
        g.push(&st.chan);
        let send = st.dir == ChanDir::Send;
        g.ins().i32_const(send as i32);
        match &st.send {
            Some(v) => {
                let elem = elem_of(g, &st.chan);
                push_as_any(g, v, elem);
            }
            None => {
                let rtype = g.cx.runtime_struct("_type");
                g.ins().ref_null(wasm_encoder::HeapType::Concrete(rtype));
                super::func::push_default(&mut g.ins(), ANYREF);
            }
        }
        g.call_runtime("selectcase");
    }
    g.get_all(&cases);
    g.ins().i32_const(blocking as i32);
    g.call_runtime("selectgo");
    g.suspend_check();
    let rtype = g.cx.runtime_struct("_type");
    let (typ, payload) = (g.tmp(ref_null(rtype)), g.tmp(ANYREF));
    let (chosen, ok) = (g.tmp(ValType::I64), g.tmp(ValType::I32));
    g.ins()
        .local_set(payload)
        .local_set(typ)
        .local_set(ok)
        .local_tee(chosen)
        .local_get(ok);
    for (i, st) in states.iter().enumerate() {
        if st.dir == ChanDir::Send {
            continue;
        }
        let elem = elem_of(g, &st.chan);
        let out = g.cx.slots(elem);
        g.ins()
            .local_get(chosen)
            .i64_const(i as i64)
            .i64_eq()
            .if_(BlockType::Empty);
        g.ins().local_get(typ).local_get(payload);
        pop_any_as(g, elem);
        let vals = g.tmps(&out);
        g.set_all(&vals);
        g.ins().else_();
        g.push_zero(elem);
        g.set_all(&vals);
        g.ins().end();
        g.get_all(&vals);
    }
    g.set_result(ins);
}

/// `close(ch)`, `len(ch)`, `cap(ch)`.
pub fn builtin(g: &mut FuncGen, ins: &Instr, name: Builtin, ch: &Operand) {
    g.push(ch);
    match name {
        Builtin::Close => g.call_runtime("closechan"),
        Builtin::Len => {
            g.call_runtime("chanlen");
            g.set_result(ins);
        }
        _ => {
            g.call_runtime("chancap");
            g.set_result(ins);
        }
    }
}
