//! Arithmetic, comparison and conversion of basic values, with Go's
//! semantics: wrapping sub-word integers, shifts by any count, division
//! checks, float/complex operations.

use super::func::FuncGen;
use super::types::Shape;
use crate::ir::{BinOp, Instr, Operand, TypeId, UnOp};
use wasm_encoder::{BlockType, ValType};

/// Re-normalizes an i32 holding a sub-word integer after an operation.
pub fn normalize(g: &mut FuncGen, shape: &Shape) {
    match shape {
        Shape::Int {
            bits: 8,
            signed: true,
        } => {
            g.ins().i32_extend8_s();
        }
        Shape::Int {
            bits: 16,
            signed: true,
        } => {
            g.ins().i32_extend16_s();
        }
        Shape::Int {
            bits: 8,
            signed: false,
        } => {
            g.ins().i32_const(0xff).i32_and();
        }
        Shape::Int {
            bits: 16,
            signed: false,
        } => {
            g.ins().i32_const(0xffff).i32_and();
        }
        _ => {}
    }
}

fn is_wide(shape: &Shape) -> bool {
    matches!(shape, Shape::Int { bits: 64, .. })
}

pub fn binop(g: &mut FuncGen, ins: &Instr, op: BinOp, x: &Operand, y: &Operand) {
    let t = g.operand_type(x).unwrap_or(ins.t);
    let shape = g.cx.shape(t);
    match op {
        BinOp::Eql | BinOp::Neq
            if matches!(shape, Shape::Interface(_)) && (x.is_nil() || y.is_nil()) =>
        {
            // An interface is nil when its type word is: no runtime call.
            g.push(if x.is_nil() { y } else { x });
            g.ins().drop().ref_is_null();
            if op == BinOp::Neq {
                g.ins().i32_eqz();
            }
        }
        BinOp::Eql | BinOp::Neq => {
            g.push(x);
            g.push(y);
            super::helpers::equal(g, t);
            if op == BinOp::Neq {
                g.ins().i32_eqz();
            }
        }
        BinOp::Lss | BinOp::Leq | BinOp::Gtr | BinOp::Geq => compare(g, &shape, op, x, y),
        BinOp::Shl | BinOp::Shr => shift(g, ins, op, &shape, x, y),
        BinOp::Quo | BinOp::Rem if matches!(shape, Shape::Int { .. }) => {
            divide(g, op, &shape, x, y)
        }
        BinOp::Add if shape == Shape::String => {
            super::strings::concat(g, ins, x, y);
            return;
        }
        tok => {
            g.push(x);
            g.push(y);
            arith(g, &shape, tok, ins);
        }
    }
    g.set_result(ins);
}

fn arith(g: &mut FuncGen, shape: &Shape, tok: BinOp, ins: &Instr) {
    match shape {
        Shape::Int { bits, .. } => {
            let wide = *bits == 64;
            let mut s = g.ins();
            match (tok, wide) {
                (BinOp::Add, false) => s.i32_add(),
                (BinOp::Add, true) => s.i64_add(),
                (BinOp::Sub, false) => s.i32_sub(),
                (BinOp::Sub, true) => s.i64_sub(),
                (BinOp::Mul, false) => s.i32_mul(),
                (BinOp::Mul, true) => s.i64_mul(),
                (BinOp::And, false) => s.i32_and(),
                (BinOp::And, true) => s.i64_and(),
                (BinOp::Or, false) => s.i32_or(),
                (BinOp::Or, true) => s.i64_or(),
                (BinOp::Xor, false) => s.i32_xor(),
                (BinOp::Xor, true) => s.i64_xor(),
                (BinOp::AndNot, false) => s.i32_const(-1).i32_xor().i32_and(),
                (BinOp::AndNot, true) => s.i64_const(-1).i64_xor().i64_and(),
                _ => unreachable!("integer operator {tok}"),
            };
            normalize(g, shape);
        }
        Shape::Bool => {
            match tok {
                BinOp::And => g.ins().i32_and(),
                BinOp::Or => g.ins().i32_or(),
                BinOp::Xor => g.ins().i32_xor(),
                _ => unreachable!("bool operator {tok}"),
            };
        }
        Shape::F32 | Shape::F64 => {
            let f32 = *shape == Shape::F32;
            let mut s = g.ins();
            match (tok, f32) {
                (BinOp::Add, true) => s.f32_add(),
                (BinOp::Add, false) => s.f64_add(),
                (BinOp::Sub, true) => s.f32_sub(),
                (BinOp::Sub, false) => s.f64_sub(),
                (BinOp::Mul, true) => s.f32_mul(),
                (BinOp::Mul, false) => s.f64_mul(),
                (BinOp::Quo, true) => s.f32_div(),
                (BinOp::Quo, false) => s.f64_div(),
                _ => unreachable!("float operator {tok}"),
            };
        }
        Shape::C64 | Shape::C128 => complex_arith(g, shape, tok, ins),
        _ => g.unsupported(ins, &format!("operator {tok} on {shape:?}")),
    }
}

