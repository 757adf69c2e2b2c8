//! Package initialization without dead globals.
//!
//! Package initializers store into every package-level variable, whether or
//! not the program reads it: importing `unicode` would otherwise build every
//! Unicode table. Initializers are therefore generated last: once the rest of
//! the program is known, an initializer keeps only the stores into variables
//! something reads (and the computations feeding them), plus everything with
//! an effect of its own (calls, panics, control flow). Reads inside kept
//! initializer code make more variables live, so this runs to a fixpoint
//! together with code generation.

use super::Ctx;
use crate::ir::{Builtin, Call, FuncId, Function, Instr, Op, Operand, UnOp};
use std::collections::{HashMap, HashSet};

/// Liveness of each instruction of a function, by block.
pub type Live = Vec<Vec<bool>>;

/// Where a store through an address ends up.
#[derive(Clone, Copy, PartialEq)]
enum Root {
    Global(usize),
    /// An allocation (Alloc, MakeMap, MakeSlice) at (block, index).
    Alloc(usize, usize),
    Unknown,
}

struct Analysis<'f> {
    f: &'f Function,
    /// Calls (by instruction position) to pure functions, droppable when
    /// their results are unused.
    pure_calls: std::collections::HashSet<(usize, usize)>,
    defs: HashMap<usize, (usize, usize)>,
    live: Live,
    stack: Vec<(usize, usize)>,
    globals_read: HashSet<usize>,
}

/// Instructions that may be dropped when nothing live uses their value.
fn droppable(ins: &Instr) -> bool {
    match &ins.op {
        Op::Alloc { .. }
        | Op::Phi { .. }
        | Op::BinOp { .. }
        | Op::ChangeType { .. }
        | Op::Convert { .. }
        | Op::ChangeInterface { .. }
        | Op::MakeInterface { .. }
        | Op::MakeClosure { .. }
        | Op::MakeMap { .. }
        | Op::MakeSlice { .. }
        | Op::Slice { .. }
        | Op::FieldAddr { .. }
        | Op::Field { .. }
        | Op::IndexAddr { .. }
        | Op::Index { .. }
        | Op::Lookup { .. }
        | Op::Extract { .. }
        | Op::Store { .. }
        | Op::MapUpdate { .. } => true,
        Op::UnOp { op, .. } => *op != UnOp::Recv,
        Op::TypeAssert { comma_ok, .. } => *comma_ok,
        _ => false,
    }
}

/// For an instruction that only computes an address inside another
/// (element, field, slice, conversion): that address and the other
/// operands.
fn address_of(ins: &Instr) -> Option<(&Operand, Vec<&Operand>)> {
    match &ins.op {
        Op::IndexAddr { x, index } => Some((x, vec![index])),
        Op::FieldAddr { x, .. } | Op::ChangeType { x } | Op::Convert { x } => Some((x, vec![])),
        Op::Slice {
            x, low, high, max, ..
        } => Some((x, [low, high, max].into_iter().flatten().collect())),
        _ => None,
    }
}

/// Instructions making new storage.
fn allocates(ins: &Instr) -> bool {
    matches!(
        ins.op,
        Op::Alloc { .. } | Op::MakeMap { .. } | Op::MakeSlice { .. }
    )
}

/// For a store or map update: the storage written and the values stored.
fn store_of(ins: &Instr) -> Option<(&Operand, Vec<&Operand>)> {
    match &ins.op {
        Op::Store { addr, val } => Some((addr, vec![val])),
        Op::MapUpdate { map, key, value } => Some((map, vec![key, value])),
        _ => None,
    }
}

impl<'f> Analysis<'f> {
    fn new(f: &'f Function) -> Self {
        // Only value-producing instructions define ids (the others carry 0).
        let mut defs = HashMap::new();
        for (bi, b) in f.blocks.iter().enumerate() {
            for (k, ins) in b.instrs.iter().enumerate() {
                if ins.has_value() {
                    defs.insert(ins.id, (bi, k));
                }
            }
        }
        let live = f
            .blocks
            .iter()
            .map(|b| vec![false; b.instrs.len()])
            .collect();
        Analysis {
            f,
            pure_calls: Default::default(),
            defs,
            live,
            stack: Vec::new(),
            globals_read: HashSet::new(),
        }
    }

