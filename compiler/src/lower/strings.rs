//! Strings: indexing, conversions to and from byte and rune slices, and
//! the print/println builtins. A string is (byte array, offset, length);
//! the array may be null when the length is zero.

use super::func::FuncGen;
use super::types::Shape;
use crate::emit::module::BYTES_TYPE;
use crate::ir::{BasicKind, BinOp, Instr, Op, Operand, TypeKind};
use wasm_encoder::ValType;

/// s[i] on a string (the SSA Lookup instruction).
pub fn index(g: &mut FuncGen, ins: &Instr, x: &Operand, y: &Operand) {
    let s = g.tmps(&[
        crate::emit::module::ref_null(BYTES_TYPE),
        ValType::I32,
        ValType::I32,
    ]);
    g.push(x);
    g.set_all(&s);
    let i = super::slices::element_index(g, ins, y, s[2]);
    g.ins()
        .local_get(s[0])
        .local_get(s[1])
        .local_get(i)
        .i32_add()
        .array_get_u(BYTES_TYPE);
    g.set_result(ins);
}

/// Conversions involving strings, slices and unsafe pointers.
pub fn convert(g: &mut FuncGen, ins: &Instr, x: &Operand, from: &Shape, to: &Shape) {
    let is_byte = |g: &FuncGen, t| {
        matches!(
            g.cx.prog.types[g.cx.underlying(t)].kind,
            TypeKind::Basic(BasicKind::Uint8)
        )
    };
    match (from, to) {
        (Shape::Slice(e), Shape::String) => {
            g.push(x);
            if !is_byte(g, *e) {
                g.call_runtime("slicerunetostring");
            } else if super::maps::key_only_view(g, ins) {
                // (array, offset, len, cap) → the string (array, offset,
                // len) viewing the same bytes.
                g.ins().drop();
                g.string_views.insert(ins.id);
            } else {
                g.call_runtime("slicebytetostring");
            }
        }
        (Shape::String, Shape::Slice(e)) => {
            g.push(x);
            if is_byte(g, *e) {
                g.call_runtime("stringtoslicebyte");
            } else {
                g.call_runtime("stringtoslicerune");
            }
        }
        (Shape::Int { .. }, Shape::String) => {
            let t = g.operand_type(x).unwrap();
            super::arith::push_as_i64(g, x, t);
            g.call_runtime("intstring");
        }
        _ => super::pointers::convert_pointer(g, ins, x, from, to),
    }
}

/// print and println: one runtime call per argument, as gc does.
pub fn print(g: &mut FuncGen, args: &[Operand], newline: bool) {
    for (i, a) in args.iter().enumerate() {
        if newline && i > 0 {
            g.call_runtime("printsp");
        }
        let t = g.operand_type(a);
        let shape = t.map(|t| g.cx.shape(t)).unwrap_or(Shape::UntypedNil);
        match shape {
            Shape::Bool => {
                g.push(a);
                g.call_runtime("printbool");
            }
            Shape::Int { bits, signed } => {
                g.push(a);
                if bits < 64 {
                    if signed {
                        g.ins().i64_extend_i32_s();
                    } else {
                        g.ins().i64_extend_i32_u();
                    }
                }
                g.call_runtime(if signed { "printint" } else { "printuint" });
            }
            Shape::F32 => {
                g.push(a);
                g.call_runtime("printfloat32");
            }
            Shape::F64 => {
                g.push(a);
                g.call_runtime("printfloat64");
            }
            Shape::C64 => {
                g.push(a);
                g.call_runtime("printcomplex64");
            }
            Shape::C128 => {
                g.push(a);
                g.call_runtime("printcomplex128");
            }
            Shape::String => {
                g.push(a);
                g.call_runtime("printstring");
            }
            Shape::Interface(_) => {
                g.push(a);
                g.call_runtime("printeface");
            }
            Shape::Slice(_) => {
                let slots = g.cx.slots(t.unwrap());
                let s = g.tmps(&slots);
                g.push(a);
                g.set_all(&s);
                g.ins()
                    .local_get(s[0])
                    .ref_is_null()
                    .local_get(s[2])
                    .i64_extend_i32_s()
                    .local_get(s[3])
                    .i64_extend_i32_s();
                g.call_runtime("printslice");
            }
            Shape::UntypedNil => {
                g.push_string_const(b"nil");
                g.call_runtime("printstring");
            }
            _ => {
                // Pointers, maps, channels, funcs: the first slot is a
                // reference; only nil-ness is observable.
                g.push(a);
                let slots = g.cx.slots(t.unwrap());
                for _ in 1..slots.len() {
                    g.ins().drop();
                }
                g.ins().ref_is_null();
                g.call_runtime("printpointer");
            }
        }
    }
    if newline {
        g.call_runtime("printnl");
    }
}

