//! Function bodies: SSA values to wasm locals, instructions to code, and
//! the control-flow graph to structured control flow (see [`super::cfg`]).

use super::Ctx;
use super::types::Shape;
use crate::analysis::cfg::Cfg;
use crate::emit::module::{BYTES_TYPE, ref_null};
use crate::ir::{
    BinOp, Builtin, Const, ConstValue, FuncId, Function, Instr, Op, Operand, TypeId, UnOp,
};
use std::rc::Rc;
use wasm_encoder::{AbstractHeapType, BlockType, Catch, HeapType, InstructionSink, ValType};

/// wasm (params, results) of a Go function: closures (functions with free
/// variables) take their environment first.
pub fn wasm_signature(cx: &mut Ctx, f: FuncId) -> (Vec<ValType>, Vec<ValType>) {
    let fun = &cx.prog.functions[f];
    let mut params = Vec::new();
    if !fun.free_vars.is_empty() {
        let (clo, _) = cx.closure_types_of_func(f);
        params.push(ref_null(clo));
    }
    let (ps, rs): (Vec<TypeId>, Vec<TypeId>) = (
        fun.params.iter().map(|p| p.ty).collect(),
        fun.results.clone(),
    );
    for p in ps {
        params.extend(cx.slots(p));
    }
    let results = rs.into_iter().flat_map(|r| cx.slots(r)).collect();
    (params, results)
}

/// How branches between blocks are emitted.
enum Layout {
    /// Nested block/loop/if along the dominator tree.
    Structured(Rc<Cfg>),
    /// Set the local holding the next block and jump to the dispatch loop.
    Dispatch(u32),
}

/// An enclosing structured construct, for computing branch depths.
#[derive(Clone, Copy, PartialEq)]
pub enum Frame {
    Loop(usize),
    BlockFollowedBy(usize),
    /// The block around a resumable function's body, left to unwind.
    Unwind,
    Other,
}

pub struct FuncGen<'a, 'p> {
    pub cx: &'a mut Ctx<'p>,
    pub fid: FuncId,
    pub f: &'p Function,
    pub code: Vec<u8>,
    nparams: u32,
    locals: Vec<ValType>,
    /// Locals of each SSA value.
    pub vals: Vec<Vec<u32>>,
    /// Type of each SSA value.
    pub val_types: Vec<TypeId>,
    pub frames: Vec<Frame>,
    /// Local holding the defer chain height on entry (functions with defer).
    pub defer_base: Option<u32>,
    /// Local holding whether recover may succeed (functions calling recover).
    pub recover_armed: Option<u32>,
    /// Free locals by type, for reuse (see `Locals` below).
    pool: std::collections::HashMap<ValType, Vec<u32>>,
    /// Scratch locals taken while emitting the current instruction.
    scratch: Option<Vec<u32>>,
    /// For values used only in their defining block (and not by a phi):
    /// the index of their last use there, so their locals can be reused.
    last_use: Vec<Option<usize>>,
    /// For package initializers: the instructions to emit (see inits.rs).
    keep: Option<super::inits::Live>,
    /// Values that are never nil (allocations, element and field addresses).
    nonnull: Vec<bool>,
    /// Whether range-over-func bodies defer onto this function's frame.
    deferstack: bool,
    /// Blocks ending in an If whose condition is known false (the comma-ok
    /// of an impossible type assertion): the true edge is never taken.
    dead_true: Vec<bool>,
    /// For a function that may block: how it suspends and resumes.
    pub resume: Option<Box<super::resume::Resumable>>,
    /// The block and instruction index being emitted.
    pub cur_block: usize,
    pub cur_instr: usize,
    /// Index instructions whose index is known to be in range (checks.rs).
    pub in_bounds: std::collections::HashSet<usize>,
    /// Per block, values a dominating branch found not nil (checks.rs),
    /// and the pointers whose nil check the block's code has made so far.
    not_nil: Vec<std::collections::HashSet<usize>>,
    /// Immediate dominators of the blocks (checks.rs).
    idom: Vec<usize>,
    /// The map entry a lookup found for an update of the same key later
    /// in the block (maps.rs): the update's index and the locals of the
    /// entry and of the key's hash.
    pub map_entry: Option<(usize, u32, u32)>,
    /// Strings that view a byte slice's bytes (maps.rs `key_only_view`).
    pub string_views: std::collections::HashSet<usize>,
    /// String concatenations deferred into a later one (strings.rs
    /// `defer_concat`): per deferred value, the indexes of the deferred
    /// instructions and the parts so far.
    pub pending_concat: std::collections::HashMap<usize, (Vec<usize>, Vec<Operand>)>,
    /// What this function holds as fields rather than objects (flat.rs).
    pub flat: super::flat::Flat,
    /// (code offset, source line) where each line's code starts.
    lines: Vec<(u32, u32)>,
}

/// Stands in for the Go function of generated helper routines.
fn no_function() -> &'static Function {
    static EMPTY: std::sync::OnceLock<Function> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Function {
        recover: -1,
        implementation: -1,
        ..Function::default()
    })
}

impl<'a, 'p> FuncGen<'a, 'p> {
    /// A generator for a helper routine with `nparams` wasm parameters
    /// (which must match the declared type); `generate` fills in the Go
    /// function's part for a function body.
    pub fn helper(cx: &'a mut Ctx<'p>, nparams: u32) -> FuncGen<'a, 'p> {
        FuncGen {
            cx,
            fid: usize::MAX,
            f: no_function(),
            code: Vec::new(),
            nparams,
            locals: Vec::new(),
            vals: Vec::new(),
            val_types: Vec::new(),
            frames: Vec::new(),
            defer_base: None,
            recover_armed: None,
            pool: Default::default(),
            scratch: None,
            last_use: Vec::new(),
            keep: None,
            nonnull: Vec::new(),
            deferstack: false,
            dead_true: Vec::new(),
            resume: None,
            cur_block: 0,
            cur_instr: 0,
            in_bounds: Default::default(),
            map_entry: None,
            string_views: Default::default(),
            pending_concat: Default::default(),
            not_nil: Vec::new(),
            idom: Vec::new(),
            flat: Default::default(),
            lines: Vec::new(),
        }
    }