    fn instr(&self, at: (usize, usize)) -> &'f Instr {
        &self.f.blocks[at.0].instrs[at.1]
    }

    fn mark(&mut self, at: (usize, usize)) {
        if !self.live[at.0][at.1] {
            self.live[at.0][at.1] = true;
            self.stack.push(at);
        }
    }

    /// A use of an operand's value.
    fn use_full(&mut self, op: &Operand) {
        match op {
            Operand::Value(v) => {
                if let Some(&at) = self.defs.get(v) {
                    self.mark(at);
                }
            }
            Operand::Global(g) => {
                self.globals_read.insert(*g);
            }
            _ => {}
        }
    }

    /// A use of an operand as the target of a store: the address
    /// computation is kept, but not (on its account) the storage itself.
    fn use_target(&mut self, op: &Operand) {
        let Operand::Value(v) = op else { return };
        let Some(&at) = self.defs.get(v) else { return };
        let ins = self.instr(at);
        if let Some((base, others)) = address_of(ins) {
            self.live[at.0][at.1] = true;
            self.use_target(base);
            for other in others {
                self.use_full(other);
            }
        } else if !allocates(ins) {
            self.mark(at);
        }
    }

    fn propagate(&mut self) {
        while let Some(at) = self.stack.pop() {
            let ins = self.instr(at);
            match store_of(ins) {
                Some((target, values)) => {
                    self.use_target(target);
                    for op in values {
                        self.use_full(op);
                    }
                }
                None => {
                    for op in ins.operands() {
                        self.use_full(op);
                    }
                }
            }
        }
    }

    fn root(&self, op: &Operand) -> Root {
        match op {
            Operand::Global(g) => Root::Global(*g),
            Operand::Value(v) => match self.defs.get(v) {
                Some(&at) => {
                    let ins = self.instr(at);
                    if let Some((base, _)) = address_of(ins) {
                        self.root(base)
                    } else if allocates(ins) {
                        Root::Alloc(at.0, at.1)
                    } else {
                        Root::Unknown
                    }
                }
                None => Root::Unknown,
            },
            _ => Root::Unknown,
        }
    }

    /// Liveness given the globals known to be live.
    fn run(&mut self, live_globals: &HashSet<usize>) {
        for (bi, b) in self.f.blocks.iter().enumerate() {
            for (k, ins) in b.instrs.iter().enumerate() {
                if !droppable(ins) && !self.pure_calls.contains(&(bi, k)) {
                    self.mark((bi, k));
                }
            }
        }
        loop {
            self.propagate();
            let mut changed = false;
            for (bi, b) in self.f.blocks.iter().enumerate() {
                for (k, ins) in b.instrs.iter().enumerate() {
                    if self.live[bi][k] {
                        continue;
                    }
                    let Some((target, _)) = store_of(ins) else {
                        continue;
                    };
                    let keep = match self.root(target) {
                        Root::Global(g) => {
                            live_globals.contains(&g) || self.globals_read.contains(&g)
                        }
                        Root::Alloc(ab, ak) => self.live[ab][ak],
                        Root::Unknown => true,
                    };
                    if keep {
                        self.mark((bi, k));
                        changed = true;
                    }
                }
            }
            if !changed && self.stack.is_empty() {
                break;
            }
        }
    }
}

