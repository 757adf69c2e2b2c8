//! Goroutines as resumable functions (docs/design.md, "Goroutines").
//!
//! A goroutine parks by calling `runtime.gopark`, whose body sets the
//! module's resume state to *unwinding* and returns. Every function that may
//! reach gopark ("may block", a whole-program analysis here) checks the
//! state after each call that may block: when unwinding, it saves the
//! values live across the call and the call's site number in a frame object
//! (a GC struct per function), pushes it on the goroutine's frame list and
//! returns. The scheduler keeps the list; to resume, it sets the state to
//! *rewinding* and calls the goroutine's function again. Each function pops
//! its frame on entry, restores its values, and branches to the block that
//! starts with the call, which it makes again; gopark, reached at the
//! bottom, sets the state back to normal and returns into the goroutine.
//!
//! Blocks are split so that every call that may block starts a block. The
//! branches from the entry to those blocks go through the headers of the
//! loops around them, which keeps the control-flow graph reducible (so
//! loops stay structured). Functions that cannot block are compiled as if
//! goroutines did not exist.

use super::Ctx;
use super::func::{Frame, FuncGen, push_default};
use crate::analysis::blocking::Blocking;
use crate::analysis::cfg::Cfg;
use crate::emit::module::{TypeDef, ref_null};
use crate::ir::{Block, Function, Instr, Op, Operand, Program, ValueId};
use std::collections::{HashMap, HashSet};
use wasm_encoder::{
    AbstractHeapType, BlockType, ConstExpr, FieldType, GlobalType, HeapType, RefType, StorageType,
    ValType,
};

/// The module's resume state (a global i32).
pub const NORMAL: i32 = 0;
pub const UNWINDING: i32 = 1;
pub const REWINDING: i32 = 2;

/// Splits the blocks of functions that may block so that each instruction
/// that may block starts a block.
pub fn split_blocks(prog: &mut Program, b: &Blocking) {
    for (fid, f) in prog.functions.iter_mut().enumerate() {
        if !b.funcs[fid] {
            continue;
        }
        let mut i = 0;
        while i < f.blocks.len() {
            let at = f.blocks[i]
                .instrs
                .iter()
                .skip(1)
                .position(|ins| b.suspends(ins));
            if let Some(p) = at {
                let n = f.blocks.len();
                let tail = f.blocks[i].instrs.split_off(p + 1);
                f.blocks[i].instrs.push(Instr::new(Op::Jump));
                let succs = std::mem::replace(&mut f.blocks[i].succs, vec![n]);
                for &s in &succs {
                    for pred in &mut f.blocks[s].preds {
                        if *pred == i {
                            *pred = n;
                        }
                    }
                }
                f.blocks.push(Block {
                    preds: vec![i],
                    succs,
                    instrs: tail,
                });
            }
            i += 1;
        }
    }
}

/// How one function suspends and resumes.
pub struct Plan {
    /// Site number (from 1) of each block that starts with a call that may
    /// block; 0 for other blocks.
    pub site_of_block: Vec<u32>,
    /// The block of each site (site s at index s-1).
    pub site_blocks: Vec<usize>,
    /// The site of the panic handler's call of runtime.panicHandler.
    pub handler_site: Option<u32>,
    /// Values saved in the frame: live at some site, in value order.
    pub saved: Vec<ValueId>,
}

impl Plan {
    pub fn new(f: &Function, b: &Blocking) -> Plan {
        let mut site_of_block = vec![0; f.blocks.len()];
        let mut site_blocks = Vec::new();
        for (bi, blk) in f.blocks.iter().enumerate() {
            if blk.instrs.first().is_some_and(|i| b.suspends(i)) {
                site_blocks.push(bi);
                site_of_block[bi] = site_blocks.len() as u32;
            }
        }
        let handler_site = b.handler_blocks(f).then_some(site_blocks.len() as u32 + 1);
        let live = live_in(f);
        let mut saved = vec![0u64; words(f.num_values)];
        for &bi in &site_blocks {
            or(&mut saved, &live[bi]);
        }
        if handler_site.is_some() {
            // Resuming in the handler may continue at the recovery block.
            or(&mut saved, &live[f.recover as usize]);
        }
        for v in f.params.iter().chain(&f.free_vars) {
            // The caller passes the same arguments and environment again.
            saved[v.id / 64] &= !(1 << (v.id % 64));
        }
        Plan {
            site_of_block,
            site_blocks,
            handler_site,
            saved: (0..f.num_values)
                .filter(|v| saved[v / 64] >> (v % 64) & 1 == 1)
                .collect(),
        }
    }