    /// Ends a helper body (the value on the stack is returned) and defines
    /// function `idx` with it.
    pub fn finish(mut self, idx: u32) {
        self.ins().end();
        let (body, _) = self.encoded_body();
        self.cx.module.define(idx, body);
    }

    /// The function's body: its locals and its code after the peephole
    /// pass (which moves the line marks along), and the size of the
    /// locals' header (line offsets count from the body's start).
    fn encoded_body(&mut self) -> (wasm_encoder::Function, u32) {
        let mut marks: Vec<u32> = self.lines.iter().map(|&(o, _)| o).collect();
        let code = crate::emit::peephole::peephole(&self.code, &mut marks);
        for (line, m) in self.lines.iter_mut().zip(marks) {
            line.0 = m;
        }
        let mut body = wasm_encoder::Function::new_with_locals_types(self.locals.iter().copied());
        let header = body.byte_len() as u32;
        body.raw(code);
        (body, header)
    }

    pub fn ins(&mut self) -> InstructionSink<'_> {
        InstructionSink::new(&mut self.code)
    }

    /// A fresh local.
    pub fn tmp(&mut self, ty: ValType) -> u32 {
        let l = match self.pool.get_mut(&ty).and_then(|v| v.pop()) {
            Some(l) => l,
            None => {
                self.locals.push(ty);
                self.nparams + self.locals.len() as u32 - 1
            }
        };
        if let Some(s) = &mut self.scratch {
            s.push(l);
        }
        l
    }

    /// A local never shared with other values (fresh locals start zeroed).
    pub fn fresh_local(&mut self, ty: ValType) -> u32 {
        self.locals.push(ty);
        self.nparams + self.locals.len() as u32 - 1
    }

    /// The type of a (non-parameter) local.
    pub fn local_type(&self, l: u32) -> ValType {
        self.locals[(l - self.nparams) as usize]
    }

    /// Returns locals to the pool.
    fn release(&mut self, locals: &[u32]) {
        for &l in locals {
            let ty = self.locals[(l - self.nparams) as usize];
            self.pool.entry(ty).or_default().push(l);
        }
    }

    /// `for i := 0; i < n; i++ { body(i) }` where `n` pushes the i32 bound
    /// (evaluated each iteration). Inside `body`, branch depth 1 leaves the
    /// loop.
    pub fn counted_loop(&mut self, n: impl Fn(&mut Self), body: impl FnOnce(&mut Self, u32)) {
        let i = self.zeroed_i32();
        self.ins()
            .block(BlockType::Empty)
            .loop_(BlockType::Empty)
            .local_get(i);
        n(self);
        self.ins().i32_ge_u().br_if(1);
        body(self, i);
        self.ins()
            .local_get(i)
            .i32_const(1)
            .i32_add()
            .local_set(i)
            .br(0)
            .end()
            .end();
    }

    /// A local set to i32 0 (reused locals are not zero).
    pub fn zeroed_i32(&mut self) -> u32 {
        let l = self.tmp(ValType::I32);
        self.ins().i32_const(0).local_set(l);
        l
    }

    /// Fresh locals for a list of slots.
    pub fn tmps(&mut self, tys: &[ValType]) -> Vec<u32> {
        tys.iter().map(|&t| self.tmp(t)).collect()
    }

    pub fn get_all(&mut self, locals: &[u32]) {
        for &l in locals {
            self.ins().local_get(l);
        }
    }

    /// Pops the top values of the stack into locals (last local on top).
    pub fn set_all(&mut self, locals: &[u32]) {
        for &l in locals.iter().rev() {
            self.ins().local_set(l);
        }
    }

    /// Type of an operand.
    pub fn operand_type(&self, op: &Operand) -> Option<TypeId> {
        match op {
            Operand::Value(v) => Some(self.val_types[*v]),
            Operand::Const(c) => Some(c.t),
            Operand::Global(g) => Some(self.cx.prog.globals[*g].ptr_type),
            Operand::Func(f) => Some(self.cx.prog.functions[*f].sig),
            Operand::Builtin(_) => None,
        }
    }

    /// Pushes an operand's slots.
    pub fn push(&mut self, op: &Operand) {
        match op {
            Operand::Value(v) => {
                let ls = self.vals[*v].clone();
                self.get_all(&ls);
                if let Some(t) = self.flat.value_type(*v) {
                    super::flat::materialize(self, t);
                }
            }
            Operand::Const(c) => self.push_const(c),
            Operand::Global(g) => super::pointers::push_global_address(self, *g),
            Operand::Func(f) => super::calls::push_func_value(self, *f),
            Operand::Builtin(b) => panic!("builtin {b:?} used as a value"),
        }
    }

    fn push_const(&mut self, c: &Const) {
        let shape = self.cx.shape(c.t);
        match &c.value {
            ConstValue::Nil | ConstValue::Zero => self.push_zero(c.t),
            ConstValue::String(bytes) => self.push_string_const(bytes),
            &ConstValue::Complex(re, im) => match shape {
                Shape::C64 => {
                    self.ins()
                        .f32_const((f64::from_bits(re) as f32).into())
                        .f32_const((f64::from_bits(im) as f32).into());
                }
                _ => {
                    self.ins()
                        .f64_const(f64::from_bits(re).into())
                        .f64_const(f64::from_bits(im).into());
                }
            },
            _ => match shape {
                Shape::Bool
                | Shape::Int {
                    bits: 8 | 16 | 32, ..
                } => {
                    self.ins().i32_const(c.bits() as u32 as i32);
                }
                Shape::Int { .. } => {
                    self.ins().i64_const(c.bits() as i64);
                }
                Shape::F32 => {
                    self.ins()
                        .f32_const((f64::from_bits(c.bits()) as f32).into());
                }
                Shape::F64 => {
                    self.ins().f64_const(f64::from_bits(c.bits()).into());
                }
                Shape::C64 => {
                    self.ins()
                        .f32_const((f64::from_bits(c.bits()) as f32).into())
                        .f32_const(0.0f32.into());
                }
                Shape::C128 => {
                    self.ins()
                        .f64_const(f64::from_bits(c.bits()).into())
                        .f64_const(0.0f64.into());
                }
                Shape::UnsafePointer | Shape::PtrFat(_) if c.bits() == 0 => {
                    push_null_eq(&mut self.ins());
                    self.ins().i32_const(0);
                }
                other => {
                    let name = super::display_name(&self.f.name);
                    self.cx.error(format!(
                        "{}: {name}: constant {:#x} of shape {other:?} (an address) is not supported",
                        self.f.pos,
                        c.bits()
                    ));
                    for slot in self.cx.slots(c.t) {
                        push_default(&mut self.ins(), slot);
                    }
                }
            },
        }
    }

    pub fn push_string_const(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            self.ins()
                .ref_null(HeapType::Concrete(BYTES_TYPE))
                .i32_const(0)
                .i32_const(0);
            return;
        }
        let off = self.cx.string_const(bytes);
        let pool = self.cx.string_pool_global;
        self.ins()
            .global_get(pool)
            .i32_const(off as i32)
            .i32_const(bytes.len() as i32);
    }

    /// Pushes the zero value of a type.
    pub fn push_zero(&mut self, t: TypeId) {
        match self.cx.shape(t) {
            Shape::Struct(_) | Shape::Array(..) => {
                let z = super::helpers::zero_func(self.cx, t);
                self.ins().call(z);
            }
            _ => {
                let slots = self.cx.slots(t);
                for s in slots {
                    push_default(&mut self.ins(), s);
                }
            }
        }
    }

    /// Branch depth to the frame matching `target`.
    pub fn depth(&self, target: Frame) -> u32 {
        let pos = self
            .frames
            .iter()
            .rposition(|&f| f == target)
            .expect("branch target frame");
        (self.frames.len() - 1 - pos) as u32
    }

    pub fn result_locals(&self, ins: &Instr) -> Vec<u32> {
        self.vals[ins.id].clone()
    }

    /// Pops a value into an instruction's result locals.
    pub fn set_result(&mut self, ins: &Instr) {
        let ls = self.result_locals(ins);
        self.set_all(&ls);
    }

    /// Calls a runtime function by name.
    pub fn call_runtime(&mut self, name: &str) {
        let f = self.cx.runtime_func(name);
        self.ins().call(f);
    }

    /// Pushes a pointer operand (one reference, or a fat pointer), checking
    /// it is not nil unless it cannot be.
    pub fn push_pointer(&mut self, op: &Operand) {
        self.push(op);
        let known = match op {
            Operand::Global(_) => true,
            Operand::Value(v) => {
                let known =
                    self.nonnull.get(*v).copied().unwrap_or(false) || self.found_not_nil(*v);
                // Block code runs in order and a failed check panics, so
                // the rest of the block and the blocks it dominates need
                // no check of v.
                if let Some(s) = self.not_nil.get_mut(self.cur_block) {
                    s.insert(*v);
                }
                known
            }
            _ => false,
        };
        if known {
            return;
        }
        let slots = self.cx.slots(self.operand_type(op).expect("typed pointer"));
        if slots.len() == 1 {
            self.nil_check_top(slots[0]);
        } else {
            let idx = self.tmp(ValType::I32);
            self.ins().local_set(idx);
            self.nil_check_top(slots[0]);
            self.ins().local_get(idx);
        }
    }

    /// Whether v is known not nil in the current block or a block
    /// dominating it.
    fn found_not_nil(&self, v: usize) -> bool {
        let mut b = self.cur_block;
        while let Some(known) = self.not_nil.get(b) {
            if known.contains(&v) {
                return true;
            }
            match self.idom.get(b) {
                Some(&d) if d != b => b = d,
                _ => return false,
            }
        }
        false
    }

    /// Emits a nil check of the reference on top of the stack (kept).
    pub fn nil_check_top(&mut self, ty: ValType) {
        let t = self.tmp(ty);
        self.ins().local_tee(t).ref_is_null().if_(BlockType::Empty);
        self.call_runtime("panicmem");
        self.ins().unreachable().end().local_get(t);
    }
}

