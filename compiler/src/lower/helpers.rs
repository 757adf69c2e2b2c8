//! Generated routines on values of a given type: zero values, copies and
//! assignment of struct and array objects, unboxing, equality and hashing.
//! Each is emitted once per type, on first use.

use super::Ctx;
use super::func::FuncGen;
use super::types::{ANYREF, Shape};
use crate::emit::module::ref_null;
use crate::ir::{Operand, TypeId};
use wasm_encoder::{AbstractHeapType, BlockType, HeapType, RefType, ValType};

fn key(cx: &Ctx, what: &str, t: TypeId) -> String {
    format!("{what}:{}#{t}", cx.prog.types[t].str)
}

/// Go field indexes of struct u with the type of each.
fn fields(cx: &Ctx, u: TypeId) -> Vec<(usize, TypeId, bool)> {
    cx.prog.types[u]
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| (i, f.ty, f.name == "_"))
        .collect()
}

fn is_object(cx: &Ctx, t: TypeId) -> bool {
    matches!(cx.shape(t), Shape::Struct(_) | Shape::Array(..))
}

/// `() -> T` for a struct or array type: a fresh zero object.
pub fn zero_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let obj = cx.object_type(t);
    let k = key(cx, "zero", t);
    cx.helper(&k, vec![], vec![ref_null(obj)], |cx, idx| {
        let mut g = FuncGen::helper(cx, 0);
        match g.cx.shape(t) {
            Shape::Struct(u) => {
                for (_, ft, _) in fields(g.cx, u) {
                    g.push_zero(ft);
                }
                g.ins().i32_const(0).struct_new(obj);
            }
            // An array longer than the engine's arrays can be (gc's
            // allocation would fail the same way).
            Shape::Array(_, n) if i32::try_from(n).is_err() => {
                g.call_runtime("outOfMemory");
                g.ins().unreachable();
            }
            Shape::Array(elem, n) => {
                g.ins().i32_const(n as i32);
                super::slices::new_array(&mut g, elem);
            }
            _ => unreachable!(),
        }
        g.finish(idx);
    })
}

/// `(T) -> T` for a struct or array type: a deep copy of the value.
pub fn copy_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let obj = cx.object_type(t);
    let k = key(cx, "copy", t);
    cx.helper(&k, vec![ref_null(obj)], vec![ref_null(obj)], |cx, idx| {
        let mut g = FuncGen::helper(cx, 1);
        match g.cx.shape(t) {
            Shape::Struct(u) => {
                for (i, ft, _) in fields(g.cx, u) {
                    g.ins().local_get(0);
                    super::pointers::load_field(&mut g, u, i);
                    if is_object(g.cx, ft) {
                        let c = copy_func(g.cx, ft);
                        g.ins().call(c);
                    }
                }
                // A copy is a new object: a new identity.
                g.ins().i32_const(0).struct_new(obj);
            }
            Shape::Array(elem, n) => {
                g.ins().i32_const(n as i32);
                super::slices::new_array(&mut g, elem);
                let fresh = g.tmp(ref_null(obj));
                let (zero, count) = (g.zeroed_i32(), g.tmp(ValType::I32));
                g.ins()
                    .local_set(fresh)
                    .i32_const(n as i32)
                    .local_set(count);
                super::slices::copy_elems(&mut g, elem, [fresh, zero, 0, zero, count]);
                g.ins().local_get(fresh);
            }
            _ => unreachable!(),
        }
        g.finish(idx);
    })
}

/// `(dst T, src T)` for a struct or array type: copies src into dst
/// in place, so pointers into dst see the new value.
pub fn assign_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let obj = cx.object_type(t);
    let k = key(cx, "assign", t);
    cx.helper(&k, vec![ref_null(obj), ref_null(obj)], vec![], |cx, idx| {
        let mut g = FuncGen::helper(cx, 2);
        match g.cx.shape(t) {
            Shape::Struct(u) => {
                for (i, ft, _) in fields(g.cx, u) {
                    if is_object(g.cx, ft) {
                        let a = assign_func(g.cx, ft);
                        g.ins().local_get(0);
                        super::pointers::load_field(&mut g, u, i);
                        g.ins().local_get(1);
                        super::pointers::load_field(&mut g, u, i);
                        g.ins().call(a);
                    } else {
                        g.ins().local_get(0).local_get(1);
                        super::pointers::load_field(&mut g, u, i);
                        super::pointers::store_field(&mut g, u, i);
                    }
                }
            }
            Shape::Array(elem, n) => {
                let (zero, count) = (g.zeroed_i32(), g.tmp(ValType::I32));
                g.ins().i32_const(n as i32).local_set(count);
                super::slices::copy_elems(&mut g, elem, [0, zero, 1, zero, count]);
            }
            _ => unreachable!(),
        }
        g.finish(idx);
    })
}