fn complex_arith(g: &mut FuncGen, shape: &Shape, tok: BinOp, ins: &Instr) {
    let f = if *shape == Shape::C64 {
        ValType::F32
    } else {
        ValType::F64
    };
    let [ar, ai, br, bi] = [g.tmp(f), g.tmp(f), g.tmp(f), g.tmp(f)];
    g.set_all(&[ar, ai, br, bi]);
    let wide = f == ValType::F64;
    macro_rules! op {
        ($g:expr, $w:ident, $n:ident) => {
            if wide {
                $g.ins().$w();
            } else {
                $g.ins().$n();
            }
        };
    }
    match tok {
        BinOp::Add | BinOp::Sub => {
            g.ins().local_get(ar).local_get(br);
            if tok == BinOp::Add {
                op!(g, f64_add, f32_add);
            } else {
                op!(g, f64_sub, f32_sub);
            }
            g.ins().local_get(ai).local_get(bi);
            if tok == BinOp::Add {
                op!(g, f64_add, f32_add);
            } else {
                op!(g, f64_sub, f32_sub);
            }
        }
        BinOp::Mul => {
            g.ins().local_get(ar).local_get(br);
            op!(g, f64_mul, f32_mul);
            g.ins().local_get(ai).local_get(bi);
            op!(g, f64_mul, f32_mul);
            op!(g, f64_sub, f32_sub);
            g.ins().local_get(ar).local_get(bi);
            op!(g, f64_mul, f32_mul);
            g.ins().local_get(ai).local_get(br);
            op!(g, f64_mul, f32_mul);
            op!(g, f64_add, f32_add);
        }
        BinOp::Quo => {
            // Go's complex division (runtime/complex.go), done in float64.
            for l in [ar, ai, br, bi] {
                g.ins().local_get(l);
                if !wide {
                    g.ins().f64_promote_f32();
                }
            }
            g.call_runtime("complex128div");
            if !wide {
                let im = g.tmp(ValType::F64);
                g.ins()
                    .local_set(im)
                    .f32_demote_f64()
                    .local_get(im)
                    .f32_demote_f64();
            }
        }
        _ => g.unsupported(ins, &format!("operator {tok} on complex numbers")),
    }
}

fn compare(g: &mut FuncGen, shape: &Shape, tok: BinOp, x: &Operand, y: &Operand) {
    if *shape == Shape::String {
        g.push(x);
        g.push(y);
        g.call_runtime("cmpstring");
        g.ins().i64_const(0);
        let mut s = g.ins();
        match tok {
            BinOp::Lss => s.i64_lt_s(),
            BinOp::Leq => s.i64_le_s(),
            BinOp::Gtr => s.i64_gt_s(),
            _ => s.i64_ge_s(),
        };
        return;
    }
    g.push(x);
    g.push(y);
    let mut s = g.ins();
    match (shape, tok) {
        (Shape::F32, BinOp::Lss) => s.f32_lt(),
        (Shape::F32, BinOp::Leq) => s.f32_le(),
        (Shape::F32, BinOp::Gtr) => s.f32_gt(),
        (Shape::F32, _) => s.f32_ge(),
        (Shape::F64, BinOp::Lss) => s.f64_lt(),
        (Shape::F64, BinOp::Leq) => s.f64_le(),
        (Shape::F64, BinOp::Gtr) => s.f64_gt(),
        (Shape::F64, _) => s.f64_ge(),
        (
            Shape::Int {
                bits: 64,
                signed: true,
            },
            BinOp::Lss,
        ) => s.i64_lt_s(),
        (
            Shape::Int {
                bits: 64,
                signed: true,
            },
            BinOp::Leq,
        ) => s.i64_le_s(),
        (
            Shape::Int {
                bits: 64,
                signed: true,
            },
            BinOp::Gtr,
        ) => s.i64_gt_s(),
        (
            Shape::Int {
                bits: 64,
                signed: true,
            },
            _,
        ) => s.i64_ge_s(),
        (Shape::Int { bits: 64, .. }, BinOp::Lss) => s.i64_lt_u(),
        (Shape::Int { bits: 64, .. }, BinOp::Leq) => s.i64_le_u(),
        (Shape::Int { bits: 64, .. }, BinOp::Gtr) => s.i64_gt_u(),
        (Shape::Int { bits: 64, .. }, _) => s.i64_ge_u(),
        (Shape::Int { signed: true, .. }, BinOp::Lss) => s.i32_lt_s(),
        (Shape::Int { signed: true, .. }, BinOp::Leq) => s.i32_le_s(),
        (Shape::Int { signed: true, .. }, BinOp::Gtr) => s.i32_gt_s(),
        (Shape::Int { signed: true, .. }, _) => s.i32_ge_s(),
        (_, BinOp::Lss) => s.i32_lt_u(),
        (_, BinOp::Leq) => s.i32_le_u(),
        (_, BinOp::Gtr) => s.i32_gt_u(),
        (_, _) => s.i32_ge_u(),
    };
}