/// Pushes the default value of a slot type.
pub fn push_default(ins: &mut InstructionSink, t: ValType) {
    match t {
        ValType::I32 => {
            ins.i32_const(0);
        }
        ValType::I64 => {
            ins.i64_const(0);
        }
        ValType::F32 => {
            ins.f32_const(0.0f32.into());
        }
        ValType::F64 => {
            ins.f64_const(0.0f64.into());
        }
        ValType::V128 => {
            ins.v128_const(0);
        }
        ValType::Ref(r) => {
            ins.ref_null(r.heap_type);
        }
    }
}

/// Generates the body of Go function f.
pub fn generate(cx: &mut Ctx, fid: FuncId) {
    let f = &cx.prog.functions[fid];
    if !f.import.is_empty() {
        super::calls::define_import_wrapper(cx, fid);
        return;
    }
    if super::goroutines::is_intrinsic(&f.name) {
        super::goroutines::define_intrinsic(cx, fid);
        return;
    }
    if super::calls::is_intrinsic(&f.name) {
        super::calls::define_intrinsic_body(cx, fid);
        return;
    }
    if matches!(
        f.name.as_str(),
        "reflect.New" | "reflect.PointerTo" | "(reflect.Value).Addr"
    ) {
        cx.enable_reflect_pointers();
    }
    if f.blocks.is_empty() {
        cx.error(format!(
            "{}: missing function body for {}",
            if f.pos.is_empty() { "gowasm" } else { &f.pos },
            super::display_name(&f.name)
        ));
        let idx = cx.body_index(fid);
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().unreachable().end();
        cx.module.define(idx, body);
        return;
    }
    let (wparams, _) = wasm_signature(cx, fid);
    let keep = cx.init_live.get(&fid).cloned();
    let mut g = FuncGen::helper(cx, wparams.len() as u32);
    g.fid = fid;
    g.f = f;
    g.vals = vec![Vec::new(); f.num_values];
    g.val_types = vec![0; f.num_values];
    g.keep = keep;
    g.nonnull = vec![false; f.num_values];
    g.dead_true = vec![false; f.blocks.len()];
    g.prologue();
    let resumable = g.cx.blocking.funcs[fid];
    if resumable {
        g.begin_resumable();
        g.ins().block(BlockType::Empty);
        g.frames.push(Frame::Unwind);
    }
    let has_handler = f.recover >= 0;
    if has_handler {
        g.ins().block(BlockType::Empty);
        g.frames.push(Frame::Other);
        g.rewind_to_handler(0);
        let tag = g.cx.panic_tag;
        g.ins()
            .try_table(BlockType::Empty, [Catch::One { tag, label: 0 }]);
        g.frames.push(Frame::Other);
        g.emit_region(0);
        g.ins().unreachable().end();
        g.frames.pop();
        g.ins().end();
        g.frames.pop();
        // A panic reached this frame: run the deferred calls, then either
        // resume at the recovery block or keep unwinding. A deferred call
        // that panics anew is caught here too, and the remaining deferred
        // calls then run for the new panic.
        let base = g.defer_base.expect("defer base");
        let recovered = g.tmp(ValType::I32);
        g.ins()
            .block(BlockType::Empty)
            .loop_(BlockType::Empty)
            .block(BlockType::Empty)
            .try_table(BlockType::Empty, [Catch::One { tag, label: 0 }])
            .local_get(base);
        g.frames.extend([Frame::Other; 4]);
        g.call_runtime("panicHandler");
        if let Some(h) = g.resume.as_ref().and_then(|r| r.plan.handler_site) {
            g.unwind_check(h);
        }
        g.frames.truncate(g.frames.len() - 4);
        g.ins().local_set(recovered).br(3).end().unreachable().end();
        // Caught: a deferred call panicked anew (see panicAborted).
        g.call_runtime("panicAborted");
        g.ins()
            .br(0)
            .end()
            .end()
            .local_get(recovered)
            .if_(BlockType::Empty);
        g.frames.push(Frame::Other);
        let rb = f.recover as usize;
        g.emit_region(rb);
        g.frames.pop();
        g.ins().end().throw(tag);
    } else {
        g.emit_region(0);
    }
    g.ins().unreachable();
    if resumable {
        g.ins().end();
        g.frames.pop();
        let (_, results) = wasm_signature(g.cx, fid);
        g.unwind_exit(&results);
    }
    g.ins().end();
    let idx = g.cx.body_index(fid);
    let (body, header) = g.encoded_body();
    if let Some(lines) = &mut g.cx.lines
        && !f.go_name.is_empty()
    {
        lines.insert(
            idx,
            host_abi::lines::FuncLines {
                func: idx,
                name: f.go_name.clone(),
                file: f.file.clone(),
                // The entry (offset 0, reflect's Pointer of a func) is at
                // the declaration's line, as gc's FileLine of an entry.
                entries: decl_line(&f.pos)
                    .map(|l| (0, l))
                    .into_iter()
                    .chain(g.lines.iter().map(|&(o, l)| (o + header, l)))
                    .collect(),
            },
        );
    }
    if g.cx.module.is_defined(idx) {
        g.cx.module.redefine(idx, body);
    } else {
        g.cx.module.define(idx, body);
    }
}

