//! Bounds-check elimination: an index provably within its slice, array or
//! string needs no check. Proven: `x[i]` in a block reached only through the
//! true edge of `if i < len(x)` (through blocks with a single predecessor,
//! so that test dominates the access), with `i` provably non-negative — a
//! constant, or a counter counting up from a constant, as in
//! `for i := range x` and `for i := 0; i < len(x); i++`.

use crate::ir::{Function, Instr, Operand, ValueId};
use std::collections::{HashMap, HashSet};

/// The instructions (`Index`, `IndexAddr`) of f whose index is in range.
pub fn in_bounds(f: &Function) -> HashSet<ValueId> {
    let mut defs: HashMap<ValueId, &Instr> = HashMap::new();
    for ins in f.blocks.iter().flat_map(|b| &b.instrs) {
        if super::func::has_value(&ins.op) {
            defs.insert(ins.id, ins);
        }
    }
    let mut proven = HashSet::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        for ins in &b.instrs {
            if !matches!(ins.op.as_str(), "Index" | "IndexAddr") {
                continue;
            }
            let (Some(Operand::Value(x)), Some(Operand::Value(i))) = (&ins.x, &ins.y) else {
                continue;
            };
            if guarded_by_len(f, &defs, bi, *i, *x)
                && matches!(lower_bound(&defs, *i, &mut HashSet::new()), Bound::At(n) if n >= 0)
            {
                proven.insert(ins.id);
            }
        }
    }
    proven
}

/// Whether block b is reached only through the true edge of
/// `if i < len(x)`.
fn guarded_by_len(
    f: &Function,
    defs: &HashMap<ValueId, &Instr>,
    mut b: usize,
    i: ValueId,
    x: ValueId,
) -> bool {
    // Single-predecessor chains are short; the limit only bounds the walk.
    for _ in 0..16 {
        let [p] = f.blocks[b].preds[..] else {
            return false;
        };
        let pred = &f.blocks[p];
        if let Some(term) = pred.instrs.last()
            && term.op == "If"
            && pred.succs.first() == Some(&b)
            && pred.succs.get(1) != Some(&b)
            && let Some(Operand::Value(c)) = &term.x
            && let Some(cmp) = defs.get(c)
            && cmp.op == "BinOp"
            && cmp.tok == "<"
            && matches!(&cmp.x, Some(Operand::Value(v)) if *v == i)
            && let Some(Operand::Value(l)) = &cmp.y
            && let Some(len) = defs.get(l)
            && is_len_of(len, x)
        {
            return true;
        }
        b = p;
    }
    false
}

fn is_len_of(ins: &Instr, x: ValueId) -> bool {
    let Some(c) = &ins.call else { return false };
    matches!(&c.callee, Some(Operand::Builtin(b)) if b == "len")
        && matches!(c.args.first(), Some(Operand::Value(v)) if *v == x)
}

/// A lower bound of a value.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Bound {
    At(i64),
    /// The value counts up from a phi being examined: no lower than it.
    Cycle,
    Unknown,
}

fn lower_bound(defs: &HashMap<ValueId, &Instr>, v: ValueId, open: &mut HashSet<ValueId>) -> Bound {
    let Some(ins) = defs.get(&v) else {
        return Bound::Unknown;
    };
    let of = |op: &Option<Operand>, open: &mut HashSet<ValueId>| match op {
        Some(Operand::Value(w)) => lower_bound(defs, *w, open),
        Some(Operand::Const(c)) => Bound::At(c.bits as i64),
        _ => Bound::Unknown,
    };
    match ins.op.as_str() {
        "BinOp" if ins.tok == "+" => {
            // Counting up by a non-negative constant keeps the bound.
            let (a, step) = match (&ins.x, &ins.y) {
                (a, Some(Operand::Const(c))) | (Some(Operand::Const(c)), a) => (a, c.bits as i64),
                _ => return Bound::Unknown,
            };
            if step < 0 {
                return Bound::Unknown;
            }
            match of(a, open) {
                Bound::At(n) => n.checked_add(step).map_or(Bound::Unknown, Bound::At),
                other => other,
            }
        }
        "Phi" => {
            if !open.insert(v) {
                return Bound::Cycle;
            }
            let mut min: Option<i64> = None;
            let mut known = true;
            for a in &ins.args {
                match of(&Some(a.clone()), open) {
                    Bound::At(n) => min = Some(min.map_or(n, |m| m.min(n))),
                    Bound::Cycle => {}
                    Bound::Unknown => known = false,
                }
            }
            open.remove(&v);
            match (known, min) {
                (true, Some(n)) => Bound::At(n),
                _ => Bound::Unknown,
            }
        }
        _ => Bound::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testir::{block, function, ins, int, val};
    use super::*;
    use crate::ir::Call;

    /// `for i := range s { _ = s[i] }` as x/tools builds it, with the
    /// index taken from `idx` (value 4 is the counter).
    fn range_loop(idx: usize) -> Function {
        // 0: t2 = len(s); jump 1
        // 1: t3 = phi(-1, t4); t4 = t3 + 1; t5 = t4 < t2; if t5 2 3
        // 2: t6 = &s[idx]; jump 1
        // 3: return
        let mut len = ins("Call", 2);
        len.call = Some(Call {
            callee: Some(Operand::Builtin("len".into())),
            recv: None,
            method: None,
            args: vec![Operand::Value(0)],
            sig: 0,
        });
        let mut phi = ins("Phi", 3);
        phi.args = vec![int(-1), Operand::Value(4)];
        let mut inc = ins("BinOp", 4);
        (inc.tok, inc.x, inc.y) = ("+".into(), val(3), Some(int(1)));
        let mut lt = ins("BinOp", 5);
        (lt.tok, lt.x, lt.y) = ("<".into(), val(4), val(2));
        let mut br = ins("If", 0);
        br.x = val(5);
        let mut at = ins("IndexAddr", 6);
        (at.x, at.y) = (val(0), val(idx));
        function(
            &[0, 1],
            vec![
                block(vec![], vec![1], vec![len, ins("Jump", 0)]),
                block(vec![0, 2], vec![2, 3], vec![phi, inc, lt, br]),
                block(vec![1], vec![1], vec![at, ins("Jump", 0)]),
                block(vec![1], vec![], vec![ins("Return", 0)]),
            ],
            7,
        )
    }

    #[test]
    fn range_loop_index_needs_no_check() {
        assert!(in_bounds(&range_loop(4)).contains(&6));
    }

    #[test]
    fn other_index_keeps_its_check() {
        // A parameter: neither guarded nor known non-negative.
        assert!(in_bounds(&range_loop(1)).is_empty());
    }
}