/// Pushes an integer operand widened to i64 (as unsigned when `unsigned`).
pub fn push_as_i64(g: &mut FuncGen, op: &Operand, t: TypeId) {
    g.push(op);
    match g.cx.shape(t) {
        Shape::Int { bits: 64, .. } => {}
        Shape::Int { signed: true, .. } => {
            g.ins().i64_extend_i32_s();
        }
        _ => {
            g.ins().i64_extend_i32_u();
        }
    }
}

fn shift(g: &mut FuncGen, ins: &Instr, op: BinOp, shape: &Shape, x: &Operand, y: &Operand) {
    let Shape::Int { bits, signed } = *shape else {
        g.unsupported(ins, "shift of non-integer");
        return;
    };
    let yt = g.operand_type(y).unwrap();
    let ysigned = matches!(g.cx.shape(yt), Shape::Int { signed: true, .. });
    let count = g.tmp(ValType::I64);
    push_as_i64(g, y, yt);
    g.ins().local_set(count);
    if ysigned {
        g.ins()
            .local_get(count)
            .i64_const(0)
            .i64_lt_s()
            .if_(BlockType::Empty);
        g.call_runtime("panicshift");
        g.ins().unreachable().end();
    }
    let wide = bits == 64;
    let ty = if wide { ValType::I64 } else { ValType::I32 };
    let width = if wide { 64 } else { 32 };
    let v = g.tmp(ty);
    g.push(x);
    g.ins().local_set(v);
    // count >= width: << and unsigned >> give 0, signed >> gives the sign.
    g.ins()
        .local_get(count)
        .i64_const(width)
        .i64_ge_u()
        .if_(BlockType::Result(ty));
    if op == BinOp::Shr && signed {
        g.ins().local_get(v);
        if wide {
            g.ins().i64_const(63).i64_shr_s();
        } else {
            g.ins().i32_const(31).i32_shr_s();
        }
    } else if wide {
        g.ins().i64_const(0);
    } else {
        g.ins().i32_const(0);
    }
    g.ins().else_().local_get(v).local_get(count);
    if !wide {
        g.ins().i32_wrap_i64();
    }
    let mut s = g.ins();
    match (op, wide, signed) {
        (BinOp::Shl, true, _) => s.i64_shl(),
        (BinOp::Shl, false, _) => s.i32_shl(),
        (_, true, true) => s.i64_shr_s(),
        (_, true, false) => s.i64_shr_u(),
        (_, false, true) => s.i32_shr_s(),
        (_, false, false) => s.i32_shr_u(),
    };
    g.ins().end();
    normalize(g, shape);
}

