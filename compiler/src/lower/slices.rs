//! Slices: make, slicing with Go's bounds checks, append with gc's growth
//! policy, copy and clear. A slice is (array, offset, length, capacity);
//! arrays hold struct and array elements as objects that are copied into,
//! never replaced, so `&s[i]` stays valid.

use super::Ctx;
use super::func::FuncGen;
use super::types::Shape;
use crate::emit::module::ref_null;
use crate::ir::{Builtin, Instr, Op, Operand, TypeId};
use wasm_encoder::{BlockType, ValType};

/// Evaluates an index operand, checks it against the i32 length in
/// `len_local` (panicking as Go does) and returns a local holding it as i32.
/// The index of `x[idx]` (instruction `ins`) as an i32 local: checked
/// against the length in `len_local` unless checks.rs proved it in range.
pub fn element_index(g: &mut FuncGen, ins: &Instr, idx: &Operand, len_local: u32) -> u32 {
    if !g.in_bounds.contains(&ins.id) {
        return checked_index(g, idx, len_local);
    }
    let t = g.operand_type(idx).unwrap();
    let i = g.tmp(ValType::I32);
    super::arith::push_as_i64(g, idx, t);
    g.ins().i32_wrap_i64().local_set(i);
    i
}

pub fn checked_index(g: &mut FuncGen, idx: &Operand, len_local: u32) -> u32 {
    let t = g.operand_type(idx).unwrap();
    let panic = bounds_panic(g, "panicIndex", Some(idx));
    let wide = g.tmp(ValType::I64);
    super::arith::push_as_i64(g, idx, t);
    g.ins()
        .local_tee(wide)
        .local_get(len_local)
        .i64_extend_i32_u()
        .i64_ge_u()
        .if_(BlockType::Empty)
        .local_get(wide)
        .local_get(len_local)
        .i64_extend_i32_u();
    g.call_runtime(panic);
    g.ins().unreachable().end();
    let i = g.tmp(ValType::I32);
    g.ins().local_get(wide).i32_wrap_i64().local_set(i);
    i
}