/// `(anyref) -> T`: a value from an interface payload or array element
/// box; null stands for the zero value.
pub fn unbox_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let slots = cx.slots(t);
    let k = key(cx, "unbox", t);
    cx.helper(&k, vec![ANYREF], slots.clone(), |cx, idx| {
        let mut g = FuncGen::helper(cx, 1);
        if g.cx.is_single_ref(t) {
            let ValType::Ref(r) = slots[0] else {
                unreachable!()
            };
            if matches!(g.cx.shape(t), Shape::Struct(_) | Shape::Array(..)) {
                // A struct or array value is an object, never null: a nil
                // payload (a closed channel's zero value) is a zero one.
                g.ins().local_get(0).ref_is_null().if_(BlockType::Empty);
                g.push_zero(t);
                g.ins().return_().end();
            }
            g.ins().local_get(0).ref_cast_nullable(r.heap_type);
        } else if let Some((wide, _)) = small_int(g.cx, t) {
            // null → zero; an i31 → its value; else the box's. Branching
            // casts keep this small enough for Cranelift to inline its
            // callers' loops (map lookups unbox every key they pass).
            let b = g.cx.box_type(t);
            let i31 = RefType {
                nullable: false,
                heap_type: HeapType::Abstract {
                    shared: false,
                    ty: AbstractHeapType::I31,
                },
            };
            let any = RefType {
                nullable: false,
                heap_type: HeapType::Abstract {
                    shared: false,
                    ty: AbstractHeapType::Any,
                },
            };
            g.ins()
                .block(BlockType::Empty)
                .block(BlockType::Result(ValType::Ref(i31)))
                .local_get(0)
                .br_on_null(1)
                .br_on_cast(0, any, i31)
                .ref_cast_non_null(HeapType::Concrete(b))
                .struct_get(b, 0)
                .return_()
                .end()
                .i31_get_s();
            if wide {
                g.ins().i64_extend_i32_s();
            }
            g.ins().return_().end();
            g.push_zero(t);
        } else {
            let b = g.cx.box_type(t);
            g.ins().local_get(0).ref_is_null().if_(BlockType::Empty);
            g.push_zero(t);
            g.ins().return_().end();
            let bl = g.tmp(ref_null(b));
            g.ins()
                .local_get(0)
                .ref_cast_nullable(HeapType::Concrete(b))
                .local_set(bl);
            for i in 0..slots.len() as u32 {
                g.ins().local_get(bl).struct_get(b, i);
            }
        }
        g.finish(idx);
    })
}

/// Pushes a value as an interface value (itself if already one).
pub fn push_as_any(g: &mut FuncGen, op: &Operand, t: TypeId) {
    if matches!(g.cx.shape(t), Shape::Interface(_)) {
        g.push(op);
        return;
    }
    super::interfaces::push_descriptor(g, t);
    g.push(op);
    box_value(g, t);
}

/// Converts the interface value on the stack to a value of type t.
pub fn pop_any_as(g: &mut FuncGen, t: TypeId) {
    if matches!(g.cx.shape(t), Shape::Interface(_)) {
        return;
    }
    let payload = g.tmp(ANYREF);
    g.ins().local_set(payload).drop().local_get(payload);
    let unbox = unbox_func(g.cx, t);
    g.ins().call(unbox);
}

/// Pushes a boxed payload for the value of type t on the stack.
pub fn box_value(g: &mut FuncGen, t: TypeId) {
    if matches!(g.cx.shape(t), Shape::Bool | Shape::Int { bits: ..=16, .. }) {
        // Always in i31's range.
        g.ins().ref_i31();
        return;
    }
    if let Some((wide, signed)) = small_int(g.cx, t) {
        let b = g.cx.box_type(t);
        let v = g.tmp(if wide { ValType::I64 } else { ValType::I32 });
        g.ins().local_tee(v);
        // In [-2^30, 2^30) (signed) or below 2^30: an i31 reference.
        match (wide, signed) {
            (true, true) => g
                .ins()
                .i64_const(1 << 30)
                .i64_add()
                .i64_const(1 << 31)
                .i64_lt_u(),
            (true, false) => g.ins().i64_const(1 << 30).i64_lt_u(),
            (false, true) => g
                .ins()
                .i32_const(1 << 30)
                .i32_add()
                .i32_const(i32::MIN)
                .i32_lt_u(),
            (false, false) => g.ins().i32_const(1 << 30).i32_lt_u(),
        };
        g.ins().if_(BlockType::Result(ANYREF)).local_get(v);
        if wide {
            g.ins().i32_wrap_i64();
        }
        g.ins().ref_i31().else_().local_get(v).struct_new(b).end();
        return;
    }
    if !g.cx.is_single_ref(t) {
        let b = g.cx.box_type(t);
        g.ins().struct_new(b);
    }
}