impl Ctx<'_> {
    /// Whether f is a package initializer (generated last, see module doc).
    pub fn is_package_init(&self, f: FuncId) -> bool {
        self.prog.inits.contains(&f)
    }

    /// Analyses every package initializer against the globals live so far,
    /// requesting what kept code needs. Returns whether anything changed.
    pub fn analyze_inits(&mut self) -> bool {
        let mut changed = false;
        for &f in &self.prog.inits.clone() {
            let fun = &self.prog.functions[f];
            let mut a = Analysis::new(fun);
            for (bi, b) in fun.blocks.iter().enumerate() {
                for (k, ins) in b.instrs.iter().enumerate() {
                    if let Op::Call(Call {
                        callee: Some(Operand::Func(g)),
                        ..
                    }) = &ins.op
                        && self.is_pure(*g)
                    {
                        a.pure_calls.insert((bi, k));
                    }
                }
            }
            a.run(&self.live_globals);
            for g in a.globals_read.iter().copied() {
                changed |= self.live_globals.insert(g);
            }
            // Request what the kept code refers to, so that it is generated
            // (and its own global reads counted) before initializers are.
            for (bi, b) in fun.blocks.iter().enumerate() {
                for (k, ins) in b.instrs.iter().enumerate() {
                    if !a.live[bi][k] {
                        continue;
                    }
                    for op in ins.operands() {
                        if let Operand::Func(g) = op
                            && !self.is_package_init(*g)
                        {
                            self.func(*g);
                        }
                    }
                    if let Op::MakeClosure { func, .. } = ins.op {
                        self.func(func);
                    }
                    if let Op::MakeInterface { x } = &ins.op
                        && let Some(t) = self.operand_type_in(fun, x)
                    {
                        self.descriptor(t);
                    }
                }
            }
            if self.init_live.get(&f) != Some(&a.live) {
                self.init_live.insert(f, a.live);
                changed = true;
            }
        }
        changed
    }
}

impl Ctx<'_> {
    /// Whether calling f has no effect besides its result: it stores only
    /// into memory it allocates itself, and calls only such functions. A
    /// call of it whose result nothing uses can be dropped. (Dropping also
    /// drops any panic the call would raise, as for other dropped code.)
    pub fn is_pure(&mut self, f: FuncId) -> bool {
        if let Some(&p) = self.pure.get(&f) {
            return p;
        }
        // Recursion is assumed impure while being decided.
        self.pure.insert(f, false);
        let fun = &self.prog.functions[f];
        let mut pure = !fun.blocks.is_empty() && fun.import.is_empty();
        let a = Analysis::new(fun);
        'scan: for b in &fun.blocks {
            for ins in &b.instrs {
                let ok = match &ins.op {
                    Op::Store { addr: target, .. } | Op::MapUpdate { map: target, .. } => {
                        matches!(a.root(target), Root::Alloc(..))
                    }
                    Op::Call(c) => match &c.callee {
                        Some(Operand::Func(g)) => {
                            let g = *g;
                            self.is_pure(g)
                        }
                        Some(Operand::Builtin(b)) => matches!(
                            b,
                            Builtin::Len
                                | Builtin::Cap
                                | Builtin::Min
                                | Builtin::Max
                                | Builtin::Real
                                | Builtin::Imag
                                | Builtin::Complex
                        ),
                        _ => false,
                    },
                    Op::Go(_)
                    | Op::Defer(_)
                    | Op::Send { .. }
                    | Op::Select { .. }
                    | Op::Panic { .. }
                    | Op::RunDefers => false,
                    Op::UnOp { op, .. } => *op != UnOp::Recv,
                    _ => true,
                };
                if !ok {
                    pure = false;
                    break 'scan;
                }
            }
        }
        self.pure.insert(f, pure);
        pure
    }

    /// The type of an operand of function f.
    fn operand_type_in(&self, f: &Function, op: &Operand) -> Option<usize> {
        match op {
            Operand::Value(v) => value_type(f, *v),
            Operand::Const(c) => Some(c.t),
            Operand::Global(g) => Some(self.prog.globals[*g].ptr_type),
            Operand::Func(g) => Some(self.prog.functions[*g].sig),
            Operand::Builtin(_) => None,
        }
    }
}

/// The type of value v of a function.
fn value_type(f: &Function, v: usize) -> Option<usize> {
    f.params
        .iter()
        .chain(&f.free_vars)
        .find(|p| p.id == v)
        .map(|p| p.ty)
        .or_else(|| {
            f.blocks
                .iter()
                .flat_map(|b| &b.instrs)
                .find(|i| i.id == v && i.has_value())
                .map(|i| i.t)
        })
}