/// The runtime function reporting a failed bounds check: gc's unsigned
/// variant when the offending value (index or bound) `x` has an unsigned
/// type, so that a huge unsigned value is printed as such.
fn bounds_panic(g: &FuncGen, name: &'static str, x: Option<&Operand>) -> &'static str {
    let unsigned = x
        .and_then(|x| g.operand_type(x))
        .is_some_and(|t| matches!(g.cx.shape(t), Shape::Int { signed: false, .. }));
    if !unsigned {
        return name;
    }
    match name {
        "panicIndex" => "panicIndexU",
        "panicSliceAlen" => "panicSliceAlenU",
        "panicSliceAcap" => "panicSliceAcapU",
        "panicSliceB" => "panicSliceBU",
        "panicSlice3Alen" => "panicSlice3AlenU",
        "panicSlice3Acap" => "panicSlice3AcapU",
        "panicSlice3B" => "panicSlice3BU",
        "panicSlice3C" => "panicSlice3CU",
        other => other,
    }
}

/// Allocates an array of `elem` whose length is on the stack (i32), with
/// every element zero (object elements get fresh zero objects).
pub fn new_array(g: &mut FuncGen, elem: TypeId) {
    let f = new_array_func(g.cx, elem);
    g.ins().call(f);
}

pub fn new_array_func(cx: &mut Ctx, elem: TypeId) -> u32 {
    let arr = cx.array_type(elem);
    let key = format!("newarray:{}#{elem}", cx.prog.types[elem].str);
    let objects = matches!(cx.shape(elem), Shape::Struct(_) | Shape::Array(..));
    cx.helper(&key, vec![ValType::I32], vec![ref_null(arr)], |cx, idx| {
        let mut g = FuncGen::helper(cx, 1);
        g.ins().local_get(0).array_new_default(arr);
        if objects {
            let a = g.tmp(ref_null(arr));
            g.ins().local_set(a);
            g.counted_loop(
                |g| {
                    g.ins().local_get(0);
                },
                |g, i| {
                    g.ins().local_get(a).local_get(i);
                    g.push_zero(elem);
                    g.ins().array_set(arr);
                },
            );
            g.ins().local_get(a);
        }
        g.finish(idx);
    })
}

pub fn make_slice(g: &mut FuncGen, ins: &Instr, len_op: &Operand, cap_op: &Operand) {
    let Shape::Slice(elem) = g.cx.shape(ins.t) else {
        unreachable!()
    };
    let (len, cap) = (g.tmp(ValType::I64), g.tmp(ValType::I64));
    for (op, l) in [(len_op, len), (cap_op, cap)] {
        let t = g.operand_type(op).unwrap();
        super::arith::push_as_i64(g, op, t);
        g.ins().local_set(l);
    }
    // As gc: a negative length or one past what may be allocated (gc's
    // maxAlloc, 2^48 bytes) first, then a capacity below the length or
    // past it (unsigned compares catch negatives). A legal size the engine
    // cannot hold (an array's length is an i32) is Go's out of memory.
    const MAX_ALLOC: u64 = 1 << 48;
    let max_len = MAX_ALLOC / g.cx.go_size(elem).max(1) as u64;
    g.ins()
        .local_get(len)
        .i64_const(max_len as i64)
        .i64_gt_u()
        .if_(BlockType::Empty);
    g.call_runtime("panicmakeslicelen");
    g.ins().unreachable().end();
    g.ins()
        .local_get(cap)
        .local_get(len)
        .i64_lt_u()
        .local_get(cap)
        .i64_const(max_len as i64)
        .i64_gt_u()
        .i32_or()
        .if_(BlockType::Empty);
    g.call_runtime("panicmakeslicecap");
    g.ins().unreachable().end();
    g.ins()
        .local_get(cap)
        .i64_const(1 << 31)
        .i64_ge_u()
        .if_(BlockType::Empty);
    g.call_runtime("outOfMemory");
    g.ins().unreachable().end();
    g.ins().local_get(cap).i32_wrap_i64();
    new_array(g, elem);
    g.ins()
        .i32_const(0)
        .local_get(len)
        .i32_wrap_i64()
        .local_get(cap)
        .i32_wrap_i64();
    g.set_result(ins);
}

/// The Slice instruction: s[low:high:max] on a string, slice or pointer
/// to array.
pub fn slice(g: &mut FuncGen, ins: &Instr) {
    let Op::Slice {
        x,
        low,
        high,
        max,
        makeslice,
    } = &ins.op
    else {
        unreachable!("not a Slice")
    };
    let xt = g.operand_type(x).unwrap_or(ins.t);
    let xshape = g.cx.shape(xt);
    let is_string = xshape == Shape::String;
    let rslots = g.cx.slots(ins.t);
    let (arr, off, len, cap) = (
        g.tmp(rslots[0]),
        g.tmp(ValType::I32),
        g.tmp(ValType::I32),
        g.tmp(ValType::I32),
    );
    match xshape {
        Shape::String => {
            g.push(x);
            g.set_all(&[arr, off, len]);
            g.ins().local_get(len).local_set(cap);
        }
        Shape::Slice(_) => {
            g.push(x);
            g.set_all(&[arr, off, len, cap]);
        }
        Shape::PtrArray(at) => {
            let Shape::Array(_, n) = g.cx.shape(at) else {
                unreachable!()
            };
            g.push_pointer(x);
            g.ins()
                .local_set(off)
                .local_set(arr)
                .i32_const(n as i32)
                .local_set(len)
                .i32_const(n as i32)
                .local_set(cap);
        }
        other => panic!("slice of {other:?}"),
    }
    let bound = |g: &mut FuncGen, op: &Option<Operand>, default: u32| -> u32 {
        let l = g.tmp(ValType::I64);
        match op {
            Some(op) => {
                let t = g.operand_type(op).unwrap();
                super::arith::push_as_i64(g, op, t);
            }
            None => {
                g.ins().local_get(default).i64_extend_i32_u();
            }
        }
        g.ins().local_set(l);
        l
    };
    let zero = g.zeroed_i32();
    let three = max.is_some();
    let has_high = high.is_some();
    // The operands, for the signedness of the value a failed check reports.
    let (low_op, high_op, max_op) = (low.clone(), high.clone(), max.clone());
    let low = bound(g, low, zero);
    let high = bound(g, high, len);
    let max = bound(g, max, cap);
    let fail = |g: &mut FuncGen, a: u32, b: u32, name: &'static str, x: &Option<Operand>| {
        let name = bounds_panic(g, name, x.as_ref());
        g.ins()
            .local_get(a)
            .local_get(b)
            .i64_gt_u()
            .if_(BlockType::Empty)
            .local_get(a)
            .local_get(b);
        g.call_runtime(name);
        g.ins().unreachable().end();
    };
    // gc reports a bound past an array's or a string's end against its
    // length, past a slice's against its capacity.
    let whole = matches!(xshape, Shape::String | Shape::PtrArray(_));
    let capw = g.tmp(ValType::I64);
    g.ins()
        .local_get(if is_string { len } else { cap })
        .i64_extend_i32_u()
        .local_set(capw);
    if *makeslice {
        // make([]T, n, constant): n < 0 is a bad length, n > cap a bad
        // capacity.
        g.ins()
            .local_get(high)
            .i64_const(0)
            .i64_lt_s()
            .if_(BlockType::Empty);
        g.call_runtime("panicmakeslicelen");
        g.ins()
            .unreachable()
            .end()
            .local_get(high)
            .local_get(capw)
            .i64_gt_u()
            .if_(BlockType::Empty);
        g.call_runtime("panicmakeslicecap");
        g.ins().unreachable().end();
    } else if three {
        let name = if whole {
            "panicSlice3Alen"
        } else {
            "panicSlice3Acap"
        };
        fail(g, max, capw, name, &max_op);
        fail(g, high, max, "panicSlice3B", &high_op);
        fail(g, low, high, "panicSlice3C", &low_op);
    } else {
        let name = if whole {
            "panicSliceAlen"
        } else {
            "panicSliceAcap"
        };
        if is_string || has_high {
            fail(g, high, capw, name, &high_op);
        }
        fail(g, low, high, "panicSliceB", &low_op);
    }
    g.ins()
        .local_get(arr)
        .local_get(off)
        .local_get(low)
        .i32_wrap_i64()
        .i32_add()
        .local_get(high)
        .local_get(low)
        .i64_sub()
        .i32_wrap_i64();
    if !is_string {
        g.ins()
            .local_get(max)
            .local_get(low)
            .i64_sub()
            .i32_wrap_i64();
    }
    g.set_result(ins);
}