/// For booleans and integers, which travel in interfaces as i31
/// references when they fit (no box object: `m[k]++` on a
/// `map[string]int` stores a new value each time): whether the value is
/// 64-bit and whether it is signed.
fn small_int(cx: &mut Ctx, t: TypeId) -> Option<(bool, bool)> {
    match cx.shape(t) {
        Shape::Bool => Some((false, false)),
        Shape::Int { bits, signed } => Some((bits == 64, signed)),
        _ => None,
    }
}

/// [a, b] → i32: Go's == on two values of type t.
pub fn equal(g: &mut FuncGen, t: TypeId) {
    match g.cx.shape(t) {
        Shape::Bool
        | Shape::Int {
            bits: 8 | 16 | 32, ..
        } => {
            g.ins().i32_eq();
        }
        Shape::Int { .. } => {
            g.ins().i64_eq();
        }
        Shape::F32 => {
            g.ins().f32_eq();
        }
        Shape::F64 => {
            g.ins().f64_eq();
        }
        Shape::String => g.call_runtime("eqstring"),
        Shape::Interface(_) => g.call_runtime("efaceeq"),
        Shape::PtrRef(_) | Shape::Map(..) | Shape::Chan(_) | Shape::Func(_) => {
            g.ins().ref_eq();
        }
        Shape::Slice(_) => {
            // Only comparison with nil is legal: compare the arrays.
            let s = g.cx.slots(t);
            let b = g.tmps(&s);
            g.set_all(&b);
            g.ins().drop().drop().drop().local_get(b[0]).ref_eq();
        }
        Shape::UntypedNil => {
            g.ins().i32_const(1);
        }
        _ => {
            let f = eq_func(g.cx, t);
            g.ins().call(f);
        }
    }
}

fn eq_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let slots = cx.slots(t);
    let mut params = slots.clone();
    params.extend(slots.iter().copied());
    let k = key(cx, "eq", t);
    let n = slots.len() as u32;
    cx.helper(&k, params, vec![ValType::I32], |cx, idx| {
        let mut g = FuncGen::helper(cx, 2 * n);
        match g.cx.shape(t) {
            Shape::C64
            | Shape::C128
            | Shape::PtrFat(_)
            | Shape::PtrArray(_)
            | Shape::UnsafePointer => {
                // Component-wise; a fat pointer's base compares by identity.
                g.ins().local_get(0).local_get(2);
                match g.cx.shape(t) {
                    Shape::C64 => g.ins().f32_eq(),
                    Shape::C128 => g.ins().f64_eq(),
                    _ => g.ins().ref_eq(),
                };
                g.ins().local_get(1).local_get(3);
                match g.cx.shape(t) {
                    Shape::C64 => g.ins().f32_eq(),
                    Shape::C128 => g.ins().f64_eq(),
                    _ => g.ins().i32_eq(),
                };
                g.ins().i32_and();
            }
            Shape::Struct(u) => {
                g.ins().block(BlockType::Empty);
                for (i, ft, blank) in fields(g.cx, u) {
                    if blank {
                        continue;
                    }
                    g.ins().local_get(0);
                    super::pointers::load_field(&mut g, u, i);
                    g.ins().local_get(1);
                    super::pointers::load_field(&mut g, u, i);
                    equal(&mut g, ft);
                    g.ins().i32_eqz().br_if(0);
                }
                g.ins().i32_const(1).return_().end().i32_const(0);
            }
            Shape::Array(elem, len) => {
                g.counted_loop(
                    |g| {
                        g.ins().i32_const(len as i32);
                    },
                    |g, i| {
                        g.ins().local_get(0).local_get(i);
                        super::pointers::load_elem(g, elem);
                        g.ins().local_get(1).local_get(i);
                        super::pointers::load_elem(g, elem);
                        equal(g, elem);
                        g.ins()
                            .i32_eqz()
                            .if_(BlockType::Empty)
                            .i32_const(0)
                            .return_()
                            .end();
                    },
                );
                g.ins().i32_const(1);
            }
            other => panic!("eq_func of {other:?}"),
        }
        g.finish(idx);
    })
}

