//! Checks the program has already made: bounds and nil checks that need
//! not be repeated.
//!
//! Bounds: `x[i]` in a block reached only through the true edge of
//! `if i < len(x)`, with `i` provably non-negative — a constant, or a
//! counter counting up from a constant, as in `for i := range x` and
//! `for i := 0; i < len(x); i++`; and `x[i]` after another `x[i]` in the
//! same block.
//!
//! Nil: a pointer in a block reached only through the edge of
//! `if p == nil` / `if p != nil` on which it is not nil (`for e := head;
//! e != nil; e = e.next { e.x }`). The lowering adds the pointers whose
//! nil check it has emitted, which then need none in the rest of the block
//! and in the blocks it dominates (`f.a = f.b + f.c` checks `f` once).
//!
//! "Reached only through" means the branch's edge dominates the block: some
//! dominator of the block (the block itself included) has the branching
//! block as its single predecessor, so that every path to the block takes
//! that edge — also past inner loops (`v[i]` after a loop nested in
//! `for i := range v`).

use super::cfg::Dominators;
use crate::ir::{BinOp, Builtin, Function, Instr, Op, Operand, ValueId};
use std::collections::{HashMap, HashSet};

/// What the checks already made establish in a function.
#[derive(Default)]
pub struct Known {
    /// The instructions (`Index`, `IndexAddr`) whose index is in range.
    pub in_bounds: HashSet<ValueId>,
    /// For each block, the values a dominating branch has found not nil.
    pub not_nil: Vec<HashSet<ValueId>>,
    /// The immediate dominator of each block (the entry's is itself;
    /// usize::MAX if unreachable).
    pub idom: Vec<usize>,
}

pub fn known(f: &Function) -> Known {
    if f.blocks.is_empty() {
        // Implemented elsewhere (an import, an intrinsic, a linkname).
        return Known::default();
    }
    let defs = definitions(f);
    let succs: Vec<Vec<usize>> = f.blocks.iter().map(|b| b.succs.clone()).collect();
    let preds: Vec<Vec<usize>> = f.blocks.iter().map(|b| b.preds.clone()).collect();
    let doms = Dominators::new(&succs, &preds, 0);
    let branches: Vec<Vec<(ValueId, bool)>> = (0..f.blocks.len())
        .map(|b| dominating_branches(f, &doms.idom, b))
        .collect();
    Known {
        in_bounds: in_bounds(f, &defs, &branches),
        not_nil: not_nil(&defs, &branches),
        idom: doms.idom,
    }
}

fn in_bounds(
    f: &Function,
    defs: &HashMap<ValueId, &Instr>,
    branches: &[Vec<(ValueId, bool)>],
) -> HashSet<ValueId> {
    let mut proven = HashSet::new();
    for (bi, b) in f.blocks.iter().enumerate() {
        // (x, i) pairs already checked in this block: `a[i], a[j] = a[j],
        // a[i]` checks each index once.
        let mut checked = HashSet::new();
        for ins in &b.instrs {
            let (Op::Index {
                x: Operand::Value(x),
                index: Operand::Value(i),
            }
            | Op::IndexAddr {
                x: Operand::Value(x),
                index: Operand::Value(i),
            }) = &ins.op
            else {
                continue;
            };
            if !checked.insert((*x, *i)) {
                proven.insert(ins.id);
                continue;
            }
            if branches[bi]
                .iter()
                .any(|&(c, taken)| taken && is_less_than_len(defs, c, *i, *x))
                && matches!(lower_bound(defs, *i, &mut HashSet::new()), Bound::At(n) if n >= 0)
            {
                proven.insert(ins.id);
            }
        }
    }
    proven
}

/// The conditions of the branches whose edges dominate block b, with the
/// edge (true or false).
fn dominating_branches(f: &Function, idom: &[usize], mut b: usize) -> Vec<(ValueId, bool)> {
    let mut out = Vec::new();
    while idom[b] != usize::MAX {
        if let [p] = f.blocks[b].preds[..]
            && let pred = &f.blocks[p]
            && let Some(term) = pred.instrs.last()
            && let Op::If {
                cond: Operand::Value(c),
            } = &term.op
            && pred.succs.first() != pred.succs.get(1)
        {
            out.push((*c, pred.succs.first() == Some(&b)));
        }
        if idom[b] == b {
            break;
        }
        b = idom[b];
    }
    out
}

/// Whether value c is `i < len(x)`.
fn is_less_than_len(defs: &HashMap<ValueId, &Instr>, c: ValueId, i: ValueId, x: ValueId) -> bool {
    let Some(cmp) = defs.get(&c) else {
        return false;
    };
    matches!(&cmp.op, Op::BinOp {
            op: BinOp::Lss,
            x: Operand::Value(v),
            y: Operand::Value(l),
        } if *v == i && defs.get(l).is_some_and(|len| is_len_of(len, x)))
}

fn is_len_of(ins: &Instr, x: ValueId) -> bool {
    let Op::Call(c) = &ins.op else { return false };
    matches!(&c.callee, Some(Operand::Builtin(Builtin::Len)))
        && matches!(c.args.first(), Some(Operand::Value(v)) if *v == x)
}

fn not_nil(
    defs: &HashMap<ValueId, &Instr>,
    branches: &[Vec<(ValueId, bool)>],
) -> Vec<HashSet<ValueId>> {
    branches
        .iter()
        .map(|bs| {
            bs.iter()
                .filter_map(|&(c, taken)| {
                    let Op::BinOp { op, x, y } = &defs.get(&c)?.op else {
                        return None;
                    };
                    let v = match (x, y) {
                        (Operand::Value(v), y) if y.is_nil() => *v,
                        (x, Operand::Value(v)) if x.is_nil() => *v,
                        _ => return None,
                    };
                    let not_nil_edge = match op {
                        BinOp::Neq => true,
                        BinOp::Eql => false,
                        _ => return None,
                    };
                    (taken == not_nil_edge).then_some(v)
                })
                .collect()
        })
        .collect()
}