    /// The highest site number.
    pub fn max_site(&self) -> u32 {
        self.handler_site.unwrap_or(self.site_blocks.len() as u32)
    }
}

fn words(n: usize) -> usize {
    n.div_ceil(64)
}

fn or(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x |= y;
    }
}

/// SSA values live on entry to each block (a phi's operand is live at the
/// end of its predecessor).
fn live_in(f: &Function) -> Vec<Vec<u64>> {
    let w = words(f.num_values);
    let nb = f.blocks.len();
    let mut live = vec![vec![0u64; w]; nb];
    let set = |s: &mut Vec<u64>, v: usize, on: bool| {
        if on {
            s[v / 64] |= 1 << (v % 64);
        } else {
            s[v / 64] &= !(1 << (v % 64));
        }
    };
    let mut changed = true;
    while changed {
        changed = false;
        for bi in (0..nb).rev() {
            let blk = &f.blocks[bi];
            let mut cur = vec![0u64; w];
            for &s in &blk.succs {
                or(&mut cur, &live[s]);
                let target = &f.blocks[s];
                for (k, _) in target.preds.iter().enumerate().filter(|(_, p)| **p == bi) {
                    for ins in &target.instrs {
                        let Op::Phi { edges } = &ins.op else { break };
                        if let Some(Operand::Value(v)) = edges.get(k) {
                            set(&mut cur, *v, true);
                        }
                    }
                }
            }
            for ins in blk.instrs.iter().rev() {
                if ins.has_value() {
                    set(&mut cur, ins.id, false);
                }
                if !matches!(ins.op, Op::Phi { .. }) {
                    for op in ins.operands() {
                        if let Operand::Value(v) = op {
                            set(&mut cur, *v, true);
                        }
                    }
                }
            }
            if cur != live[bi] {
                live[bi] = cur;
                changed = true;
            }
        }
    }
    live
}

/// Where the rewind branches go: at each block, (site, next block) pairs,
/// None when the block is the site's own.
pub type Routes = HashMap<usize, Vec<(u32, Option<usize>)>>;

/// The control-flow graph with rewind branches added (entry → headers of
/// the loops around a site, outermost first → the site's block), and the
/// routes. None when the graph is irreducible (the function then uses a
/// dispatch loop, where any block can be branched to).
pub fn routes(
    succs: &[Vec<usize>],
    preds: &[Vec<usize>],
    root: usize,
    site_blocks: &[usize],
) -> Option<(Cfg, Routes)> {
    let base = Cfg::new(succs, preds, root).ok()?;
    let reached = |b: usize| base.rpo[b] != usize::MAX;
    let n = succs.len();
    let mut loops: Vec<(usize, Vec<bool>)> = Vec::new();
    for h in (0..n).filter(|&h| base.loop_header[h]) {
        let mut body = vec![false; n];
        body[h] = true;
        let mut stack: Vec<usize> = preds[h]
            .iter()
            .copied()
            .filter(|&p| reached(p) && base.rpo[p] >= base.rpo[h])
            .collect();
        while let Some(x) = stack.pop() {
            if !body[x] {
                body[x] = true;
                stack.extend(preds[x].iter().copied().filter(|&p| reached(p)));
            }
        }
        loops.push((h, body));
    }
    let (mut s2, mut p2) = (succs.to_vec(), preds.to_vec());
    let mut routes: Routes = HashMap::new();
    let mut added = HashSet::new();
    for (i, &r) in site_blocks.iter().enumerate() {
        let site = i as u32 + 1;
        if !reached(r) {
            // Pruned code (behind an impossible type assertion): never
            // emitted.
            continue;
        }
        let mut chain: Vec<usize> = loops
            .iter()
            .filter(|(h, body)| *h != r && body[r])
            .map(|(h, _)| *h)
            .collect();
        chain.sort_by_key(|&h| base.rpo[h]);
        chain.push(r);
        let mut from = root;
        for hop in chain {
            if hop == from {
                continue;
            }
            routes.entry(from).or_default().push((site, Some(hop)));
            if added.insert((from, hop)) {
                s2[from].push(hop);
                p2[hop].push(from);
            }
            from = hop;
        }
        routes.entry(from).or_default().push((site, None));
    }
    let mut cfg = Cfg::new(&s2, &p2, root).ok()?;
    // Every rewind branch is a `br` to a block ending right before its
    // target.
    for &(_, to) in &added {
        cfg.merge[to] = true;
    }
    Some((cfg, routes))
}

