//! Maps and range iteration. Map operations call the runtime's map
//! (compiler/runtime/runtime/map.go) with keys and values boxed as
//! interface values; the key's descriptor supplies hashing and equality.
//! Range over a string decodes runes in place.

use super::func::FuncGen;
use super::helpers::{pop_any_as, push_as_any};
use super::types::{ANYREF, Shape};
use crate::emit::module::{BYTES_TYPE, ref_null};
use crate::ir::{Builtin, Instr, Op, Operand, TypeId};
use wasm_encoder::{BlockType, HeapType, ValType};

fn map_types(g: &FuncGen, m: TypeId) -> (TypeId, TypeId) {
    match g.cx.shape(m) {
        Shape::Map(k, v) => (k, v),
        other => panic!("map operation on {other:?}"),
    }
}

pub fn make_map(g: &mut FuncGen, ins: &Instr, reserve: Option<&Operand>) {
    match reserve {
        Some(hint) => {
            let t = g.operand_type(hint).unwrap();
            super::arith::push_as_i64(g, hint, t);
        }
        None => {
            g.ins().i64_const(0);
        }
    }
    g.call_runtime("makemap");
    g.set_result(ins);
}

/// The runtime's fast path for keys of type k: "str" for strings, "64" for
/// 64-bit integers (see runtime/map.go).
fn fast_key(g: &FuncGen, k: TypeId) -> Option<&'static str> {
    match g.cx.shape(k) {
        Shape::String => Some("str"),
        Shape::Int { bits: 64, .. } => Some("64"),
        _ => None,
    }
}

/// Pushes the key operand, unboxed for a fast path.
fn push_key(g: &mut FuncGen, key: &Operand, k: TypeId) -> Option<&'static str> {
    let fast = fast_key(g, k);
    match fast {
        Some(_) => g.push(key),
        None => push_as_any(g, key, k),
    }
    fast
}

/// The index of an update of the map and key `lookup` reads, later in its
/// block with nothing in between that could change the map (calls other
/// than pure builtins, channel operations: another goroutine could run),
/// as in `m[k]++` and `m[k] = append(m[k], v)`.
fn update_of_same_key(g: &FuncGen, lookup: &Instr) -> Option<usize> {
    let block = g.f.blocks.get(g.cur_block)?;
    if block.instrs.get(g.cur_instr).map(|i| i.id) != Some(lookup.id) {
        return None;
    }
    update_after(block, g.cur_instr)
}

/// `update_of_same_key` for the lookup at index k of block.
fn update_after(block: &crate::ir::Block, k: usize) -> Option<usize> {
    let Op::Lookup {
        x: map, index: key, ..
    } = &block.instrs[k].op
    else {
        return None;
    };
    for (j, i) in block.instrs.iter().enumerate().skip(k + 1) {
        if matches!(&i.op, Op::MapUpdate { map: m, key: kk, .. } if m == map && kk == key) {
            return Some(j);
        }
        let pure_builtin = matches!(&i.op, Op::Call(c) if matches!(&c.callee,
        Some(Operand::Builtin(
            Builtin::Append | Builtin::Len | Builtin::Cap | Builtin::Min | Builtin::Max
        ))));
        // Writes to memory are fine: only runtime calls change a map.
        let leaves_maps_alone = super::pointers::harmless(i)
            || matches!(
                i.op,
                Op::MakeInterface { .. }
                    | Op::Index { .. }
                    | Op::Slice { .. }
                    | Op::Alloc { .. }
                    | Op::Store { .. }
            );
        if !(pure_builtin || leaves_maps_alone) {
            return None;
        }
    }
    None
}

/// Whether the string converted from a byte slice by `conv` is used only
/// as the key of map lookups, and of updates that follow a lookup of the
/// same key (`m[string(b)]++`), in its block, with nothing in between that
/// could write memory: then it can be a view of the slice's bytes (no
/// copy, as gc does for `m[string(b)]`); an update that inserts copies it.
pub fn key_only_view(g: &FuncGen, conv: &Instr) -> bool {
    let Some(block) = g.f.blocks.get(g.cur_block) else {
        return false;
    };
    let k = g.cur_instr;
    let Some(last) = g.block_local_last_use(conv.id) else {
        return false;
    };
    if block.instrs.get(k).map(|i| i.id) != Some(conv.id) || last == k {
        return false;
    }
    let view = Operand::Value(conv.id);
    (k + 1..=last).all(|j| {
        let i = &block.instrs[j];
        match &i.op {
            Op::Lookup { x, index, .. } if *index == view => *x != view,
            Op::MapUpdate { map, key, value } if *key == view => {
                *value != view
                    && (k + 1..j).any(|l| {
                        matches!(&block.instrs[l].op,
                            Op::Lookup { x, index, .. } if x == map && *index == view)
                            && update_after(block, l) == Some(j)
                    })
            }
            _ => !i.operands().contains(&&view) && super::pointers::harmless(i),
        }
    })
}