/// The line of a function's position (`file:line:column`).
fn decl_line(pos: &str) -> Option<u32> {
    pos.rsplit(':').nth(1)?.parse().ok()
}

impl<'a, 'p> FuncGen<'a, 'p> {
    /// Notes that the code from here on is for source line `line` (0:
    /// unknown, the previous line goes on).
    fn mark_line(&mut self, line: u32) {
        if line != 0 && self.lines.last().is_none_or(|&(_, l)| l != line) {
            self.lines.push((self.code.len() as u32, line));
        }
    }

    fn prologue(&mut self) {
        let f = self.f;
        // Parameters occupy the first wasm locals.
        let mut next = 0u32;
        if !f.free_vars.is_empty() {
            next = 1;
        }
        for p in &f.params {
            let n = self.cx.slots(p.ty).len() as u32;
            self.vals[p.id] = (next..next + n).collect();
            self.val_types[p.id] = p.ty;
            next += n;
        }
        for fv in &f.free_vars {
            self.val_types[fv.id] = fv.ty;
            let slots = self.cx.slots(fv.ty);
            self.vals[fv.id] = self.tmps(&slots);
        }
        self.last_use = block_local_last_uses(f);
        let known = &self.cx.checks[self.fid];
        (self.in_bounds, self.not_nil, self.idom) = (
            known.in_bounds.clone(),
            known.not_nil.clone(),
            known.idom.clone(),
        );
        self.find_dead_edges();
        self.flat = super::flat::plan(self);
        for ins in f.blocks.iter().flat_map(|b| &b.instrs) {
            if matches!(
                ins.op,
                Op::Alloc { .. }
                    | Op::IndexAddr { .. }
                    | Op::FieldAddr { .. }
                    | Op::MakeClosure { .. }
                    | Op::MakeMap { .. }
            ) {
                self.nonnull[ins.id] = true;
            }
        }
        for b in &f.blocks {
            for ins in &b.instrs {
                if ins.has_value() {
                    self.val_types[ins.id] = ins.t;
                    if self.last_use[ins.id].is_none() {
                        let slots = self.value_slots(ins);
                        self.vals[ins.id] = self.tmps(&slots);
                    }
                }
            }
        }
        if !f.free_vars.is_empty() {
            super::calls::load_free_vars(self);
        }
        if self.cx.recovers[self.fid] {
            let l = self.tmp(ValType::I32);
            self.call_runtime("takeRecoverArmed");
            self.ins().local_set(l);
            self.recover_armed = Some(l);
        } else if self.cx.disarms[self.fid] {
            self.call_runtime("disarmRecover");
        }
        // Defers of range-over-func loop bodies land on this function's
        // part of the chain too (ssa:deferstack). x/tools drops RunDefers
        // from functions without a defer statement of their own, so such a
        // function runs its defers at every return (see block_code).
        self.deferstack = f.blocks.iter().flat_map(|b| &b.instrs).any(|i| {
            i.op.call()
                .is_some_and(|c| matches!(c.callee, Some(Operand::Builtin(Builtin::DeferStack))))
        });
        let has_defer = self.deferstack
            || f.blocks
                .iter()
                .flat_map(|b| &b.instrs)
                .any(|i| matches!(i.op, Op::Defer(_)));
        if has_defer || f.recover >= 0 {
            let defer_ptr = self.cx.runtime_type("_defer");
            let slot = ref_null(self.cx.object_type(defer_ptr));
            let l = self.tmp(slot);
            self.call_runtime("deferBase");
            self.ins().local_set(l);
            self.defer_base = Some(l);
        }
    }