fn divide(g: &mut FuncGen, op: BinOp, shape: &Shape, x: &Operand, y: &Operand) {
    let Shape::Int { signed, .. } = *shape else {
        unreachable!()
    };
    let wide = is_wide(shape);
    let ty = if wide { ValType::I64 } else { ValType::I32 };
    let (a, b) = (g.tmp(ty), g.tmp(ty));
    g.push(x);
    g.ins().local_set(a);
    g.push(y);
    g.ins().local_tee(b);
    if wide {
        g.ins().i64_eqz();
    } else {
        g.ins().i32_eqz();
    }
    g.ins().if_(BlockType::Empty);
    g.call_runtime("panicdivide");
    g.ins().unreachable().end();
    let rem = op == BinOp::Rem;
    if signed && !rem {
        // Avoid the trap on MinInt / -1: Go's result is -MinInt = MinInt.
        g.ins().local_get(b);
        if wide {
            g.ins().i64_const(-1).i64_eq();
        } else {
            g.ins().i32_const(-1).i32_eq();
        }
        g.ins().if_(BlockType::Result(ty));
        if wide {
            g.ins().i64_const(0).local_get(a).i64_sub();
        } else {
            g.ins().i32_const(0).local_get(a).i32_sub();
        }
        g.ins().else_().local_get(a).local_get(b);
        if wide {
            g.ins().i64_div_s();
        } else {
            g.ins().i32_div_s();
        }
        g.ins().end();
    } else {
        g.ins().local_get(a).local_get(b);
        let mut s = g.ins();
        match (rem, wide, signed) {
            (false, true, false) => s.i64_div_u(),
            (false, false, false) => s.i32_div_u(),
            (true, true, true) => s.i64_rem_s(),
            (true, true, false) => s.i64_rem_u(),
            (true, false, true) => s.i32_rem_s(),
            (true, false, false) => s.i32_rem_u(),
            _ => unreachable!(),
        };
    }
    normalize(g, shape);
}

pub fn unop(g: &mut FuncGen, ins: &Instr, op: UnOp, x: &Operand) {
    let shape = g.cx.shape(ins.t);
    match (op, &shape) {
        (UnOp::Not, _) => {
            g.push(x);
            g.ins().i32_eqz();
        }
        (UnOp::Neg, Shape::Int { bits: 64, .. }) => {
            g.ins().i64_const(0);
            g.push(x);
            g.ins().i64_sub();
        }
        (UnOp::Neg, Shape::Int { .. }) => {
            g.ins().i32_const(0);
            g.push(x);
            g.ins().i32_sub();
            normalize(g, &shape);
        }
        (UnOp::Neg, Shape::F32) => {
            g.push(x);
            g.ins().f32_neg();
        }
        (UnOp::Neg, Shape::F64) => {
            g.push(x);
            g.ins().f64_neg();
        }
        (UnOp::Neg, Shape::C64 | Shape::C128) => {
            g.push(x);
            let f = if shape == Shape::C64 {
                ValType::F32
            } else {
                ValType::F64
            };
            let im = g.tmp(f);
            g.ins().local_set(im);
            if f == ValType::F32 {
                g.ins().f32_neg().local_get(im).f32_neg();
            } else {
                g.ins().f64_neg().local_get(im).f64_neg();
            }
        }
        (UnOp::Complement, Shape::Int { bits: 64, .. }) => {
            g.push(x);
            g.ins().i64_const(-1).i64_xor();
        }
        (UnOp::Complement, Shape::Int { .. }) => {
            g.push(x);
            g.ins().i32_const(-1).i32_xor();
            normalize(g, &shape);
        }
        (tok, _) => {
            g.unsupported(ins, &format!("unary {tok} on {shape:?}"));
            return;
        }
    }
    g.set_result(ins);
}

pub fn convert(g: &mut FuncGen, ins: &Instr, x: &Operand) {
    let from_t = g.operand_type(x).unwrap();
    let from = g.cx.shape(from_t);
    let to = g.cx.shape(ins.t);
    match (&from, &to) {
        (Shape::Int { .. }, Shape::Int { .. }) => {
            g.push(x);
            int_to_int(g, &from, &to);
        }
        (Shape::Int { bits, signed }, Shape::F32 | Shape::F64) => {
            g.push(x);
            let f32 = to == Shape::F32;
            let mut s = g.ins();
            match (*bits == 64, *signed, f32) {
                (true, true, true) => s.f32_convert_i64_s(),
                (true, false, true) => s.f32_convert_i64_u(),
                (true, true, false) => s.f64_convert_i64_s(),
                (true, false, false) => s.f64_convert_i64_u(),
                (false, true, true) => s.f32_convert_i32_s(),
                (false, false, true) => s.f32_convert_i32_u(),
                (false, true, false) => s.f64_convert_i32_s(),
                (false, false, false) => s.f64_convert_i32_u(),
            };
        }
        (Shape::F32 | Shape::F64, Shape::Int { bits, signed }) => {
            g.push(x);
            let f32 = from == Shape::F32;
            let wide = *bits == 64;
            let mut s = g.ins();
            match (wide, *signed || *bits < 32, f32) {
                (true, true, true) => s.i64_trunc_sat_f32_s(),
                (true, false, true) => s.i64_trunc_sat_f32_u(),
                (true, true, false) => s.i64_trunc_sat_f64_s(),
                (true, false, false) => s.i64_trunc_sat_f64_u(),
                (false, true, true) => s.i32_trunc_sat_f32_s(),
                (false, false, true) => s.i32_trunc_sat_f32_u(),
                (false, true, false) => s.i32_trunc_sat_f64_s(),
                (false, false, false) => s.i32_trunc_sat_f64_u(),
            };
            normalize(g, &to);
        }
        (Shape::F32, Shape::F64) => {
            g.push(x);
            g.ins().f64_promote_f32();
        }
        (Shape::F64, Shape::F32) => {
            g.push(x);
            g.ins().f32_demote_f64();
        }
        (Shape::F32, Shape::F32) | (Shape::F64, Shape::F64) => g.push(x),
        (Shape::C64, Shape::C128) => {
            g.push(x);
            let im = g.tmp(ValType::F32);
            g.ins()
                .local_set(im)
                .f64_promote_f32()
                .local_get(im)
                .f64_promote_f32();
        }
        (Shape::C128, Shape::C64) => {
            g.push(x);
            let im = g.tmp(ValType::F64);
            g.ins()
                .local_set(im)
                .f32_demote_f64()
                .local_get(im)
                .f32_demote_f64();
        }
        (Shape::C64, Shape::C64) | (Shape::C128, Shape::C128) => g.push(x),
        (Shape::String, Shape::String) => g.push(x),
        _ => super::strings::convert(g, ins, x, &from, &to),
    }
    g.set_result(ins);
}