fn definitions(f: &Function) -> HashMap<ValueId, &Instr> {
    f.blocks
        .iter()
        .flat_map(|b| &b.instrs)
        .filter(|ins| ins.has_value())
        .map(|ins| (ins.id, ins))
        .collect()
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
    let of = |op: &Operand, open: &mut HashSet<ValueId>| match op {
        Operand::Value(w) => lower_bound(defs, *w, open),
        Operand::Const(c) => Bound::At(c.bits() as i64),
        _ => Bound::Unknown,
    };
    match &ins.op {
        Op::BinOp {
            op: BinOp::Add,
            x,
            y,
        } => {
            // Counting up by a non-negative constant keeps the bound.
            let (a, step) = match (x, y) {
                (a, Operand::Const(c)) | (Operand::Const(c), a) => (a, c.bits() as i64),
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
        Op::Phi { edges } => {
            if !open.insert(v) {
                return Bound::Cycle;
            }
            let mut min: Option<i64> = None;
            let mut known = true;
            for a in edges {
                match of(a, open) {
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
    use super::*;
    use crate::ir::{BinOp, Builtin, Const, ConstValue, Op};
    use crate::testir::{binop, block, branch, call, function, ins, int, jump, ret, val};

    fn index_addr(id: usize, x: usize, index: usize) -> Instr {
        ins(
            Op::IndexAddr {
                x: val(x),
                index: val(index),
            },
            id,
        )
    }

    /// `for i := range s { _ = s[i] }` as x/tools builds it, with the
    /// index taken from `idx` (value 4 is the counter).
    fn range_loop(idx: usize) -> Function {
        // 0: t2 = len(s); jump 1
        // 1: t3 = phi(-1, t4); t4 = t3 + 1; t5 = t4 < t2; if t5 2 3
        // 2: t6 = &s[idx]; jump 1
        // 3: return
        let len = call(2, Operand::Builtin(Builtin::Len), vec![val(0)]);
        let phi = ins(
            Op::Phi {
                edges: vec![int(-1), val(4)],
            },
            3,
        );
        let inc = binop(4, BinOp::Add, val(3), int(1));
        let lt = binop(5, BinOp::Lss, val(4), val(2));
        function(
            &[0, 1],
            vec![
                block(vec![], vec![1], vec![len, jump()]),
                block(vec![0, 2], vec![2, 3], vec![phi, inc, lt, branch(val(5))]),
                block(vec![1], vec![1], vec![index_addr(6, 0, idx), jump()]),
                block(vec![1], vec![], vec![ret(vec![])]),
            ],
            7,
        )
    }

    #[test]
    fn range_loop_index_needs_no_check() {
        assert!(known(&range_loop(4)).in_bounds.contains(&6));
    }

    /// `range_loop(4)` with a loop inside the body before `s[i]`, or with
    /// the access in a block also reached from the loop's exit edge.
    fn range_loop_with_inner(access_block_reached_from_exit: bool) -> Function {
        // 2: jump 4   4: if p1 5 6   5: jump 4   6: t6 = &s[t4]; jump 1
        let mut f = range_loop(4);
        let at = f.blocks[2].instrs.remove(0);
        f.blocks[2].succs = vec![4];
        f.blocks
            .push(block(vec![2, 5], vec![5, 6], vec![branch(val(1))]));
        f.blocks.push(block(vec![4], vec![4], vec![jump()]));
        f.blocks.push(block(vec![4], vec![1], vec![at, jump()]));
        if access_block_reached_from_exit {
            // 3: jump 6 instead of returning; 6 then merges both edges.
            f.blocks[3] = block(vec![1], vec![6], vec![jump()]);
            f.blocks[6].preds.push(3);
        }
        f
    }

    #[test]
    fn index_after_an_inner_loop_needs_no_check() {
        assert!(known(&range_loop_with_inner(false)).in_bounds.contains(&6));
        assert!(known(&range_loop_with_inner(true)).in_bounds.is_empty());
    }

    #[test]
    fn second_access_to_the_same_element_needs_no_check() {
        let f = function(
            &[0, 1, 2],
            vec![block(
                vec![],
                vec![],
                vec![
                    index_addr(3, 0, 1),
                    index_addr(4, 0, 2),
                    index_addr(5, 0, 1),
                    ret(vec![]),
                ],
            )],
            6,
        );
        let proven = known(&f).in_bounds;
        assert!(proven.contains(&5));
        assert!(!proven.contains(&3) && !proven.contains(&4));
    }

    #[test]
    fn pointer_is_not_nil_past_its_nil_test() {
        // 0: t1 = p0 != nil; if t1 1 2   1: return   2: return
        let nil = Operand::Const(Const {
            t: 0,
            value: ConstValue::Nil,
        });
        let f = function(
            &[0],
            vec![
                block(
                    vec![],
                    vec![1, 2],
                    vec![binop(1, BinOp::Neq, val(0), nil), branch(val(1))],
                ),
                block(vec![0], vec![], vec![ret(vec![])]),
                block(vec![0], vec![], vec![ret(vec![])]),
            ],
            2,
        );
        let not_nil = known(&f).not_nil;
        assert!(not_nil[1].contains(&0));
        assert!(not_nil[0].is_empty() && not_nil[2].is_empty());
    }

    #[test]
    fn other_index_keeps_its_check() {
        // A parameter: neither guarded nor known non-negative.
        assert!(known(&range_loop(1)).in_bounds.is_empty());
    }
}