    /// Marks Ifs on the comma-ok result of assertions that cannot succeed,
    /// so the code behind them (a type switch case on a type nothing puts
    /// in an interface) is not generated.
    fn find_dead_edges(&mut self) {
        let f = self.f;
        let defs: std::collections::HashMap<usize, &Instr> = f
            .blocks
            .iter()
            .flat_map(|b| &b.instrs)
            .filter(|i| i.has_value())
            .map(|i| (i.id, i))
            .collect();
        for (bi, b) in f.blocks.iter().enumerate() {
            let Some(last) = b.instrs.last() else {
                continue;
            };
            let Op::If {
                cond: Operand::Value(c),
            } = &last.op
            else {
                continue;
            };
            let Some(ext) = defs.get(c) else { continue };
            if self.known_false_call(ext) || self.impossible_kind_test(ext, &defs) {
                self.dead_true[bi] = true;
                continue;
            }
            let Op::Extract {
                tuple: Operand::Value(a),
                index: 1,
            } = &ext.op
            else {
                continue;
            };
            if defs
                .get(a)
                .is_some_and(|ta| self.cx.impossible_assertion(ta))
            {
                self.dead_true[bi] = true;
            }
        }
    }

    /// `runtime.kindReachable(k)` with a constant k that nothing reaches,
    /// or `runtime.callersRecorded()` in a module without a line table.
    fn known_false_call(&self, ins: &Instr) -> bool {
        let Op::Call(c) = &ins.op else { return false };
        let Some(Operand::Func(f)) = &c.callee else {
            return false;
        };
        match (self.cx.prog.functions[*f].name.as_str(), c.args.first()) {
            ("runtime.kindReachable", Some(Operand::Const(k))) => {
                self.cx.reachable_kinds() & (1 << k.bits()) == 0
            }
            ("runtime.callersRecorded", _) => self.cx.lines.is_none(),
            _ => false,
        }
    }

    /// `k == K` on the result k of reflect's `Kind()` (Value's, or
    /// Type's through the interface) where no value of kind K can exist:
    /// reflection yields values of the types the program puts in
    /// interfaces and of their elements, fields, parameters and results,
    /// all of them in `interface_types` (the front end's describedTypes).
    /// fmt's printValue then leaves out its float and complex cases, and
    /// with them strconv's float formatting. The zero Value's Invalid,
    /// pointers (reflect.New) and interfaces always count.
    fn impossible_kind_test(
        &self,
        ins: &Instr,
        defs: &std::collections::HashMap<usize, &Instr>,
    ) -> bool {
        let Op::BinOp {
            op: BinOp::Eql,
            x,
            y,
        } = &ins.op
        else {
            return false;
        };
        let ((Operand::Value(k), Operand::Const(kind)) | (Operand::Const(kind), Operand::Value(k))) =
            (x, y)
        else {
            return false;
        };
        let Some(Op::Call(call)) = defs.get(k).map(|d| &d.op) else {
            return false;
        };
        let is_kind = match (&call.callee, &call.method, &call.recv) {
            (Some(Operand::Func(f)), ..) => matches!(
                self.cx.prog.functions[*f].name.as_str(),
                "(reflect.Value).Kind" | "(*reflect.rtype).Kind"
            ),
            (_, Some(m), Some(recv)) => {
                m.name == "Kind"
                    && self
                        .operand_type(recv)
                        .is_some_and(|t| self.cx.prog.types[t].str == "reflect.Type")
            }
            _ => false,
        };
        let kind = kind.bits();
        is_kind
            && kind < 32
            && !matches!(kind, 0 | 20 | 22)
            && self.cx.reachable_kinds() & (1 << kind) == 0
    }