/// Copies n elements from (src, si) to (dst, di), overlapping allowed.
/// Expects no operands on the stack; all arguments are locals.
pub fn copy_elems(g: &mut FuncGen, elem: TypeId, locals: [u32; 5]) {
    let f = copy_elems_func(g.cx, elem);
    for l in locals {
        g.ins().local_get(l);
    }
    g.ins().call(f);
}

fn copy_elems_func(cx: &mut Ctx, elem: TypeId) -> u32 {
    let arr = cx.array_type(elem);
    let key = format!("copyelems:{}#{elem}", cx.prog.types[elem].str);
    let objects = matches!(cx.shape(elem), Shape::Struct(_) | Shape::Array(..));
    let params = vec![
        ref_null(arr),
        ValType::I32,
        ref_null(arr),
        ValType::I32,
        ValType::I32,
    ];
    cx.helper(&key, params, vec![], |cx, idx| {
        let mut g = FuncGen::helper(cx, 5);
        let (dst, di, src, si, n) = (0, 1, 2, 3, 4);
        g.ins()
            .local_get(n)
            .i32_eqz()
            .if_(BlockType::Empty)
            .return_()
            .end();
        if !objects {
            g.ins()
                .local_get(dst)
                .local_get(di)
                .local_get(src)
                .local_get(si)
                .local_get(n)
                .array_copy(arr, arr);
        } else {
            // Element objects are assigned into, front to back unless the
            // ranges overlap with the destination after the source.
            let assign = super::helpers::assign_func(g.cx, elem);
            let (i, step, end) = (
                g.tmp(ValType::I32),
                g.tmp(ValType::I32),
                g.tmp(ValType::I32),
            );
            g.ins()
                .local_get(dst)
                .local_get(src)
                .ref_eq()
                .local_get(di)
                .local_get(si)
                .i32_gt_u()
                .i32_and()
                .if_(BlockType::Empty)
                .local_get(n)
                .i32_const(1)
                .i32_sub()
                .local_set(i)
                .i32_const(-1)
                .local_set(step)
                .i32_const(-1)
                .local_set(end)
                .else_()
                .i32_const(0)
                .local_set(i)
                .i32_const(1)
                .local_set(step)
                .local_get(n)
                .local_set(end)
                .end()
                .block(BlockType::Empty)
                .loop_(BlockType::Empty)
                .local_get(i)
                .local_get(end)
                .i32_eq()
                .br_if(1)
                .local_get(dst)
                .local_get(di)
                .local_get(i)
                .i32_add()
                .array_get(arr)
                .local_get(src)
                .local_get(si)
                .local_get(i)
                .i32_add()
                .array_get(arr)
                .call(assign)
                .local_get(i)
                .local_get(step)
                .i32_add()
                .local_set(i)
                .br(0)
                .end()
                .end();
        }
        g.finish(idx);
    })
}