/// Converts the integer on the stack between integer shapes.
pub fn int_to_int(g: &mut FuncGen, from: &Shape, to: &Shape) {
    let (
        Shape::Int {
            bits: fb,
            signed: fs,
        },
        Shape::Int { bits: tb, .. },
    ) = (from, to)
    else {
        unreachable!()
    };
    match (*fb == 64, *tb == 64) {
        (true, true) => {}
        (true, false) => {
            g.ins().i32_wrap_i64();
        }
        (false, true) => {
            if *fs {
                g.ins().i64_extend_i32_s();
            } else {
                g.ins().i64_extend_i32_u();
            }
        }
        (false, false) => {}
    }
    if *tb < 32 {
        normalize(g, to);
    }
}

pub fn min_max(g: &mut FuncGen, ins: &Instr, args: &[Operand], is_min: bool) {
    let t = ins.t;
    let shape = g.cx.shape(t);
    let slots = g.cx.slots(t);
    let acc = g.tmps(&slots);
    g.push(&args[0]);
    g.set_all(&acc);
    for a in &args[1..] {
        let cur = g.tmps(&slots);
        g.push(a);
        g.set_all(&cur);
        match shape {
            Shape::F32 | Shape::F64 => {
                // Go: any NaN makes the result NaN; min(-0, +0) = -0.
                let f32 = shape == Shape::F32;
                g.ins().local_get(acc[0]).local_get(cur[0]);
                match (f32, is_min) {
                    (true, true) => g.ins().f32_min(),
                    (true, false) => g.ins().f32_max(),
                    (false, true) => g.ins().f64_min(),
                    (false, false) => g.ins().f64_max(),
                };
                g.ins().local_set(acc[0]);
            }
            Shape::String => {
                g.get_all(&cur);
                g.get_all(&acc);
                g.call_runtime("cmpstring");
                g.ins().i64_const(0);
                if is_min {
                    g.ins().i64_lt_s();
                } else {
                    g.ins().i64_gt_s();
                }
                g.ins().if_(BlockType::Empty);
                g.get_all(&cur);
                g.set_all(&acc);
                g.ins().end();
            }
            _ => {
                let Shape::Int { bits, signed } = shape else {
                    g.unsupported(ins, "min/max of this type");
                    return;
                };
                g.ins().local_get(cur[0]).local_get(acc[0]);
                let mut s = g.ins();
                match (bits == 64, signed, is_min) {
                    (true, true, true) => s.i64_lt_s(),
                    (true, true, false) => s.i64_gt_s(),
                    (true, false, true) => s.i64_lt_u(),
                    (true, false, false) => s.i64_gt_u(),
                    (false, true, true) => s.i32_lt_s(),
                    (false, true, false) => s.i32_gt_s(),
                    (false, false, true) => s.i32_lt_u(),
                    (false, false, false) => s.i32_gt_u(),
                };
                g.ins()
                    .if_(BlockType::Empty)
                    .local_get(cur[0])
                    .local_set(acc[0])
                    .end();
            }
        }
    }
    g.get_all(&acc);
    g.set_result(ins);
}