    /// Code for the blocks reachable from `root`: structured when the
    /// graph is reducible, else a dispatch loop.
    fn emit_region(&mut self, root: usize) {
        let blocks = &self.f.blocks;
        let mut succs: Vec<Vec<usize>> = blocks.iter().map(|b| b.succs.clone()).collect();
        let mut preds: Vec<Vec<usize>> = blocks.iter().map(|b| b.preds.clone()).collect();
        for (b, dead) in self.dead_true.iter().enumerate() {
            if *dead {
                let t = succs[b].remove(0);
                if let Some(p) = preds[t].iter().position(|&p| p == b) {
                    preds[t].remove(p);
                }
            }
        }
        let site_blocks = match &self.resume {
            Some(r) if root == 0 => Some(r.plan.site_blocks.clone()),
            _ => None,
        };
        if let Some(site_blocks) = site_blocks {
            match super::resume::routes(&succs, &preds, root, &site_blocks) {
                Some((cfg, routes)) => {
                    self.resume.as_mut().unwrap().routes = routes;
                    self.do_tree(&Rc::new(cfg), root);
                }
                None => self.dispatch(root),
            }
            return;
        }
        match Cfg::new(&succs, &preds, root) {
            Ok(cfg) => self.do_tree(&Rc::new(cfg), root),
            Err(_) => self.dispatch(root),
        }
    }

    /// Irreducible control flow (possible with goto): a loop around a
    /// `br_table` on the index of the next block to run.
    fn dispatch(&mut self, root: usize) {
        let next = self.tmp(ValType::I32);
        let n = self.f.blocks.len() as u32;
        self.ins().i32_const(root as i32).local_set(next);
        if root == 0 {
            self.rewind_dispatch(next);
        }
        self.ins().loop_(BlockType::Empty);
        self.frames.push(Frame::Loop(usize::MAX));
        for _ in 0..=n {
            self.ins().block(BlockType::Empty);
            self.frames.push(Frame::Other);
        }
        self.ins().local_get(next).br_table(0..n, n).end();
        self.frames.pop();
        let layout = Layout::Dispatch(next);
        for b in 0..n as usize {
            self.block_code(&layout, b);
            self.ins().end();
            self.frames.pop();
        }
        self.ins().unreachable().end();
        self.frames.pop();
    }

    /// Ramsey's doTree: code for the dominator subtree rooted at x.
    fn do_tree(&mut self, cfg: &Rc<Cfg>, x: usize) {
        let merges = cfg.merge_children(x);
        if cfg.loop_header[x] {
            self.ins().loop_(BlockType::Empty);
            self.frames.push(Frame::Loop(x));
            self.node_within(cfg, x, &merges);
            self.frames.pop();
            self.ins().end();
        } else {
            self.node_within(cfg, x, &merges);
        }
    }

    fn node_within(&mut self, cfg: &Rc<Cfg>, x: usize, merges: &[usize]) {
        if let Some((&y, rest)) = merges.split_first() {
            self.ins().block(BlockType::Empty);
            self.frames.push(Frame::BlockFollowedBy(y));
            self.node_within(cfg, x, rest);
            self.frames.pop();
            self.ins().end();
            self.do_tree(cfg, y);
            return;
        }
        self.block_code(&Layout::Structured(cfg.clone()), x);
    }

    /// A block's instructions and terminator.
    fn block_code(&mut self, layout: &Layout, x: usize) {
        let block = &self.f.blocks[x];
        let (last, body) = block.instrs.split_last().expect("empty block");
        self.cur_block = x;
        if matches!(layout, Layout::Structured(_)) {
            self.rewind_branches(x);
        }
        let mut k = 0;
        while k < body.len() {
            let ins = &body[k];
            self.cur_instr = k;
            self.mark_line(ins.line);
            let dropped = self.keep.as_ref().is_some_and(|keep| !keep[x][k]);
            if matches!(ins.op, Op::Phi { .. }) || dropped {
                k += 1;
                continue;
            }
            let peepholes = [
                super::pointers::constant_stores,
                super::pointers::constant_elems,
                super::pointers::direct_access,
                super::pointers::alloc_copy,
                super::pointers::copy_store,
                super::slices::append_values,
                super::strings::defer_concat,
            ];
            // Peepholes take up to three instructions (or runs of stores
            // to one object, all involved or none).
            let stored = if body[k..body.len().min(k + 3)]
                .iter()
                .any(|i| self.flat.involves(i))
            {
                0
            } else {
                peepholes
                    .iter()
                    .map(|peephole| peephole(self, body, k))
                    .find(|&n| n > 0)
                    .unwrap_or(0)
            };
            if stored > 0 {
                k += stored;
                continue;
            }
            self.instr_at(k, ins);
            if let Some(r) = self.resume.as_mut()
                && k == 0
                && r.plan.site_of_block[x] != 0
            {
                assert!(
                    std::mem::take(&mut r.checked),
                    "internal error: {}: {} may block but was emitted without a suspension check",
                    self.f.name,
                    ins.op.name()
                );
            }
            k += 1;
        }
        self.cur_instr = usize::MAX;
        self.mark_line(last.line);
        match &last.op {
            Op::Jump => self.do_branch(layout, x, block.succs[0]),
            Op::If { .. } if self.dead_true.get(x).copied().unwrap_or(false) => {
                self.do_branch(layout, x, block.succs[1]);
            }
            Op::If { cond } => {
                self.push(cond);
                self.ins().if_(BlockType::Empty);
                self.frames.push(Frame::Other);
                self.do_branch(layout, x, block.succs[0]);
                self.ins().else_();
                self.do_branch(layout, x, block.succs[1]);
                self.frames.pop();
                self.ins().end();
            }
            Op::Return { results } => {
                let own_defers = body.iter().any(|i| matches!(i.op, Op::RunDefers));
                if self.deferstack && !own_defers {
                    super::defer::run_defers(self);
                }
                let flat_results = self.cx.flat_funcs.contains_key(&self.fid);
                for (a, &t) in results.iter().zip(&self.f.results) {
                    if flat_results && self.cx.flat_fields(t).is_some() {
                        super::flat::push_fields(self, a, t);
                    } else {
                        self.push(a);
                    }
                }
                self.ins().return_();
            }
            Op::Panic { x } => {
                self.push(x);
                self.call_runtime("gopanic");
                self.ins().unreachable();
            }
            other => panic!("unexpected terminator {}", other.name()),
        }
    }