/// append(s, t...) where t is a slice of the same type (or a string for a
/// byte slice).
pub fn append(g: &mut FuncGen, ins: &Instr, args: &[Operand]) {
    let Shape::Slice(elem) = g.cx.shape(ins.t) else {
        unreachable!()
    };
    let f = append_func(g.cx, elem);
    g.push(&args[0]);
    let st = g.operand_type(&args[1]).unwrap();
    g.push(&args[1]);
    if g.cx.shape(st) != Shape::String {
        g.ins().drop();
    }
    g.ins().call(f);
    g.set_result(ins);
}

fn append_func(cx: &mut Ctx, elem: TypeId) -> u32 {
    let arr = cx.array_type(elem);
    let key = format!("append:{}#{elem}", cx.prog.types[elem].str);
    let slice = vec![ref_null(arr), ValType::I32, ValType::I32, ValType::I32];
    let mut params = slice.clone();
    params.extend([ref_null(arr), ValType::I32, ValType::I32]);
    cx.helper(&key, params, slice, |cx, idx| {
        let mut g = FuncGen::helper(cx, 7);
        let (a, off, len, cap, src, soff, n) = (0, 1, 2, 3, 4, 5, 6);
        let newlen = grow_for_append(&mut g, elem, [a, off, len, cap], |g| {
            g.ins().local_get(n);
        });
        let dst_i = g.tmp(ValType::I32);
        g.ins()
            .local_get(off)
            .local_get(len)
            .i32_add()
            .local_set(dst_i);
        copy_elems(&mut g, elem, [a, dst_i, src, soff, n]);
        g.get_all(&[a, off, newlen, cap]);
        g.finish(idx);
    })
}

/// The start of an append to the slice in locals [array, offset, len,
/// cap]: if the new length (len + what `push_count` pushes) exceeds cap,
/// the elements move to a new array grown as `runtime.growslice` grows it
/// (the locals are updated). Returns the local holding the new length.
fn grow_for_append(
    g: &mut FuncGen,
    elem: TypeId,
    [a, off, len, cap]: [u32; 4],
    push_count: impl FnOnce(&mut FuncGen),
) -> u32 {
    let arr = g.cx.array_type(elem);
    let size = g.cx.go_size(elem);
    let noscan = !g.cx.prog.types[elem].pointers;
    let newlen = g.tmp(ValType::I32);
    g.ins().local_get(len);
    push_count(g);
    g.ins()
        .i32_add()
        .local_set(newlen)
        .local_get(newlen)
        .local_get(cap)
        .i32_gt_u()
        .if_(BlockType::Empty)
        .local_get(newlen)
        .i64_extend_i32_u()
        .local_get(cap)
        .i64_extend_i32_u()
        .i64_const(size)
        .i32_const(noscan as i32);
    g.call_runtime("growslicecap");
    g.ins().i32_wrap_i64().local_set(cap);
    g.ins().local_get(cap);
    new_array(g, elem);
    let fresh = g.tmp(ref_null(arr));
    let zero = g.zeroed_i32();
    g.ins().local_set(fresh);
    copy_elems(g, elem, [fresh, zero, a, off, len]);
    g.ins()
        .local_get(fresh)
        .local_set(a)
        .i32_const(0)
        .local_set(off)
        .end();
    newlen
}

