//! Small struct values as their fields, without an object.
//!
//! A struct value is a GC object (types.rs), so a function returning one
//! allocates per call even when its caller only copies the value into
//! memory (json_parse's `lexer.next() (token, error)`, once per token).
//! Here a struct type is *flat* when it has fields, none of them a struct
//! or an array, in at most `MAX_SLOTS` slots, and:
//!
//! * a function that returns a flat struct and cannot block has a second
//!   entry point returning the struct's fields; direct calls from
//!   functions that cannot block use it, and the function's ordinary index
//!   (function values, method tables, every other caller) is a wrapper
//!   that makes the object;
//! * a local struct variable (an Alloc that does not escape) whose address
//!   is used only to load and store its fields, or all of it, lives in
//!   locals;
//! * a flat value (such a call's result, a load of such a variable, a
//!   load from memory only stored, returned or read field by field) stays
//!   fields for a return, a store into memory (field stores) and a field
//!   read; any other use makes an object of it (`FuncGen::push`).

use super::Ctx;
use super::func::FuncGen;
use super::types::Shape;
use crate::analysis::flat::FlatTypes;
use crate::emit::module::ref_null;
use crate::ir::{FuncId, Instr, Op, Operand, TypeId, UnOp, ValueId};
use std::collections::{HashMap, HashSet};
use wasm_encoder::ValType;

/// The most slots a flat struct has (a string is three, an interface two).
const MAX_SLOTS: usize = 8;

/// What one function holds as fields (see the module comment).
#[derive(Default)]
pub struct Flat {
    /// Local variables held in locals: Alloc → its locals.
    vars: HashMap<ValueId, Vec<u32>>,
    /// Field addresses of those variables: FieldAddr → (variable, field).
    field_addrs: HashMap<ValueId, (ValueId, usize)>,
    /// Struct values held as their fields, with their struct type.
    values: HashMap<ValueId, TypeId>,
    /// Calls made through the fields-returning entry point.
    calls: HashSet<ValueId>,
}

impl Ctx<'_> {
    /// The slots of a flat struct type's fields, in order (asked for
    /// every value and return of a function: kept per type).
    pub fn flat_fields(&mut self, t: TypeId) -> Option<Vec<ValType>> {
        if let Some(known) = self.flat_fields.get(&t) {
            return known.clone();
        }
        let slots = self.find_flat_fields(t);
        self.flat_fields.insert(t, slots.clone());
        slots
    }

    fn find_flat_fields(&mut self, t: TypeId) -> Option<Vec<ValType>> {
        let Shape::Struct(u) = self.shape(t) else {
            return None;
        };
        let fields: Vec<TypeId> = self.prog.types[u].fields().iter().map(|f| f.ty).collect();
        if fields.is_empty() {
            return None;
        }
        let mut slots = Vec::new();
        for ft in fields {
            if matches!(
                self.shape(ft),
                Shape::Struct(_) | Shape::Array(..) | Shape::Tuple(_)
            ) {
                return None;
            }
            slots.extend(self.slots(ft));
        }
        (slots.len() <= MAX_SLOTS).then_some(slots)
    }

    /// Whether function f returns flat structs as their fields.
    pub fn returns_flat(&mut self, f: FuncId) -> bool {
        let fun = &self.prog.functions[f];
        if fun.blocks.is_empty()
            || !fun.import.is_empty()
            || self.blocking.funcs[f]
            || super::calls::is_intrinsic(&fun.name)
        {
            return false;
        }
        let results = fun.results.clone();
        results.into_iter().any(|r| self.flat_fields(r).is_some())
    }

    /// The result slots of f's fields-returning entry point.
    fn flat_result_slots(&mut self, f: FuncId) -> Vec<ValType> {
        let results = self.prog.functions[f].results.clone();
        results
            .into_iter()
            .flat_map(|r| self.flat_fields(r).unwrap_or_else(|| self.slots(r)))
            .collect()
    }

    /// Declares f's fields-returning entry point beside `object_entry`
    /// (f's ordinary index), which becomes a wrapper calling it.
    pub fn declare_flat_entry(&mut self, f: FuncId, object_entry: u32, params: Vec<ValType>) {
        let results = self.flat_result_slots(f);
        let ty = self.module.func_type(params.clone(), results.clone());
        let name = super::display_name(&self.prog.functions[f].name);
        let flat = self.module.declare_func(ty, name);
        self.flat_funcs.insert(f, flat);
        let mut g = FuncGen::helper(self, params.len() as u32);
        for p in 0..params.len() as u32 {
            g.ins().local_get(p);
        }
        g.ins().call(flat);
        let ls = g.tmps(&results);
        g.set_all(&ls);
        let mut next = 0;
        for r in g.cx.prog.functions[f].results.clone() {
            let (n, flat) = match g.cx.flat_fields(r) {
                Some(s) => (s.len(), true),
                None => (g.cx.slots(r).len(), false),
            };
            g.get_all(&ls[next..next + n]);
            if flat {
                materialize(&mut g, r);
            }
            next += n;
        }
        g.finish(object_entry);
    }

    /// The index a function's body is generated into.
    pub fn body_index(&self, f: FuncId) -> u32 {
        self.flat_funcs.get(&f).copied().unwrap_or(self.funcs[&f])
    }
}