    fn do_branch(&mut self, layout: &Layout, from: usize, to: usize) {
        self.phi_moves(from, to);
        let cfg = match layout {
            Layout::Structured(cfg) => cfg,
            Layout::Dispatch(next) => {
                let d = self.depth(Frame::Loop(usize::MAX));
                self.ins().i32_const(to as i32).local_set(*next).br(d);
                return;
            }
        };
        if cfg.is_backward(from, to) {
            let d = self.depth(Frame::Loop(to));
            self.ins().br(d);
        } else if cfg.merge[to] {
            let d = self.depth(Frame::BlockFollowedBy(to));
            self.ins().br(d);
        } else {
            self.do_tree(cfg, to);
        }
    }

    /// Assigns the phis of `to` for the edge from `from`: all incoming
    /// values are pushed before any is stored (a parallel copy).
    fn phi_moves(&mut self, from: usize, to: usize) {
        let target = &self.f.blocks[to];
        let Some(pred) = target.preds.iter().position(|&p| p == from) else {
            return;
        };
        let phis: Vec<(&Instr, &Operand)> = target
            .instrs
            .iter()
            .filter_map(|i| match &i.op {
                Op::Phi { edges } => Some((i, &edges[pred])),
                _ => None,
            })
            .collect();
        for (_, edge) in &phis {
            self.push(edge);
        }
        for (phi, _) in phis.iter().rev() {
            self.set_result(phi);
        }
    }

    /// For a value used only in the block defining it, the index of its
    /// last use there.
    pub fn block_local_last_use(&self, v: usize) -> Option<usize> {
        self.last_use.get(v).copied().flatten()
    }

    /// Whether value v (defined in the block being emitted) is used only by
    /// the instruction at index k of that block.
    pub fn used_only_at(&self, v: usize, k: usize) -> bool {
        self.block_local_last_use(v) == Some(k)
    }

    /// Emits instruction k of its block, with its block-local values'
    /// locals taken from and returned to the pool.
    fn instr_at(&mut self, k: usize, ins: &Instr) {
        self.alloc_result(ins);
        self.scratch = Some(Vec::new());
        self.instr(ins);
        self.end_scratch();
        self.release_after(ins, k);
    }

    /// Takes locals for an instruction's value when it is local to its
    /// block (others have theirs from the prologue).
    pub fn alloc_result(&mut self, ins: &Instr) {
        if ins.has_value() && self.last_use[ins.id].is_some() {
            let slots = self.value_slots(ins);
            self.vals[ins.id] = self.tmps(&slots);
        }
    }

    /// The slots of an instruction's value.
    fn value_slots(&mut self, ins: &Instr) -> Vec<ValType> {
        match self.flat.value_slots(self.cx, ins) {
            Some(slots) => slots,
            None => self.cx.slots(ins.t),
        }
    }

    /// Starts collecting scratch locals (returned by `end_scratch`).
    pub fn begin_scratch(&mut self) {
        self.scratch = Some(Vec::new());
    }

    pub fn end_scratch(&mut self) {
        let scratch = self.scratch.take().unwrap_or_default();
        self.release(&scratch);
    }

    /// Returns the locals of values whose last use is instruction k (and
    /// of the instruction's own value when unused).
    pub fn release_after(&mut self, ins: &Instr, k: usize) {
        let mut done: Vec<usize> = ins
            .operands()
            .into_iter()
            .filter_map(|op| match op {
                Operand::Value(v) if self.last_use[*v] == Some(k) => Some(*v),
                _ => None,
            })
            .collect();
        if ins.has_value() && self.last_use[ins.id] == Some(k) {
            done.push(ins.id);
        }
        done.sort();
        done.dedup();
        for v in done {
            let ls = std::mem::take(&mut self.vals[v]);
            self.release(&ls);
        }
    }