impl Ctx<'_> {
    /// The resume state global (i32) and the frame list global (the
    /// newest frame, a structref; each frame's field 0 is the next).
    pub fn resume_globals(&mut self) -> (u32, u32) {
        if let Some(g) = self.resume_globals {
            return g;
        }
        let state = self.module.add_global(
            GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            },
            ConstExpr::i32_const(NORMAL),
        );
        let frames = self.module.add_global(
            GlobalType {
                val_type: STRUCTREF,
                mutable: true,
                shared: false,
            },
            ConstExpr::ref_null(STRUCT_HEAP),
        );
        self.resume_globals = Some((state, frames));
        (state, frames)
    }
}

const STRUCT_HEAP: HeapType = HeapType::Abstract {
    shared: false,
    ty: AbstractHeapType::Struct,
};

pub const STRUCTREF: ValType = ValType::Ref(RefType {
    nullable: true,
    heap_type: STRUCT_HEAP,
});

/// Emission state of a resumable function.
pub struct Resumable {
    pub plan: Plan,
    /// Local holding the site being resumed (0 when running normally) or
    /// suspended at.
    pub site: u32,
    /// The frame struct type: next frame, site, saved locals.
    frame: u32,
    saved: Vec<u32>,
    /// Rewind branches at each block (see [`routes`]).
    pub routes: Routes,
    /// Whether the instruction being emitted checked for unwinding.
    pub checked: bool,
}

impl FuncGen<'_, '_> {
    /// After the prologue of a function that may block: on rewind, pop and
    /// restore the frame. The body must then be wrapped in the unwind
    /// block (`Frame::Unwind`).
    pub fn begin_resumable(&mut self) {
        let plan = Plan::new(self.f, &self.cx.blocking);
        let site = self.fresh_local(ValType::I32);
        let mut saved: Vec<u32> = plan
            .saved
            .iter()
            .flat_map(|&v| self.vals[v].clone())
            .collect();
        saved.extend(self.defer_base);
        saved.extend(self.recover_armed);
        let mut fields = vec![STRUCTREF, ValType::I32];
        fields.extend(saved.iter().map(|&l| self.local_type(l)));
        let frame = self.cx.module.intern(TypeDef::Struct {
            fields: fields
                .into_iter()
                .map(|t| FieldType {
                    element_type: StorageType::Val(t),
                    mutable: false,
                })
                .collect(),
            supertype: None,
            is_final: true,
        });
        let (state, frames) = self.cx.resume_globals();
        let fr = self.tmp(ref_null(frame));
        self.ins()
            .global_get(state)
            .i32_const(REWINDING)
            .i32_eq()
            .if_(BlockType::Empty)
            .global_get(frames)
            .ref_cast_nullable(HeapType::Concrete(frame))
            .local_tee(fr)
            .struct_get(frame, 0)
            .global_set(frames)
            .local_get(fr)
            .struct_get(frame, 1)
            .local_set(site);
        for (k, &l) in saved.iter().enumerate() {
            self.ins()
                .local_get(fr)
                .struct_get(frame, 2 + k as u32)
                .local_set(l);
        }
        self.ins().end();
        self.resume = Some(Box::new(Resumable {
            plan,
            site,
            frame,
            saved,
            routes: Routes::new(),
            checked: false,
        }));
    }

    /// After a call that may have started unwinding: if it did, leave for
    /// the unwind exit with the current site. Only the instruction that
    /// starts a site block checks (the analysis decided which calls may
    /// block; elsewhere this emits nothing).
    pub fn suspend_check(&mut self) {
        let Some(r) = &self.resume else { return };
        let site = r.plan.site_of_block[self.cur_block];
        if self.cur_instr != 0 || site == 0 {
            return;
        }
        self.unwind_check(site);
    }

    /// The check for a given site.
    pub fn unwind_check(&mut self, site: u32) {
        let (state, _) = self.cx.resume_globals();
        let r = self.resume.as_mut().expect("resumable function");
        r.checked = true;
        let local = r.site;
        let d = self.depth(Frame::Unwind);
        self.ins()
            .global_get(state)
            .if_(BlockType::Empty)
            .i32_const(site as i32)
            .local_set(local)
            .br(d + 1)
            .end();
    }

    /// After the unwind block: push this function's frame and return
    /// (the results are ignored by the unwinding caller).
    pub fn unwind_exit(&mut self, results: &[ValType]) {
        let (_, frames) = self.cx.resume_globals();
        let r = self.resume.as_ref().expect("resumable function");
        let (site, frame, saved) = (r.site, r.frame, r.saved.clone());
        self.ins().global_get(frames).local_get(site);
        for l in saved {
            self.ins().local_get(l);
        }
        self.ins().struct_new(frame).global_set(frames);
        for &t in results {
            push_default(&mut self.ins(), t);
        }
    }