/// `append(s, v1, ..., vn)`: Go's SSA puts the values in a new array
/// (`new [n]T (varargs)`, a store per element, a slice of it) and appends
/// the slice; here the values go straight into s's array, without the
/// temporary array. Returns the instructions consumed.
pub fn append_values(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let al = &body[k];
    if !matches!(al.op, Op::Alloc { .. }) {
        return 0;
    }
    let Shape::PtrArray(at) = g.cx.shape(al.t) else {
        return 0;
    };
    let Shape::Array(elem, n) = g.cx.shape(at) else {
        return 0;
    };
    if !(1..=8).contains(&n) || matches!(g.cx.shape(elem), Shape::Struct(_) | Shape::Array(..)) {
        return 0;
    }
    let n = n as usize;
    let Some(seq) = body.get(k + 1..k + 2 * n + 3) else {
        return 0;
    };
    let is = |op: &Operand, v: usize| matches!(op, Operand::Value(u) if *u == v);
    let mut values = Vec::with_capacity(n);
    for (i, pair) in seq[..2 * n].chunks(2).enumerate() {
        let (addr, store) = (&pair[0], &pair[1]);
        let (
            Op::IndexAddr {
                x: base,
                index: Operand::Const(at),
            },
            Op::Store { addr: target, val },
        ) = (&addr.op, &store.op)
        else {
            return 0;
        };
        if !is(base, al.id)
            || at.bits() != i as u64
            || !is(target, addr.id)
            || !g.used_only_at(addr.id, k + 2 + 2 * i)
        {
            return 0;
        }
        values.push(val.clone());
    }
    let (sl, call) = (&seq[2 * n], &seq[2 * n + 1]);
    let (
        Op::Slice {
            x: sliced,
            low: None,
            high: None,
            max: None,
            ..
        },
        Op::Call(c),
    ) = (&sl.op, &call.op)
    else {
        return 0;
    };
    if !is(sliced, al.id)
        || !g.used_only_at(al.id, k + 2 * n + 1)
        || !g.used_only_at(sl.id, k + 2 * n + 2)
        || !matches!(&c.callee, Some(Operand::Builtin(Builtin::Append)))
        || !matches!(c.args.get(1), Some(Operand::Value(v)) if *v == sl.id)
        || matches!(c.args.first(), Some(Operand::Value(v)) if *v == sl.id)
    {
        return 0;
    }
    let f = append_values_func(g.cx, elem, n);
    g.alloc_result(call);
    g.begin_scratch();
    // Inline when the values fit (the common case, and a call Cranelift
    // does not inline: the helper also grows); else the helper.
    let arr = g.cx.array_type(elem);
    let s = g.tmps(&[ref_null(arr), ValType::I32, ValType::I32, ValType::I32]);
    g.push(&c.args[0]);
    g.set_all(&s);
    let (a, off, len, cap) = (s[0], s[1], s[2], s[3]);
    g.ins()
        .local_get(len)
        .i32_const(n as i32)
        .i32_add()
        .local_get(cap)
        .i32_le_u()
        .if_(BlockType::Empty);
    for (i, v) in values.iter().enumerate() {
        store_appended(g, elem, [a, off, len], i, |g| g.push(v));
    }
    g.ins()
        .local_get(len)
        .i32_const(n as i32)
        .i32_add()
        .local_set(len)
        .else_();
    g.get_all(&s);
    for v in &values {
        g.push(v);
    }
    g.ins().call(f);
    g.set_all(&s);
    g.ins().end();
    g.get_all(&s);
    g.set_result(call);
    g.end_scratch();
    for (j, ins) in body.iter().enumerate().skip(k).take(2 * n + 3) {
        g.release_after(ins, j);
    }
    2 * n + 3
}

/// Stores the value `push_value` pushes as appended element i of the slice
/// in locals [array, offset, len] (len before the append).
fn store_appended(
    g: &mut FuncGen,
    elem: TypeId,
    [a, off, len]: [u32; 3],
    i: usize,
    push_value: impl FnOnce(&mut FuncGen),
) {
    g.ins()
        .local_get(a)
        .local_get(off)
        .local_get(len)
        .i32_add()
        .i32_const(i as i32)
        .i32_add();
    push_value(g);
    super::pointers::store_elem(g, elem);
}