    fn instr(&mut self, ins: &Instr) {
        if super::flat::instr(self, ins) {
            return;
        }
        match &ins.op {
            Op::Alloc { heap } => super::pointers::alloc(self, ins, *heap),
            Op::Call(c) => super::calls::call(self, ins, c),
            Op::BinOp { op, x, y } => super::arith::binop(self, ins, *op, x, y),
            Op::UnOp {
                op: UnOp::Deref, x, ..
            } => super::pointers::load(self, ins, x),
            Op::UnOp {
                op: UnOp::Recv,
                x,
                comma_ok,
            } => super::channels::recv(self, ins, x, *comma_ok),
            Op::UnOp { op, x, .. } => super::arith::unop(self, ins, *op, x),
            Op::ChangeType { x } | Op::ChangeInterface { x } => {
                self.push(x);
                self.set_result(ins);
            }
            Op::Convert { x } => super::arith::convert(self, ins, x),
            Op::SliceToArrayPointer { x } => super::slices::slice_to_array_pointer(self, ins, x),
            Op::MakeInterface { x } => super::interfaces::make_interface(self, ins, x),
            Op::MakeClosure { func, bindings } => {
                super::calls::make_closure(self, ins, *func, bindings)
            }
            Op::MakeMap { reserve } => super::maps::make_map(self, ins, reserve.as_ref()),
            Op::MakeSlice { len, cap } => super::slices::make_slice(self, ins, len, cap),
            Op::Slice { .. } => super::slices::slice(self, ins),
            Op::FieldAddr { x, field } => super::pointers::field_addr(self, ins, x, *field),
            Op::Field { x, field } => super::pointers::field(self, ins, x, *field),
            Op::IndexAddr { x, index } => super::pointers::index_addr(self, ins, x, index),
            Op::Index { x, index } | Op::Lookup { x, index, .. }
                if matches!(self.cx.shape(self.operand_type(x).unwrap()), Shape::String) =>
            {
                super::strings::index(self, ins, x, index)
            }
            Op::Index { x, index } => super::pointers::index(self, ins, x, index),
            Op::Lookup { x, index, comma_ok } => {
                super::maps::lookup(self, ins, x, index, *comma_ok)
            }
            Op::Range { x } => super::maps::range(self, ins, x),
            Op::Next { iter, is_string } => super::maps::next(self, ins, iter, *is_string),
            Op::TypeAssert {
                x,
                asserted,
                comma_ok,
            } => super::interfaces::type_assert(self, ins, x, *asserted, *comma_ok),
            Op::Extract { tuple, index } => {
                let Shape::Tuple(elems) = self.cx.shape(self.operand_type(tuple).unwrap()) else {
                    panic!("Extract from non-tuple")
                };
                let Operand::Value(v) = tuple else {
                    panic!("Extract from non-value")
                };
                let mut start = 0;
                for &e in &elems[..*index] {
                    start += self.flat.tuple_elem_slots(self.cx, *v, e);
                }
                let n = self.flat.tuple_elem_slots(self.cx, *v, elems[*index]);
                let src: Vec<u32> = self.vals[*v][start..start + n].to_vec();
                self.get_all(&src);
                self.set_result(ins);
            }
            Op::Store { addr, val } => super::pointers::store(self, addr, val),
            Op::MapUpdate { map, key, value } => super::maps::update(self, map, key, value),
            Op::Defer(c) => super::defer::defer(self, c),
            Op::RunDefers => super::defer::run_defers(self),
            Op::Go(c) => super::goroutines::go(self, c),
            Op::MakeChan { size } => super::channels::make_chan(self, ins, size),
            Op::Send { chan, x } => super::channels::send(self, chan, x),
            Op::Select { states, blocking } => {
                super::channels::select(self, ins, states, *blocking)
            }
            Op::Phi { .. } | Op::Jump | Op::If { .. } | Op::Return { .. } | Op::Panic { .. } => {
                unreachable!("{} is handled with its block", ins.op.name())
            }
        }
    }

    pub fn unsupported(&mut self, ins: &Instr, what: &str) {
        let pos = if ins.pos.is_empty() {
            self.f.pos.clone()
        } else {
            ins.pos.clone()
        };
        self.cx.error(format!(
            "{pos}: {} uses {what}, which gowasm does not support yet",
            super::display_name(&self.f.name)
        ));
        self.ins().unreachable();
    }
}

/// `(ref null eq)` null: the nil fat pointer base.
pub fn push_null_eq(ins: &mut InstructionSink) {
    ins.ref_null(HeapType::Abstract {
        shared: false,
        ty: AbstractHeapType::Eq,
    });
}

/// For each value used only in the block defining it (never by a phi, never
/// by a terminator), the index of its last use in that block (its own index
/// when unused). Other values (and non-instruction values) map to None.
fn block_local_last_uses(f: &Function) -> Vec<Option<usize>> {
    let mut def_block = vec![usize::MAX; f.num_values];
    let mut last: Vec<Option<usize>> = vec![None; f.num_values];
    let mut nonlocal = vec![true; f.num_values];
    for (bi, b) in f.blocks.iter().enumerate() {
        for (k, ins) in b.instrs.iter().enumerate() {
            if ins.has_value() && !matches!(ins.op, Op::Phi { .. }) {
                def_block[ins.id] = bi;
                nonlocal[ins.id] = false;
                last[ins.id] = Some(k);
            }
        }
    }
    for (bi, b) in f.blocks.iter().enumerate() {
        let n = b.instrs.len();
        for (k, ins) in b.instrs.iter().enumerate() {
            let terminator = k + 1 == n;
            for op in ins.operands() {
                if let Operand::Value(v) = op {
                    let v = *v;
                    if matches!(ins.op, Op::Phi { .. }) || terminator || def_block[v] != bi {
                        nonlocal[v] = true;
                    } else if last[v].is_some_and(|l| l < k) {
                        last[v] = Some(k);
                    }
                }
            }
        }
    }
    last.into_iter()
        .zip(nonlocal)
        .map(|(l, nl)| if nl { None } else { l })
        .collect()
}