/// Decides what function `g.f` holds as fields (analysis/flat.rs) and
/// gives its variables their locals. Nothing in functions that may block
/// (their frames are saved by value types) and package initializers (see
/// inits.rs).
pub fn plan(g: &mut FuncGen) -> Flat {
    if g.cx.blocking.funcs[g.fid] || g.cx.is_package_init(g.fid) {
        return Flat::default();
    }
    // This function's body is being generated, so it is declared.
    let flat_results = g.cx.flat_funcs.contains_key(&g.fid);
    let prog = g.cx.prog;
    let facts = crate::analysis::flat::plan(prog, g.f, g.cx, flat_results);
    let mut vars = HashMap::new();
    for (var, t) in facts.vars {
        let slots = g.cx.flat_fields(t).expect("flat variable type");
        vars.insert(var, g.tmps(&slots));
    }
    Flat {
        vars,
        field_addrs: facts.field_addrs,
        values: facts.values,
        calls: facts.calls,
    }
}

impl FlatTypes for Ctx<'_> {
    fn is_flat(&mut self, t: TypeId) -> bool {
        self.flat_fields(t).is_some()
    }

    fn returns_flat(&mut self, f: FuncId) -> bool {
        Ctx::returns_flat(self, f)
    }
}

impl Flat {
    /// The slots of a value this plan holds differently, if it does.
    pub fn value_slots(&self, cx: &mut Ctx, ins: &Instr) -> Option<Vec<ValType>> {
        if self.vars.contains_key(&ins.id) || self.field_addrs.contains_key(&ins.id) {
            return Some(vec![]);
        }
        if let Some(&t) = self.values.get(&ins.id) {
            return cx.flat_fields(t);
        }
        if self.calls.contains(&ins.id)
            && let Shape::Tuple(elems) = cx.shape(ins.t)
        {
            return Some(
                elems
                    .into_iter()
                    .flat_map(|e| cx.flat_fields(e).unwrap_or_else(|| cx.slots(e)))
                    .collect(),
            );
        }
        None
    }

    /// How many slots element e of tuple value `tuple` takes.
    pub fn tuple_elem_slots(&self, cx: &mut Ctx, tuple: ValueId, e: TypeId) -> usize {
        match cx.flat_fields(e) {
            Some(s) if self.calls.contains(&tuple) => s.len(),
            _ => cx.slots(e).len(),
        }
    }

    /// Whether the call goes through the fields-returning entry point.
    pub fn is_flat_call(&self, ins: &Instr) -> bool {
        self.calls.contains(&ins.id)
    }

    /// The struct type of a value held as fields.
    pub fn value_type(&self, v: ValueId) -> Option<TypeId> {
        self.values.get(&v).copied()
    }

    /// Whether instruction `ins` is one `instr` emits (no peephole may
    /// take it).
    pub fn involves(&self, ins: &Instr) -> bool {
        let held = |op: &Operand| matches!(op, Operand::Value(v) if self.vars.contains_key(v) || self.field_addrs.contains_key(v) || self.values.contains_key(v));
        self.vars.contains_key(&ins.id)
            || self.field_addrs.contains_key(&ins.id)
            || self.values.contains_key(&ins.id)
            || match &ins.op {
                Op::Store { addr, val } => held(addr) || held(val),
                Op::Field { x, .. } | Op::UnOp { x, .. } => held(x),
                _ => false,
            }
    }
}