/// The helper appending n values of type elem: (slice, v1, ..., vn) →
/// slice.
fn append_values_func(cx: &mut Ctx, elem: TypeId, n: usize) -> u32 {
    let arr = cx.array_type(elem);
    let key = format!("append{n}:{}#{elem}", cx.prog.types[elem].str);
    let slice = vec![ref_null(arr), ValType::I32, ValType::I32, ValType::I32];
    let value = cx.slots(elem);
    let mut params = slice.clone();
    for _ in 0..n {
        params.extend(value.iter().copied());
    }
    let nparams = params.len() as u32;
    cx.helper(&key, params, slice, |cx, idx| {
        let mut g = FuncGen::helper(cx, nparams);
        let (a, off, len, cap) = (0, 1, 2, 3);
        let newlen = grow_for_append(&mut g, elem, [a, off, len, cap], |g| {
            g.ins().i32_const(n as i32);
        });
        for i in 0..n {
            let first = 4 + (i * value.len()) as u32;
            store_appended(&mut g, elem, [a, off, len], i, |g| {
                for slot in first..first + value.len() as u32 {
                    g.ins().local_get(slot);
                }
            });
        }
        g.get_all(&[a, off, newlen, cap]);
        g.finish(idx);
    })
}

/// copy(dst, src): returns the number of elements copied.
pub fn copy(g: &mut FuncGen, ins: &Instr, args: &[Operand]) {
    let dt = g.operand_type(&args[0]).unwrap();
    let Shape::Slice(elem) = g.cx.shape(dt) else {
        unreachable!()
    };
    let arr = g.cx.array_type(elem);
    let d = g.tmps(&[ref_null(arr), ValType::I32, ValType::I32, ValType::I32]);
    g.push(&args[0]);
    g.set_all(&d);
    let st = g.operand_type(&args[1]).unwrap();
    let s = g.tmps(&[ref_null(arr), ValType::I32, ValType::I32]);
    g.push(&args[1]);
    if g.cx.shape(st) != Shape::String {
        g.ins().drop();
    }
    g.set_all(&s);
    let n = g.tmp(ValType::I32);
    g.ins()
        .local_get(d[2])
        .local_get(s[2])
        .local_get(d[2])
        .local_get(s[2])
        .i32_lt_u()
        .select()
        .local_set(n);
    copy_elems(g, elem, [d[0], d[1], s[0], s[1], n]);
    g.ins().local_get(n).i64_extend_i32_u();
    g.set_result(ins);
}

/// clear(s) on a slice: every element becomes its zero value.
pub fn clear(g: &mut FuncGen, s: &Operand, elem: TypeId) {
    let arr = g.cx.array_type(elem);
    let sl = g.tmps(&[ref_null(arr), ValType::I32, ValType::I32, ValType::I32]);
    g.push(s);
    g.set_all(&sl);
    let objects = matches!(g.cx.shape(elem), Shape::Struct(_) | Shape::Array(..));
    g.counted_loop(
        |g| {
            g.ins().local_get(sl[2]);
        },
        |g, i| {
            g.ins()
                .local_get(sl[0])
                .local_get(sl[1])
                .local_get(i)
                .i32_add();
            if objects {
                // Element objects are zeroed in place: pointers to them see it.
                let assign = super::helpers::assign_func(g.cx, elem);
                g.ins().array_get(arr);
                g.push_zero(elem);
                g.ins().call(assign);
            } else {
                g.push_zero(elem);
                super::pointers::store_elem(g, elem);
            }
        },
    );
}

/// (*[N]T)(s): panics when len(s) < N; the pointer is the slice's (array,
/// offset), so it aliases the slice's elements (nil for a nil slice).
pub fn slice_to_array_pointer(g: &mut FuncGen, ins: &Instr, x: &Operand) {
    let st = g.operand_type(x).unwrap();
    let Shape::Slice(elem) = g.cx.shape(st) else {
        unreachable!()
    };
    let Shape::PtrArray(at) = g.cx.shape(ins.t) else {
        unreachable!()
    };
    let Shape::Array(_, n) = g.cx.shape(at) else {
        unreachable!()
    };
    let arr = g.cx.array_type(elem);
    let s = g.tmps(&[ref_null(arr), ValType::I32, ValType::I32, ValType::I32]);
    g.push(x);
    g.set_all(&s);
    g.ins()
        .local_get(s[2])
        .i32_const(n as i32)
        .i32_lt_u()
        .if_(BlockType::Empty)
        .i64_const(n)
        .local_get(s[2])
        .i64_extend_i32_u();
    g.call_runtime("panicSliceConvert");
    g.ins().unreachable().end().local_get(s[0]).local_get(s[1]);
    g.set_result(ins);
}
