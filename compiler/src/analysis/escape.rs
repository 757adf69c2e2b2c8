//! Escape of local variables: a variable (an `Alloc`) that is only loaded
//! and stored, whole or through field addresses that are themselves only
//! loaded and stored, never has its address escape, so lowering may keep
//! it in wasm locals instead of an object (lower/flat.rs).

use crate::ir::{Instr, Op, Operand, UnOp, ValueId};
use std::collections::HashMap;

/// The instructions using each value of a function.
pub struct Uses<'f>(HashMap<ValueId, Vec<&'f Instr>>);

impl<'f> Uses<'f> {
    pub fn of(f: &'f crate::ir::Function) -> Uses<'f> {
        let mut uses: HashMap<ValueId, Vec<&Instr>> = HashMap::new();
        for ins in f.blocks.iter().flat_map(|b| &b.instrs) {
            for op in ins.operands() {
                if let Operand::Value(v) = op {
                    uses.entry(*v).or_default().push(ins);
                }
            }
        }
        Uses(uses)
    }

    pub fn of_value(&self, v: ValueId) -> &[&'f Instr] {
        self.0.get(&v).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether variable `var` (an Alloc) is only loaded and stored, whole
    /// or through field addresses that are only loaded and stored: it
    /// never escapes, so it can live in locals.
    pub fn only_loaded_and_stored(&self, var: ValueId) -> bool {
        // A load through address a, or a store to it (not of it).
        let access = |i: &Instr, a: ValueId| match &i.op {
            Op::UnOp {
                op: UnOp::Deref, x, ..
            } => x.is_value(a),
            Op::Store { addr, val } => addr.is_value(a) && !val.is_value(a),
            _ => false,
        };
        self.of_value(var).iter().all(|i| {
            if matches!(i.op, Op::FieldAddr { .. }) {
                self.of_value(i.id).iter().all(|j| access(j, i.id))
            } else {
                access(i, var)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testir::{block, function, ins, ret, val};

    /// `v := T{}; v.a = p1; use(*v)` with `escape` also passing `&v.a` on
    /// (a store of the address itself).
    fn local(escape: bool) -> crate::ir::Function {
        // 0: t2 = local T; t3 = &t2.a; *t3 = p1; t4 = *t2; [*p0 = t3]
        let store = |addr, val| ins(Op::Store { addr, val }, 0);
        let mut body = vec![
            ins(Op::Alloc { heap: false }, 2),
            ins(
                Op::FieldAddr {
                    x: val(2),
                    field: 0,
                },
                3,
            ),
            store(val(3), val(1)),
            ins(
                Op::UnOp {
                    op: UnOp::Deref,
                    x: val(2),
                    comma_ok: false,
                },
                4,
            ),
        ];
        if escape {
            body.push(store(val(0), val(3)));
        }
        body.push(ret(vec![]));
        function(&[0, 1], vec![block(vec![], vec![], body)], 5)
    }

    #[test]
    fn variable_used_through_fields_lives_in_locals() {
        let f = local(false);
        assert!(Uses::of(&f).only_loaded_and_stored(2));
    }

    #[test]
    fn variable_whose_field_address_escapes_stays_an_object() {
        let f = local(true);
        assert!(!Uses::of(&f).only_loaded_and_stored(2));
    }
}