    /// At the start of block x (structured layout): while rewinding, branch
    /// on toward the site being resumed, or, at its own block, stop
    /// rewinding and run the block.
    pub fn rewind_branches(&mut self, x: usize) {
        let Some(r) = &self.resume else { return };
        let Some(routes) = r.routes.get(&x).cloned() else {
            return;
        };
        let (site, max) = (r.site, r.plan.max_site());
        self.ins().local_get(site).if_(BlockType::Empty);
        self.frames.push(Frame::Other);
        self.ins().block(BlockType::Empty);
        self.frames.push(Frame::Other);
        let mut table = vec![0u32; max as usize + 1];
        for (s, hop) in routes {
            if let Some(y) = hop {
                table[s as usize] = self.depth(Frame::BlockFollowedBy(y));
            }
        }
        self.ins().local_get(site).br_table(table, 0).end();
        self.frames.pop();
        self.ins().i32_const(0).local_set(site).end();
        self.frames.pop();
    }

    /// For a function laid out as a dispatch loop: start at the site's
    /// block when rewinding.
    pub fn rewind_dispatch(&mut self, next: u32) {
        let Some(r) = &self.resume else { return };
        let (site, blocks) = (r.site, r.plan.site_blocks.clone());
        self.ins().local_get(site).if_(BlockType::Empty);
        for (i, b) in blocks.into_iter().enumerate() {
            self.ins()
                .local_get(site)
                .i32_const(i as i32 + 1)
                .i32_eq()
                .if_(BlockType::Empty)
                .i32_const(b as i32)
                .local_set(next)
                .end();
        }
        self.ins().i32_const(0).local_set(site).end();
    }

    /// In a function with a panic handler that may block: resuming there
    /// branches out of the enclosing block at `depth` (to the handler).
    pub fn rewind_to_handler(&mut self, depth: u32) {
        let Some(r) = &self.resume else { return };
        let Some(h) = r.plan.handler_site else { return };
        let site = r.site;
        self.ins()
            .local_get(site)
            .i32_const(h as i32)
            .i32_eq()
            .if_(BlockType::Empty)
            .i32_const(0)
            .local_set(site)
            .br(depth + 1)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::BinOp;
    use crate::testir::{binop, block, call, function, graph, int, jump, ret, val};

    #[test]
    fn plan_saves_only_values_live_across_the_call() {
        // 0: t1 = p0 + 1; t2 = p0 + 2; t3 = t2 + 1; jump 1
        // 1: t4 = f(); t5 = t1 + t4; return t5     (f may block)
        let add = |id, x, y| binop(id, BinOp::Add, x, y);
        let f = function(
            &[0],
            vec![
                block(
                    vec![],
                    vec![1],
                    vec![
                        add(1, val(0), int(1)),
                        add(2, val(0), int(2)),
                        add(3, val(2), int(1)),
                        jump(),
                    ],
                ),
                block(
                    vec![0],
                    vec![],
                    vec![
                        call(4, Operand::Func(1), vec![]),
                        add(5, val(1), val(4)),
                        ret(vec![val(5)]),
                    ],
                ),
            ],
            6,
        );
        let blocking = Blocking::of_funcs(vec![false, true]);
        let plan = Plan::new(&f, &blocking);
        assert_eq!(plan.site_of_block, vec![0, 1]);
        assert_eq!(plan.site_blocks, vec![1]);
        // t1 only: the parameter is passed again, t2 and t3 are dead.
        assert_eq!(plan.saved, vec![1]);
        assert_eq!(plan.handler_site, None);
    }

    #[test]
    fn rewind_enters_nested_loops_through_their_headers() {
        // 0 → 1 (outer header) → 2 (inner header) → 3 (site) → 2, 2 → 4 → 1,
        // 1 → 5.
        let (s, p) = graph(&[(0, 1), (1, 2), (2, 3), (3, 2), (2, 4), (4, 1), (1, 5)], 6);
        let (cfg, routes) = routes(&s, &p, 0, &[3]).unwrap();
        assert_eq!(routes[&0], vec![(1, Some(1))]);
        assert_eq!(routes[&1], vec![(1, Some(2))]);
        assert_eq!(routes[&2], vec![(1, Some(3))]);
        assert_eq!(routes[&3], vec![(1, None)]);
        assert!(cfg.loop_header[1] && cfg.loop_header[2]);
        assert!(cfg.merge[3]);
    }

    #[test]
    fn site_in_entry_block_needs_no_branch() {
        let (s, p) = graph(&[(0, 1)], 2);
        let (_, routes) = routes(&s, &p, 0, &[0]).unwrap();
        assert_eq!(routes[&0], vec![(1, None)]);
    }
}