pub fn lookup(g: &mut FuncGen, ins: &Instr, m: &Operand, key: &Operand, comma_ok: bool) {
    let (k, v) = map_types(g, g.operand_type(m).unwrap());
    let update = fast_key(g, k).and_then(|_| update_of_same_key(g, ins));
    g.push(m);
    match (push_key(g, key, k), update) {
        (Some(fast), Some(j)) => {
            // Keep the entry for the update (see `update`).
            let name = format!("mapaccessentry_fast{fast}");
            let id = g.cx.runtime_func_id(&name);
            let entry_t = g.cx.prog.functions[id].results[2];
            let entry_slots = g.cx.slots(entry_t);
            // Not scratch locals: they must survive until the update.
            let entry = g.fresh_local(entry_slots[0]);
            let hash = g.fresh_local(ValType::I64);
            g.call_runtime(&name);
            g.ins().local_set(hash).local_set(entry);
            g.map_entry = Some((j, entry, hash));
        }
        (Some(fast), None) => g.call_runtime(&format!("mapaccess_fast{fast}")),
        (None, _) => g.call_runtime("mapaccess"),
    }
    let found = g.tmp(ValType::I32);
    g.ins().local_set(found);
    pop_any_as(g, v);
    let vslots = g.cx.slots(v);
    let val = g.tmps(&vslots);
    g.set_all(&val);
    // A missing key yields the zero value (a fresh zero object for
    // structs and arrays).
    if matches!(g.cx.shape(v), Shape::Struct(_) | Shape::Array(..)) {
        g.ins().local_get(found).i32_eqz().if_(BlockType::Empty);
        g.push_zero(v);
        g.set_all(&val);
        g.ins().end();
    }
    g.get_all(&val);
    if comma_ok {
        g.ins().local_get(found);
    }
    g.set_result(ins);
}

pub fn update(g: &mut FuncGen, m: &Operand, key: &Operand, val: &Operand) {
    let (k, v) = map_types(g, g.operand_type(m).unwrap());
    let fast = fast_key(g, k);
    if let Some((j, entry, hash)) = g.map_entry
        && j == g.cur_instr
    {
        // The lookup of this key found the entry (or nothing): update it in
        // place without hashing again.
        g.map_entry = None;
        g.ins().local_get(entry).ref_is_null().if_(BlockType::Empty);
        g.push(m);
        let insert = push_new_key(g, key, k);
        push_as_any(g, val, v);
        g.ins().local_get(hash);
        g.call_runtime(insert);
        g.ins().else_().local_get(entry);
        push_as_any(g, val, v);
        g.call_runtime("mapentryset");
        g.ins().end();
        return;
    }
    let Some(fast) = fast else {
        g.push(m);
        push_as_any(g, key, k);
        push_as_any(g, val, v);
        g.call_runtime("mapassign");
        return;
    };
    // Existing keys are updated in place; a new key is boxed and inserted
    // with the hash the fast path computed.
    let rt = ref_null(g.cx.runtime_struct("_type"));
    let boxed = g.tmps(&[rt, ANYREF]);
    push_as_any(g, val, v);
    g.set_all(&boxed);
    g.push(m);
    g.push(key);
    g.get_all(&boxed);
    g.call_runtime(&format!("mapassign_fast{fast}"));
    let (hash, updated) = (g.tmp(ValType::I64), g.tmp(ValType::I32));
    g.ins()
        .local_set(updated)
        .local_set(hash)
        .local_get(updated)
        .i32_eqz()
        .if_(BlockType::Empty);
    g.push(m);
    let insert = push_new_key(g, key, k);
    g.get_all(&boxed);
    g.ins().local_get(hash);
    g.call_runtime(insert);
    g.ins().end();
}

/// Pushes a key a map does not hold yet as the runtime's insert for its
/// type takes it (a string or 64-bit integer as itself, others boxed) and
/// returns the insert's name.
fn push_new_key(g: &mut FuncGen, key: &Operand, k: TypeId) -> &'static str {
    if fast_key(g, k) == Some("64") {
        g.push(key);
        return "mapinsert_fast64";
    }
    let string = fast_key(g, k) == Some("str");
    match key {
        Operand::Value(view) if g.string_views.contains(view) => {
            // The key views a byte slice (see `key_only_view`): the map
            // keeps a copy.
            if !string {
                super::interfaces::push_descriptor(g, k);
            }
            let len = g.tmp(ValType::I32);
            g.push(key);
            g.ins().local_tee(len).local_get(len);
            g.call_runtime("slicebytetostring");
            if !string {
                super::helpers::box_value(g, k);
            }
        }
        _ if string => g.push(key),
        _ => push_as_any(g, key, k),
    }
    if string {
        "mapinsert_faststr"
    } else {
        "mapinsert"
    }
}