/// Go's SSA has one BinOp per `+`: `a + "/" + b` is `t = a + "/"; u = t +
/// b`. A string concatenation whose result only feeds the left operand of
/// another later in its block is deferred here: its parts are remembered
/// (its operands stay alive) and the last concatenation of the chain joins
/// all parts in one runtime call (`concat`), with one allocation instead
/// of one per `+`, as gc does (concatenating three strings: 41 → 27 ns). Returns the instructions consumed (0: not
/// such a concatenation).
pub fn defer_concat(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let ins = &body[k];
    let Op::BinOp {
        op: BinOp::Add,
        x,
        y,
    } = &ins.op
    else {
        return 0;
    };
    if g.cx.shape(ins.t) != Shape::String {
        return 0;
    }
    let Some(last) = g.block_local_last_use(ins.id).filter(|&l| l > k) else {
        return 0;
    };
    let me = Operand::Value(ins.id);
    let Some(user) = body.get(last) else {
        return 0;
    };
    // Nothing in between may suspend the goroutine (its saved values are
    // the SSA's, and the deferred value has no locals) or use the value.
    let used_once = body[k + 1..last]
        .iter()
        .all(|i| super::pointers::harmless(i) && !i.operands().contains(&&Operand::Value(ins.id)));
    let feeds_left =
        matches!(&user.op, Op::BinOp { op: BinOp::Add, x: ux, y: uy } if *ux == me && *uy != me);
    if !feeds_left || !used_once {
        return 0;
    }
    let pending = match x {
        Operand::Value(v) => g.pending_concat.get(v).map_or(1, |(_, parts)| parts.len()),
        _ => 1,
    };
    if pending + 2 > MAX_CONCAT {
        // The chain is long enough: this one is emitted as it is.
        return 0;
    }
    let (mut deferred, mut parts) = take_parts(g, x.clone());
    parts.push(y.clone());
    deferred.push(k);
    g.pending_concat.insert(ins.id, (deferred, parts));
    1
}

/// The most strings one runtime call concatenates (concatstring4).
const MAX_CONCAT: usize = 4;

/// `x + y` on strings, joining the parts `defer_concat` deferred into x.
pub fn concat(g: &mut FuncGen, ins: &Instr, x: &Operand, y: &Operand) {
    let (deferred, mut parts) = take_parts(g, x.clone());
    parts.push(y.clone());
    for p in &parts {
        g.push(p);
    }
    g.call_runtime(&format!("concatstring{}", parts.len()));
    g.set_result(ins);
    let block = &g.f.blocks[g.cur_block];
    for k in deferred {
        g.release_after(&block.instrs[k], k);
    }
}

/// The deferred instructions and parts that make up x: those
/// `defer_concat` remembered for it, or none and x itself.
fn take_parts(g: &mut FuncGen, x: Operand) -> (Vec<usize>, Vec<Operand>) {
    let pending = match &x {
        Operand::Value(v) => g.pending_concat.remove(v),
        _ => None,
    };
    pending.unwrap_or_else(|| (Vec::new(), vec![x]))
}