/// Emits `ins` if it touches what the plan holds as fields; false if it
/// does not.
pub fn instr(g: &mut FuncGen, ins: &Instr) -> bool {
    match &ins.op {
        Op::Alloc { .. } if g.flat.vars.contains_key(&ins.id) => {
            for l in g.flat.vars[&ins.id].clone() {
                let t = g.local_type(l);
                super::func::push_default(&mut g.ins(), t);
                g.ins().local_set(l);
            }
        }
        Op::FieldAddr { .. } if g.flat.field_addrs.contains_key(&ins.id) => {}
        Op::UnOp {
            op: UnOp::Deref,
            x: Operand::Value(x),
            ..
        } if g.flat.vars.contains_key(x) => {
            let src = g.flat.vars[x].clone();
            g.get_all(&src);
            g.set_result(ins);
        }
        Op::UnOp {
            op: UnOp::Deref, x, ..
        } if g.flat.values.contains_key(&ins.id) => {
            // From memory (a variable's load is the arm above).
            let t = g.flat.values[&ins.id];
            let Shape::Struct(u) = g.cx.shape(t) else {
                unreachable!()
            };
            g.push_pointer(x);
            explode(g, u);
            g.set_result(ins);
        }
        Op::UnOp {
            op: UnOp::Deref,
            x: Operand::Value(x),
            ..
        } if g.flat.field_addrs.contains_key(x) => {
            let src = field_locals(g, *x);
            g.get_all(&src);
            g.set_result(ins);
        }
        Op::Store {
            addr: Operand::Value(addr),
            val,
        } if g.flat.vars.contains_key(addr) => {
            let dst = g.flat.vars[addr].clone();
            let t = g.operand_type(val).unwrap();
            push_fields(g, val, t);
            g.set_all(&dst);
        }
        Op::Store {
            addr: Operand::Value(addr),
            val,
        } if g.flat.field_addrs.contains_key(addr) => {
            let dst = field_locals(g, *addr);
            g.push(val);
            g.set_all(&dst);
        }
        Op::Store {
            addr: addr @ Operand::Value(_),
            val: Operand::Value(y),
        } if g.flat.values.contains_key(y) => {
            // Into memory: field by field into the object pointed to.
            let y = *y;
            let t = g.flat.values[&y];
            let Shape::Struct(u) = g.cx.shape(t) else {
                unreachable!()
            };
            let st = g.cx.struct_type(u);
            let dst = g.tmp(ref_null(st));
            g.push_pointer(addr);
            g.ins().local_set(dst);
            let src = g.vals[y].clone();
            let mut next = 0;
            for i in 0..g.cx.prog.types[u].fields().len() {
                let n = g.cx.slots(g.cx.prog.types[u].fields()[i].ty).len();
                g.ins().local_get(dst);
                g.get_all(&src[next..next + n]);
                super::pointers::store_field(g, u, i);
                next += n;
            }
        }
        Op::Field {
            x: Operand::Value(x),
            field,
        } if g.flat.values.contains_key(x) => {
            let t = g.flat.values[x];
            let (start, n) = field_range(g.cx, t, *field);
            let src = g.vals[*x][start..start + n].to_vec();
            g.get_all(&src);
            g.set_result(ins);
        }
        _ => return false,
    }
    true
}

/// The locals of the variable field a field address points to.
fn field_locals(g: &mut FuncGen, addr: ValueId) -> Vec<u32> {
    let (var, i) = g.flat.field_addrs[&addr];
    let elem = g.cx.prog.types[g.cx.underlying(g.val_types[var])].elem();
    let (start, n) = field_range(g.cx, elem, i);
    g.flat.vars[&var][start..start + n].to_vec()
}

/// Where field i of flat struct type t is among its fields' slots.
fn field_range(cx: &mut Ctx, t: TypeId, i: usize) -> (usize, usize) {
    let u = cx.underlying(t);
    let fields: Vec<TypeId> = cx.prog.types[u].fields().iter().map(|f| f.ty).collect();
    let start = fields[..i].iter().map(|&ft| cx.slots(ft).len()).sum();
    (start, cx.slots(fields[i]).len())
}

/// Pushes the fields of a struct operand of flat type t: its locals when
/// held as fields, else read from its object.
pub fn push_fields(g: &mut FuncGen, op: &Operand, t: TypeId) {
    if let Operand::Value(v) = op
        && g.flat.values.contains_key(v)
    {
        let ls = g.vals[*v].clone();
        g.get_all(&ls);
        return;
    }
    if let Operand::Const(c) = op
        && c.is_zero_value()
    {
        // `return T{}, err`: zero fields, no zero object.
        for slot in g.cx.flat_fields(t).unwrap() {
            super::func::push_default(&mut g.ins(), slot);
        }
        return;
    }
    let Shape::Struct(u) = g.cx.shape(t) else {
        unreachable!()
    };
    g.push(op);
    explode(g, u);
}

/// [object of struct type u] → its fields.
fn explode(g: &mut FuncGen, u: TypeId) {
    let st = g.cx.struct_type(u);
    let obj = g.tmp(ref_null(st));
    g.ins().local_set(obj);
    for i in 0..g.cx.prog.types[u].fields().len() {
        g.ins().local_get(obj);
        super::pointers::load_field(g, u, i);
    }
}

/// [fields of flat struct type t] → a new object holding them.
pub fn materialize(g: &mut FuncGen, t: TypeId) {
    let obj = g.cx.object_type(t);
    // A new object: a new identity (see types.rs).
    g.ins().i32_const(0).struct_new(obj);
}