pub fn delete(g: &mut FuncGen, args: &[Operand]) {
    let (k, _) = map_types(g, g.operand_type(&args[0]).unwrap());
    g.push(&args[0]);
    match push_key(g, &args[1], k) {
        Some(fast) => g.call_runtime(&format!("mapdelete_fast{fast}")),
        None => g.call_runtime("mapdelete"),
    }
}

pub fn range(g: &mut FuncGen, ins: &Instr, x: &Operand) {
    let t = g.operand_type(x).unwrap();
    match g.cx.shape(t) {
        Shape::String => {
            // (array, offset, length, position 0)
            g.push(x);
            g.ins().i32_const(0);
        }
        Shape::Map(..) => {
            g.push(x);
            g.call_runtime("mapiterinit");
            g.ins().i32_const(0).i32_const(0).i32_const(0);
        }
        other => {
            g.unsupported(ins, &format!("range over {other:?}"));
            return;
        }
    }
    g.set_result(ins);
}

pub fn next(g: &mut FuncGen, ins: &Instr, iter: &Operand, is_string: bool) {
    let Operand::Value(it) = iter else {
        unreachable!()
    };
    let it = g.vals[*it].clone();
    let Shape::Tuple(elems) = g.cx.shape(ins.t) else {
        unreachable!()
    };
    let (kt, vt) = (elems[1], elems[2]);
    let kslots = g.cx.slots(kt);
    let vslots = g.cx.slots(vt);
    let k = g.tmps(&kslots);
    let v = g.tmps(&vslots);
    let ok = g.tmp(ValType::I32);
    if is_string {
        // String: decode the rune at the position, advance past it.
        let arr = g.tmp(ref_null(BYTES_TYPE));
        g.ins()
            .local_get(it[3])
            .local_get(it[2])
            .i32_lt_u()
            .local_tee(ok)
            .if_(BlockType::Empty)
            .local_get(it[0])
            .ref_cast_nullable(HeapType::Concrete(BYTES_TYPE))
            .local_set(arr);
        let pos = it[3];
        if !k.is_empty() {
            g.ins().local_get(pos).i64_extend_i32_u().local_set(k[0]);
        }
        // ASCII fast path; otherwise runtime.decoderune(s, k).
        let c = g.tmp(ValType::I32);
        g.ins()
            .local_get(arr)
            .local_get(it[1])
            .local_get(pos)
            .i32_add()
            .array_get_u(BYTES_TYPE)
            .local_tee(c)
            .i32_const(0x80)
            .i32_lt_u()
            .if_(BlockType::Empty)
            .local_get(pos)
            .i32_const(1)
            .i32_add()
            .local_set(pos);
        if !v.is_empty() {
            g.ins().local_get(c).local_set(v[0]);
        }
        g.ins()
            .else_()
            .local_get(arr)
            .local_get(it[1])
            .local_get(it[2])
            .local_get(pos)
            .i64_extend_i32_u();
        g.call_runtime("decoderune");
        let newpos = g.tmp(ValType::I64);
        g.ins().local_set(newpos);
        if v.is_empty() {
            g.ins().drop();
        } else {
            g.ins().local_set(v[0]);
        }
        g.ins()
            .local_get(newpos)
            .i32_wrap_i64()
            .local_set(pos)
            .end()
            .end();
    } else {
        let hiter = g.cx.runtime_type("hiter");
        let hiter_ty = g.cx.object_type(hiter);
        g.ins()
            .local_get(it[0])
            .ref_cast_nullable(HeapType::Concrete(hiter_ty));
        // String and 64-bit integer keys are held unboxed (runtime/map.go).
        let fast = fast_key(g, kt).filter(|_| !k.is_empty());
        let rt = ref_null(g.cx.runtime_struct("_type"));
        let av = g.tmps(&[rt, ANYREF]);
        let ak = if let Some(fast) = fast {
            g.call_runtime(&format!("mapiternext_fast{fast}"));
            g.set_all(&av);
            g.set_all(&k);
            Vec::new()
        } else {
            g.call_runtime("mapiternext");
            let ak = g.tmps(&[rt, ANYREF]);
            g.set_all(&av);
            g.set_all(&ak);
            ak
        };
        g.ins().local_set(ok);
        if !ak.is_empty() && !k.is_empty() {
            g.ins().local_get(ok).if_(BlockType::Empty);
            g.get_all(&ak);
            pop_any_as(g, kt);
            g.set_all(&k);
            g.ins().end();
        }
        if !v.is_empty() {
            g.ins().local_get(ok).if_(BlockType::Empty);
            g.get_all(&av);
            pop_any_as(g, vt);
            g.set_all(&v);
            g.ins().end();
        }
    }
    g.ins().local_get(ok);
    g.get_all(&k);
    g.get_all(&v);
    g.set_result(ins);
}