/// [value, seed i64] → i64: the hash of a value of type t.
pub fn hash(g: &mut FuncGen, t: TypeId) {
    match g.cx.shape(t) {
        Shape::Bool
        | Shape::Int {
            bits: 8 | 16 | 32, ..
        } => {
            let seed = g.tmp(ValType::I64);
            g.ins().local_set(seed).i64_extend_i32_u().local_get(seed);
            g.call_runtime("memhash64");
        }
        Shape::Int { .. } => g.call_runtime("memhash64"),
        Shape::F32 => {
            let seed = g.tmp(ValType::I64);
            g.ins().local_set(seed).f64_promote_f32().local_get(seed);
            g.call_runtime("f64hash");
        }
        Shape::F64 => g.call_runtime("f64hash"),
        Shape::String => g.call_runtime("strhash"),
        Shape::Interface(_) => g.call_runtime("efacehash"),
        Shape::PtrRef(elem) if matches!(g.cx.shape(elem), Shape::Struct(_)) => {
            let f = identity_hash_func(g.cx, elem);
            g.ins().call(f);
        }
        Shape::Chan(_) => {
            let hchan = g.cx.runtime_type("hchan");
            let f = identity_hash_func(g.cx, hchan);
            g.ins().call(f);
        }
        Shape::PtrRef(_) => {
            // Arrays have no identity field: pointers to arrays of a type
            // share one bucket chain (correct, slower; see status.md).
            let seed = g.tmp(ValType::I64);
            g.ins().local_set(seed).drop().i64_const(0).local_get(seed);
            g.call_runtime("memhash64");
        }
        _ => {
            let f = hash_func(g.cx, t);
            g.ins().call(f);
        }
    }
}

fn hash_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let slots = cx.slots(t);
    let mut params = slots.clone();
    params.push(ValType::I64);
    let k = key(cx, "hash", t);
    let n = slots.len() as u32;
    cx.helper(&k, params, vec![ValType::I64], |cx, idx| {
        let mut g = FuncGen::helper(cx, n + 1);
        let seed = n;
        match g.cx.shape(t) {
            Shape::C64 | Shape::C128 => {
                let f32 = g.cx.shape(t) == Shape::C64;
                g.ins().local_get(0);
                if f32 {
                    g.ins().f64_promote_f32();
                }
                g.ins().local_get(1);
                if f32 {
                    g.ins().f64_promote_f32();
                }
                g.ins().local_get(seed);
                g.call_runtime("f64hash");
                g.call_runtime("f64hash");
            }
            Shape::PtrFat(_) | Shape::PtrArray(_) | Shape::UnsafePointer => {
                g.ins().local_get(1).i64_extend_i32_u().local_get(seed);
                g.call_runtime("memhash64");
            }
            Shape::Struct(u) => {
                for (i, ft, blank) in fields(g.cx, u) {
                    if blank {
                        continue;
                    }
                    g.ins().local_get(0);
                    super::pointers::load_field(&mut g, u, i);
                    g.ins().local_get(seed);
                    hash(&mut g, ft);
                    g.ins().local_set(seed);
                }
                g.ins().local_get(seed);
            }
            Shape::Array(elem, len) => {
                g.counted_loop(
                    |g| {
                        g.ins().i32_const(len as i32);
                    },
                    |g, i| {
                        g.ins().local_get(0).local_get(i);
                        super::pointers::load_elem(g, elem);
                        g.ins().local_get(seed);
                        hash(g, elem);
                        g.ins().local_set(seed);
                    },
                );
                g.ins().local_get(seed);
            }
            other => panic!("hash_func of {other:?}"),
        }
        g.finish(idx);
    })
}

/// `(ref S, seed) -> hash` of a pointer to struct S: hashes the object's
/// identity, assigned from a counter the first time it is needed (GC
/// objects move, so they have no stable address).
fn identity_hash_func(cx: &mut Ctx, s: TypeId) -> u32 {
    let u = cx.underlying(s);
    let st = cx.struct_type(u);
    let field = cx.identity_field(u);
    let k = key(cx, "identityhash", u);
    cx.helper(
        &k,
        vec![ref_null(st), ValType::I64],
        vec![ValType::I64],
        |cx, idx| {
            let mut g = FuncGen::helper(cx, 2);
            let id = g.tmp(ValType::I32);
            g.ins()
                .local_get(0)
                .ref_is_null()
                .if_(BlockType::Empty)
                .i64_const(0)
                .local_get(1);
            g.call_runtime("memhash64");
            g.ins()
                .return_()
                .end()
                .local_get(0)
                .struct_get(st, field)
                .local_tee(id)
                .i32_eqz()
                .if_(BlockType::Empty);
            g.call_runtime("newObjectID");
            g.ins()
                .local_set(id)
                .local_get(0)
                .local_get(id)
                .struct_set(st, field)
                .end()
                .local_get(id)
                .i64_extend_i32_u()
                .local_get(1);
            g.call_runtime("memhash64");
            g.finish(idx);
        },
    )
}
