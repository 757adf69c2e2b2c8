//! Interfaces: an interface value is (type descriptor, payload). The
//! descriptor is an instance of the runtime's `_type` struct, one per
//! dynamic type, held in a global; the payload is the value itself when it
//! is one reference, otherwise an immutable box.
//!
//! Dynamic calls go through one generated dispatch function per method,
//! which switches on the descriptor id over every type with that method
//! (as TinyGo does); assertions to interface types use a generated
//! per-interface membership switch. Both are written once the whole
//! program is known.

use super::Ctx;
use super::func::FuncGen;
use super::types::{ANYREF, Shape};
use crate::emit::module::{TypeDef, ref_null};
use crate::ir::{BasicKind, Call, ChanDir, Instr, Op, Operand, TypeId, TypeKind, UnOp};
use wasm_encoder::{BlockType, ConstExpr, FieldType, GlobalType, HeapType, StorageType, ValType};

#[derive(Clone, Copy, Debug)]
pub struct Descriptor {
    pub global: u32,
    pub id: u32,
    equal: Option<u32>,
    hash: Option<u32>,
    /// The reflective operations closure (programs using reflection).
    ops: Option<u32>,
    /// The closure of the operations that make pointers (see
    /// `enable_reflect_pointers`).
    ptr_ops: Option<u32>,
}

/// Helpers written at the end of lowering.
#[derive(Clone, Debug)]
pub enum Late {
    PtrLoad(TypeId),
    PtrStore(TypeId),
    Implements(TypeId),
    /// sig: the call's signature; method_sig: the method's, as recorded in
    /// method sets.
    Invoke {
        id: String,
        sig: TypeId,
        method_sig: TypeId,
    },
}

impl Ctx<'_> {
    /// Declares a helper whose body is written by [`finish`].
    pub fn helper_late(
        &mut self,
        key: &str,
        params: Vec<ValType>,
        results: Vec<ValType>,
        late: Late,
    ) -> u32 {
        self.declare_helper(key, params, results)
            .unwrap_or_else(|i| {
                self.late.push((i, late));
                i
            })
    }

    /// The descriptor of type t, created on first use. Creating it makes
    /// the type's methods reachable.
    pub fn descriptor(&mut self, t: TypeId) -> Descriptor {
        if let Some(&d) = self.descriptors.get(&t) {
            return d;
        }
        let rtype = self.runtime_struct("_type");
        let global = self.module.add_global(
            GlobalType {
                val_type: ref_null(rtype),
                mutable: true,
                shared: false,
            },
            ConstExpr::ref_null(HeapType::Concrete(rtype)),
        );
        let comparable =
            self.prog.types[t].comparable && !matches!(self.shape(t), Shape::Interface(_));
        let (equal, hash) = if comparable {
            (Some(self.equal_closure(t)), Some(self.hash_closure(t)))
        } else {
            (None, None)
        };
        let mut d = Descriptor {
            global,
            id: self.descriptor_order.len() as u32,
            equal,
            hash,
            ops: None,
            ptr_ops: None,
        };
        self.descriptors.insert(t, d);
        self.descriptor_order.push(t);
        if self.uses_reflection {
            for r in self.reflected_types(t) {
                self.descriptor(r);
            }
            if matches!(
                self.shape(t),
                Shape::PtrRef(_)
                    | Shape::PtrFat(_)
                    | Shape::PtrArray(_)
                    | Shape::Slice(_)
                    | Shape::Map(..)
                    | Shape::Chan(_)
                    | Shape::Func(_)
                    | Shape::String
                    | Shape::Array(..)
                    | Shape::UnsafePointer
            ) || self.uses_reflect && matches!(self.shape(t), Shape::Struct(_))
                || self.uses_reflect_methods && !self.prog.types[t].method_set.is_empty()
            {
                d.ops = Some(self.ops_closure(t));
                self.descriptors.insert(t, d);
            }
        }
        if self.uses_reflect_ptr {
            self.describe_pointers(t);
        }
        self.methods_of(t, |_| true);
        self.descriptors[&t]
    }

    /// Makes reflect able to make pointers from now on: every type
    /// described gets its pointer type described and operations that make
    /// pointers to its values and their parts.
    pub fn enable_reflect_pointers(&mut self) {
        if self.uses_reflect_ptr {
            return;
        }
        self.uses_reflect_ptr = true;
        for t in self.descriptor_order.clone() {
            self.describe_pointers(t);
        }
    }

    fn describe_pointers(&mut self, t: TypeId) {
        if let Some(&p) = self.ptr_types.get(&t) {
            self.descriptor(p);
        }
        let makes_pointers = matches!(
            self.shape(t),
            Shape::PtrRef(_)
                | Shape::PtrFat(_)
                | Shape::PtrArray(_)
                | Shape::Struct(_)
                | Shape::Slice(_)
                | Shape::Array(..)
        );
        if makes_pointers && self.descriptors[&t].ptr_ops.is_none() {
            let global = self.descriptor_closure("ptrops", t, |cx, idx| define_ptr_ops(cx, idx, t));
            self.descriptors.get_mut(&t).unwrap().ptr_ops = Some(global);
        }
    }

    /// Generates the code of t's methods that are called through
    /// interfaces and pass `want`. RTA keeps every exported method of a
    /// type reflection can reach (reflect could call it); only those
    /// dispatch can reach are generated, as gc's linker does for programs
    /// that do not call methods through reflect.
    fn methods_of(&mut self, t: TypeId, want: impl Fn(&str) -> bool) {
        let methods: Vec<usize> = self.prog.types[t]
            .method_set
            .iter()
            .filter(|m| {
                m.func >= 0
                    && (self.invoked.contains(&m.id)
                        || self.uses_reflect_methods && !m.id.contains('.'))
                    && want(&m.id)
            })
            .map(|m| m.func as usize)
            .collect();
        for f in methods {
            self.func(f);
        }
    }

    /// Records a call of method `id` through an interface, generating the
    /// method for every type already described.
    fn note_invoked(&mut self, id: &str) {
        if self.invoked.insert(id.to_string()) {
            for t in self.descriptor_order.clone() {
                self.methods_of(t, |m| m == id);
            }
        }
    }

    /// The types a descriptor of t refers to: its element type, and for
    /// package reflect also its key, field, parameter and result types.
    fn reflected_types(&self, t: TypeId) -> Vec<TypeId> {
        let mut ts: Vec<TypeId> = self.elem_type(t).into_iter().collect();
        if !self.uses_reflect {
            return ts;
        }

        match &self.prog.types[self.underlying(t)].kind {
            TypeKind::Map { key, .. } => ts.push(*key),
            TypeKind::Struct { fields } => ts.extend(fields.iter().map(|f| f.ty)),
            TypeKind::Func(sig) => {
                ts.extend(sig.params.iter().chain(&sig.results).copied());
            }
            _ => {}
        }
        ts
    }

    /// The described type *t, when reflect can make pointers.
    fn ptr_to(&self, t: TypeId) -> Option<TypeId> {
        self.ptr_types
            .get(&t)
            .copied()
            .filter(|p| self.uses_reflect_ptr && self.descriptors.contains_key(p))
    }

    /// The element type of pointer, slice, array, chan and map types.
    fn elem_type(&self, t: TypeId) -> Option<TypeId> {
        let u = &self.prog.types[self.underlying(t)];
        matches!(
            u.kind,
            TypeKind::Pointer { .. }
                | TypeKind::Slice { .. }
                | TypeKind::Array { .. }
                | TypeKind::Chan { .. }
                | TypeKind::Map { .. }
        )
        .then(|| u.elem())
    }

    /// A global closure performing the reflective operations of
    /// package reflect and internal/reflectlite (runtime/reflect.go) on
    /// values of type t.
    fn ops_closure(&mut self, t: TypeId) -> u32 {
        self.descriptor_closure("ops", t, |cx, idx| define_ops(cx, idx, t))
    }

    /// The closure global for the `func` field `field` of t's descriptor,
    /// with the code `define` writes.
    fn descriptor_closure(
        &mut self,
        field: &str,
        t: TypeId,
        define: impl FnOnce(&mut Ctx, u32),
    ) -> u32 {
        let rt = self.underlying(self.runtime_type("_type"));
        let ft = self.prog.types[rt]
            .fields()
            .iter()
            .find(|f| f.name == field)
            .unwrap_or_else(|| panic!("runtime._type has no field {field}"))
            .ty;
        let (clo, fty) = self.closure_types(ft);
        let (params, results) = match self.module.type_def(fty) {
            TypeDef::Func(p, r) => (p.clone(), r.clone()),
            _ => unreachable!(),
        };
        let key = format!("type{field}:{}#{t}", self.prog.types[t].str);
        let code = self.helper(&key, params, results, define);
        self.closure_global(clo, code)
    }

    /// A global closure `func(a, b any) bool` comparing values of type t.
    fn equal_closure(&mut self, t: TypeId) -> u32 {
        self.descriptor_closure("equal", t, |cx, idx| {
            let mut g = FuncGen::helper(cx, 5);
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(2).call(unbox).local_get(4).call(unbox);
            super::helpers::equal(&mut g, t);
            g.finish(idx);
        })
    }

    /// A global closure `func(a any, seed uintptr) uintptr` hashing values
    /// of type t.
    fn hash_closure(&mut self, t: TypeId) -> u32 {
        self.descriptor_closure("hash", t, |cx, idx| {
            let mut g = FuncGen::helper(cx, 4);
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(2).call(unbox).local_get(3);
            super::helpers::hash(&mut g, t);
            g.finish(idx);
        })
    }

    /// A global holding a closure without free variables, made at
    /// start-up (`init_closures`). A constant initializer would be
    /// simpler, but Wasmtime compiles every such initializer into one
    /// function, and Cranelift's alias analysis is quadratic in it: 40 s
    /// for the 2500 closures of a json program.
    pub fn closure_global(&mut self, clo: u32, code: u32) -> u32 {
        let slot = self.module.table_slot(code);
        let global = self.module.add_global(
            GlobalType {
                val_type: ref_null(clo),
                mutable: true,
                shared: false,
            },
            ConstExpr::ref_null(HeapType::Concrete(clo)),
        );
        self.closure_inits.push((global, clo, slot));
        global
    }

    /// reflect.Kind of a type.
    pub fn kind_number(&self, t: TypeId) -> i32 {
        let u = self.underlying(t);
        use BasicKind as B;
        match self.prog.types[u].kind {
            TypeKind::Basic(b) => match b {
                B::Bool => 1,
                B::Int => 2,
                B::Int8 => 3,
                B::Int16 => 4,
                B::Int32 => 5,
                B::Int64 => 6,
                B::Uint => 7,
                B::Uint8 => 8,
                B::Uint16 => 9,
                B::Uint32 => 10,
                B::Uint64 => 11,
                B::Uintptr => 12,
                B::Float32 => 13,
                B::Float64 => 14,
                B::Complex64 => 15,
                B::Complex128 => 16,
                B::String => 24,
                B::UnsafePointer => 26,
                _ => 0,
            },
            TypeKind::Array { .. } => 17,
            TypeKind::Chan { .. } => 18,
            TypeKind::Func(_) => 19,
            TypeKind::Interface { .. } => 20,
            TypeKind::Map { .. } => 21,
            TypeKind::Pointer { .. } => 22,
            TypeKind::Slice { .. } => 23,
            TypeKind::Struct { .. } => 25,
            _ => 0,
        }
    }

    /// Method IDs of a type (its method set, or an interface's methods),
    /// sorted.
    fn method_ids(&self, t: TypeId) -> Vec<String> {
        let u = self.underlying(t);
        let mut ids: Vec<String> = if let TypeKind::Interface { methods } = &self.prog.types[u].kind
        {
            methods.iter().map(|m| m.id.clone()).collect()
        } else {
            self.prog.types[t]
                .method_set
                .iter()
                .map(|m| m.id.clone())
                .collect()
        };
        ids.sort();
        ids
    }
}

/// Go's spelling of a type in runtime messages.
fn runtime_type_string(s: &str) -> String {
    // go/types writes `interface{M()}` and `struct{a int}`, and spells the
    // empty interface `any`; the runtime writes `interface { M() }`,
    // `struct { a int }` and `interface {}`.
    // Bytes, so that names in any script pass through whole (non-ASCII
    // bytes belong to identifiers).
    let b = s.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c >= 0x80;
    let mut out: Vec<u8> = Vec::with_capacity(s.len() + 8);
    let mut closers: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let word_start = i == 0 || !is_ident(b[i - 1]);
        if word_start && rest.starts_with(b"any") && (i + 3 == b.len() || !is_ident(b[i + 3])) {
            out.extend_from_slice(b"interface {}");
            i += 3;
            continue;
        }
        let kw = [&b"interface{"[..], &b"struct{"[..]]
            .into_iter()
            .find(|k| word_start && rest.starts_with(k));
        if let Some(k) = kw {
            out.extend_from_slice(&k[..k.len() - 1]);
            i += k.len();
            if b.get(i) == Some(&b'}') {
                out.extend_from_slice(b" {}");
                i += 1;
            } else {
                out.extend_from_slice(b" { ");
                closers.push(true);
            }
            continue;
        }
        match b[i] {
            b'{' => closers.push(false),
            b'}' if closers.pop() == Some(true) => out.push(b' '),
            _ => {}
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("only ASCII bytes were inserted between whole UTF-8 sequences")
}

pub fn push_descriptor(g: &mut FuncGen, t: TypeId) {
    let d = g.cx.descriptor(t);
    g.ins().global_get(d.global);
}

pub fn make_interface(g: &mut FuncGen, ins: &Instr, x: &Operand) {
    let t = g.operand_type(x).unwrap();
    push_descriptor(g, t);
    g.push(x);
    super::helpers::box_value(g, t);
    g.set_result(ins);
}

pub fn type_assert(g: &mut FuncGen, ins: &Instr, x: &Operand, want: TypeId, comma_ok: bool) {
    if g.cx.impossible_assertion(ins) {
        // No reachable code makes an interface of this type.
        g.push_zero(want);
        g.ins().i32_const(0);
        g.set_result(ins);
        return;
    }
    let iface_t = g.operand_type(x).unwrap();
    let rtype = g.cx.runtime_struct("_type");
    let (typ, payload) = (g.tmp(ref_null(rtype)), g.tmp(ANYREF));
    g.push(x);
    g.ins().local_set(payload).local_set(typ);
    let target_is_iface = matches!(g.cx.shape(want), Shape::Interface(_));
    // ok := dynamic type matches.
    if target_is_iface {
        let f = implements_func(g.cx, want);
        g.ins().local_get(typ).call(f);
    } else {
        push_descriptor(g, want);
        g.ins().local_get(typ).ref_eq();
    }
    let ok = g.tmp(ValType::I32);
    g.ins().local_set(ok);
    if !comma_ok {
        g.ins()
            .local_get(ok)
            .i32_eqz()
            .if_(BlockType::Empty)
            .local_get(typ);
        push_descriptor(g, want);
        push_descriptor(g, iface_t);
        g.call_runtime(if target_is_iface {
            "panicdotiface"
        } else {
            "panicdottype"
        });
        g.ins().unreachable().end();
    }
    let vslots = g.cx.slots(want);
    let v = g.tmps(&vslots);
    g.ins().local_get(ok).if_(BlockType::Empty);
    if target_is_iface {
        g.ins().local_get(typ).local_get(payload);
    } else {
        let unbox = super::helpers::unbox_func(g.cx, want);
        g.ins().local_get(payload).call(unbox);
    }
    g.set_all(&v);
    g.ins().else_();
    g.push_zero(want);
    g.set_all(&v);
    g.ins().end();
    g.get_all(&v);
    if comma_ok {
        g.ins().local_get(ok);
    }
    g.set_result(ins);
}

fn implements_func(cx: &mut Ctx, iface: TypeId) -> u32 {
    let rtype = cx.runtime_struct("_type");
    let key = format!("implements:{}#{iface}", cx.prog.types[iface].str);
    cx.helper_late(
        &key,
        vec![ref_null(rtype)],
        vec![ValType::I32],
        Late::Implements(iface),
    )
}

/// A dynamic method call.
pub fn invoke(g: &mut FuncGen, ins: &Instr, c: &Call) {
    let m = c.method.as_ref().unwrap();
    let recv: &Operand = c.recv.as_ref().unwrap();
    let rtype = g.cx.runtime_struct("_type");
    let (params, results) = g.cx.signature_slots(c.sig);
    let mut wparams = vec![ref_null(rtype), ANYREF];
    wparams.extend(params);
    g.cx.note_invoked(&m.id);
    let key = format!("invoke:{}:{}#{}", m.id, g.cx.prog.types[c.sig].str, c.sig);
    // The dispatcher (written later) panics on a nil interface.
    g.cx.runtime_func("panicmem");
    let f = g.cx.helper_late(
        &key,
        wparams,
        results,
        Late::Invoke {
            id: m.id.clone(),
            sig: c.sig,
            method_sig: m.sig,
        },
    );
    g.push(recv);
    for a in &c.args {
        g.push(a);
    }
    g.ins().call(f);
    g.suspend_check();
    g.set_result(ins);
}

/// Emits `local.get typ; struct.get id; br_table` over every descriptor,
/// calling `case` for those selected; others fall to `default`.
fn switch_on_descriptor(
    g: &mut FuncGen,
    cases: &[(u32, TypeId)],
    mut case: impl FnMut(&mut FuncGen, TypeId),
    default: impl FnOnce(&mut FuncGen),
) {
    let rtype = g.cx.runtime_struct("_type");
    let rt = g.cx.underlying(g.cx.runtime_type("_type"));
    let id_field = g.cx.prog.types[rt]
        .fields()
        .iter()
        .position(|f| f.name == "id")
        .expect("runtime._type.id");
    let (id_wasm, _) = g.cx.field_layout(rt, id_field);
    let ndesc = g.cx.descriptor_order.len() as u32;
    let n = cases.len() as u32;
    for _ in 0..=n {
        g.ins().block(BlockType::Empty);
    }
    let mut table = vec![n; ndesc as usize];
    for (k, &(id, _)) in cases.iter().enumerate() {
        table[id as usize] = k as u32;
    }
    g.ins()
        .local_get(0)
        .struct_get(rtype, id_wasm)
        .br_table(table, n)
        .end();
    for &(_, t) in cases {
        case(g, t);
        g.ins().end();
    }
    default(g);
}

/// Writes the late helpers once every descriptor and pointer use is known.
pub fn finish(cx: &mut Ctx) {
    let late = std::mem::take(&mut cx.late);
    for (idx, l) in late {
        match l {
            Late::PtrLoad(t) => super::pointers::define_ptr_helper(cx, idx, t, false),
            Late::PtrStore(t) => super::pointers::define_ptr_helper(cx, idx, t, true),
            Late::Implements(iface) => define_implements(cx, idx, iface),
            Late::Invoke {
                id,
                sig,
                method_sig,
            } => define_invoke(cx, idx, &id, sig, method_sig),
        }
    }
    assert!(cx.late.is_empty(), "late helper requested while finishing");
}

/// Concrete descriptors whose method set (ID and signature pairs)
/// satisfies `pred`.
fn descriptors_with(cx: &Ctx, pred: impl Fn(&[(String, TypeId)]) -> bool) -> Vec<(u32, TypeId)> {
    cx.descriptor_order
        .iter()
        .filter(|&&t| !matches!(cx.shape(t), Shape::Interface(_)))
        .filter(|&&t| {
            let ms: Vec<(String, TypeId)> = cx.prog.types[t]
                .method_set
                .iter()
                .map(|m| (m.id.clone(), m.sig))
                .collect();
            pred(&ms)
        })
        .map(|&t| (cx.descriptors[&t].id, t))
        .collect()
}

fn define_implements(cx: &mut Ctx, idx: u32, iface: TypeId) {
    let u = cx.underlying(iface);
    let want: Vec<(String, TypeId)> = cx.prog.types[u]
        .methods()
        .iter()
        .map(|m| (m.id.clone(), m.sig))
        .collect();
    let cases = descriptors_with(cx, |have| want.iter().all(|m| have.contains(m)));
    let mut g = FuncGen::helper(cx, 1);
    g.ins()
        .local_get(0)
        .ref_is_null()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    switch_on_descriptor(
        &mut g,
        &cases,
        |g, _| {
            g.ins().i32_const(1).return_();
        },
        |g| {
            g.ins().i32_const(0);
        },
    );
    g.finish(idx);
}

fn define_invoke(cx: &mut Ctx, idx: u32, id: &str, sig: TypeId, method_sig: TypeId) {
    // Types whose method has code (RTA found it reachable).
    let cases: Vec<(u32, TypeId)> = descriptors_with(cx, |have| {
        have.iter().any(|(m, s)| m == id && *s == method_sig)
    })
    .into_iter()
    .filter(|&(_, t)| {
        cx.prog.types[t]
            .method_set
            .iter()
            .any(|m| m.id == id && m.sig == method_sig && m.func >= 0)
    })
    .collect();
    let (params, _) = cx.signature_slots(sig);
    let nargs = params.len() as u32;
    let mut g = FuncGen::helper(cx, 2 + nargs);
    g.ins().local_get(0).ref_is_null().if_(BlockType::Empty);
    g.call_runtime("panicmem");
    g.ins().unreachable().end();
    switch_on_descriptor(
        &mut g,
        &cases,
        |g, t| {
            let m = g.cx.prog.types[t]
                .method_set
                .iter()
                .find(|m| m.id == id && m.sig == method_sig)
                .expect("method in set")
                .func as usize;
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(1).call(unbox);
            for i in 0..nargs {
                g.ins().local_get(2 + i);
            }
            let f = g.cx.func(m);
            g.ins().call(f).return_();
        },
        |g| {
            g.ins().unreachable();
        },
    );
    g.finish(idx);
}

/// Start-up functions making the closure globals, each of at most
/// `DESCRIPTORS_PER_FUNCTION` closures.
pub fn init_closures(cx: &mut Ctx) -> Vec<u32> {
    let inits = std::mem::take(&mut cx.closure_inits);
    let mut funcs = Vec::new();
    for (k, chunk) in inits.chunks(DESCRIPTORS_PER_FUNCTION).enumerate() {
        funcs.push(
            cx.helper(&format!("closures:{k}"), vec![], vec![], |cx, idx| {
                let mut h = FuncGen::helper(cx, 0);
                for &(global, clo, slot) in chunk {
                    h.ins()
                        .i32_const(slot as i32)
                        .struct_new(clo)
                        .global_set(global);
                }
                h.finish(idx);
            }),
        );
    }
    funcs
}

/// Start-up functions filling every descriptor, each of at most
/// `DESCRIPTORS_PER_FUNCTION` descriptors, first making them, then
/// linking them to each other (one function for all made Cranelift's
/// compile time superlinear: a json program's took 50 s).
pub fn init_descriptors(cx: &mut Ctx) -> Vec<u32> {
    let order = cx.descriptor_order.clone();
    let mut funcs = Vec::new();
    for (pass, make) in [("describe", true), ("link", false)] {
        for (k, chunk) in order.chunks(DESCRIPTORS_PER_FUNCTION).enumerate() {
            let f = cx.helper(&format!("{pass}:{k}"), vec![], vec![], |cx, idx| {
                let mut h = FuncGen::helper(cx, 0);
                let fields = RtypeFields::new(&mut h);
                for &t in chunk {
                    if make {
                        make_descriptor(&mut h, &fields, t);
                    } else {
                        link_descriptor(&mut h, &fields, t);
                    }
                }
                h.finish(idx);
            });
            funcs.push(f);
        }
    }
    funcs
}

const DESCRIPTORS_PER_FUNCTION: usize = 64;

/// The fields of the runtime's `_type`.
struct RtypeFields {
    rt: TypeId,
    rtype: u32,
    fields: Vec<(String, TypeId)>,
}

impl RtypeFields {
    fn new(g: &mut FuncGen) -> RtypeFields {
        let rt = g.cx.underlying(g.cx.runtime_type("_type"));
        let rtype = g.cx.runtime_struct("_type");
        let fields = g.cx.prog.types[rt]
            .fields()
            .iter()
            .map(|f| (f.name.clone(), f.ty))
            .collect();
        RtypeFields { rt, rtype, fields }
    }

    /// The Go field index and type of a field.
    fn field(&self, name: &str) -> (usize, TypeId) {
        let i = self
            .fields
            .iter()
            .position(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("runtime._type has no field {name}"));
        (i, self.fields[i].1)
    }
}

/// Whether make_descriptor sets field `name` of a descriptor; the others
/// start zero (link_descriptor sets some of them).
fn made_field(name: &str, reflect: bool) -> bool {
    matches!(
        name,
        "kind"
            | "id"
            | "size"
            | "str"
            | "pkgpath"
            | "methods"
            | "equal"
            | "hash"
            | "ops"
            | "ptrops"
    ) || reflect && matches!(name, "align" | "len" | "dir" | "variadic")
}

/// The helper making a descriptor from its `made_field`s, in field order:
/// one call per descriptor instead of pushing every field (half of the
/// start-up code that makes descriptors was zeros).
fn new_descriptor_func(cx: &mut Ctx, f: &RtypeFields) -> u32 {
    let reflect = cx.uses_reflect;
    let made: Vec<(bool, TypeId)> = f
        .fields
        .iter()
        .map(|(name, ft)| (made_field(name, reflect), *ft))
        .collect();
    let params: Vec<ValType> = made
        .iter()
        .filter(|(m, _)| *m)
        .flat_map(|&(_, ft)| cx.slots(ft))
        .collect();
    let rtype = f.rtype;
    cx.helper("newdescriptor", params, vec![ref_null(rtype)], |cx, idx| {
        let mut g = FuncGen::helper(cx, 0);
        let mut param = 0;
        for &(m, ft) in &made {
            if m {
                for _ in g.cx.slots(ft) {
                    g.ins().local_get(param);
                    param += 1;
                }
            } else {
                g.push_zero(ft);
            }
        }
        g.ins().i32_const(0).struct_new(rtype);
        g.finish(idx);
    })
}

/// Makes t's descriptor, without its references to other descriptors.
fn make_descriptor(g: &mut FuncGen, f: &RtypeFields, t: TypeId) {
    let fields = &f.fields;
    let reflect = g.cx.uses_reflect;
    let d = g.cx.descriptors[&t];
    let u = g.cx.underlying(t);
    for (name, ft) in fields {
        if !made_field(name, reflect) {
            continue;
        }
        match name.as_str() {
            "kind" => {
                let k = g.cx.kind_number(t);
                g.ins().i32_const(k);
            }
            "id" => {
                g.ins().i32_const(d.id as i32);
            }
            "size" => {
                let s = g.cx.go_size(t);
                g.ins().i64_const(s);
            }
            "str" => {
                let s = runtime_type_string(&g.cx.prog.types[t].str);
                g.push_string_const(s.as_bytes());
            }
            "pkgpath" => {
                let p = match &g.cx.prog.types[t].kind {
                    TypeKind::Named { pkg_path, .. } => pkg_path.clone(),
                    _ => String::new(),
                };
                g.push_string_const(p.as_bytes());
            }
            "methods" => {
                let ids = g.cx.method_ids(t);
                push_fixed_slice(g, *ft, ids.len(), |g, i| {
                    g.push_string_const(ids[i].as_bytes())
                });
            }
            "equal" | "hash" | "ops" | "ptrops" => {
                let gl = match name.as_str() {
                    "equal" => d.equal,
                    "hash" => d.hash,
                    "ops" => d.ops,
                    _ => d.ptr_ops,
                };
                match gl {
                    Some(gl) => {
                        g.ins().global_get(gl);
                    }
                    None => g.push_zero(*ft),
                }
            }
            "align" => {
                let a = g.cx.prog.types[t].align as i32;
                g.ins().i32_const(a);
            }
            "len" => {
                let n = match g.cx.prog.types[u].kind {
                    TypeKind::Array { len, .. } => len,
                    _ => 0,
                };
                g.ins().i64_const(n);
            }
            "dir" => {
                // reflect.ChanDir: RecvDir 1, SendDir 2, BothDir 3.
                let dir = match g.cx.prog.types[u].kind {
                    TypeKind::Chan { dir, .. } => match dir {
                        ChanDir::Recv => 1,
                        ChanDir::Send => 2,
                        ChanDir::Both => 3,
                    },
                    _ => 0,
                };
                g.ins().i32_const(dir);
            }
            "variadic" => {
                let v = matches!(&g.cx.prog.types[u].kind, TypeKind::Func(sig) if sig.variadic);
                g.ins().i32_const(v as i32);
            }
            _ => unreachable!("made_field lists the fields made here"),
        }
    }
    let new = new_descriptor_func(g.cx, f);
    g.ins().call(new).global_set(d.global);
}

/// Links t's descriptor to the descriptors it refers to.
fn link_descriptor(g: &mut FuncGen, f: &RtypeFields, t: TypeId) {
    let (rt, rtype) = (f.rt, f.rtype);
    let reflect = g.cx.uses_reflect;
    let field_of = |name: &str| f.field(name);
    let (elem_wasm, _) = g.cx.field_layout(rt, field_of("elem").0);
    let d = g.cx.descriptors[&t];
    if let Some(e) = g.cx.elem_type(t) {
        g.ins().global_get(d.global);
        push_descriptor(g, e);
        g.ins().struct_set(rtype, elem_wasm);
    }
    if !reflect {
        return;
    }
    if let Some(p) = g.cx.ptr_to(t) {
        g.ins().global_get(d.global);
        push_descriptor(g, p);
        super::pointers::store_field(g, rt, field_of("ptrTo").0);
    }
    let u = g.cx.underlying(t);
    match &g.cx.prog.types[u].kind {
        &TypeKind::Map { key, .. } => {
            g.ins().global_get(d.global);
            push_descriptor(g, key);
            super::pointers::store_field(g, rt, field_of("key").0);
        }
        TypeKind::Struct { .. } => {
            let (i, ft) = field_of("fields");
            g.ins().global_get(d.global);
            let count = g.cx.prog.types[u].fields().len();
            push_fixed_slice(g, ft, count, |g, k| push_struct_field(g, u, k));
            super::pointers::store_field(g, rt, i);
        }
        TypeKind::Func(sig) => {
            let (params, results) = (sig.params.clone(), sig.results.clone());
            for (name, list) in [("in", params), ("out", results)] {
                let (i, ft) = field_of(name);
                g.ins().global_get(d.global);
                push_fixed_slice(g, ft, list.len(), |g, k| push_descriptor(g, list[k]));
                super::pointers::store_field(g, rt, i);
            }
        }
        _ => {}
    }
}

/// Pushes a slice of type slice_t holding n elements, each pushed by elem.
fn push_fixed_slice(
    g: &mut FuncGen,
    slice_t: TypeId,
    n: usize,
    mut elem: impl FnMut(&mut FuncGen, usize),
) {
    let Shape::Slice(e) = g.cx.shape(slice_t) else {
        unreachable!()
    };
    let arr = g.cx.array_type(e);
    let boxed = g.cx.elem_boxed(e).then(|| g.cx.box_type(e));
    for i in 0..n {
        elem(g, i);
        if let Some(b) = boxed {
            g.ins().struct_new(b);
        }
    }
    g.ins()
        .array_new_fixed(arr, n as u32)
        .i32_const(0)
        .i32_const(n as i32)
        .i32_const(n as i32);
}

/// Pushes a runtime.structField describing field i of struct type u.
fn push_struct_field(g: &mut FuncGen, u: TypeId, i: usize) {
    let sf = g.cx.underlying(g.cx.runtime_type("structField"));
    let st = g.cx.runtime_struct("structField");
    let names: Vec<String> = g.cx.prog.types[sf]
        .fields()
        .iter()
        .map(|f| f.name.clone())
        .collect();
    let f = g.cx.prog.types[u].fields()[i].clone();
    for name in names {
        match name.as_str() {
            "name" => g.push_string_const(f.name.as_bytes()),
            "pkgpath" => g.push_string_const(f.pkg_path.as_bytes()),
            "typ" => push_descriptor(g, f.ty),
            "tag" => g.push_string_const(f.tag.as_bytes()),
            "offset" => {
                g.ins().i64_const(f.offset);
            }
            "embedded" => {
                g.ins().i32_const(f.embedded as i32);
            }
            other => panic!("runtime.structField has an unexpected field {other}"),
        }
    }
    g.ins().i32_const(0).struct_new(st);
}

/// Operations of runtime._type.ops, numbered as in package reflect's
/// value.go (internal/reflectlite uses the first five). Arguments: the
/// value a, an interface value b, integers i and j; results: an interface
/// value and an integer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ValueOp {
    /// a nillable → 1 if nil.
    IsNil,
    /// a slice, string, array or map → its length.
    Len,
    /// a slice: swaps elements i and j.
    Swap,
    /// a pointer: stores b through it.
    Store,
    /// a pointer → the value it points to (a copy).
    Load,
    /// a struct → field i.
    Field,
    /// a slice or array → element i.
    Index,
    /// a slice → its capacity.
    Cap,
    /// a struct object: sets field i to b.
    SetField,
    /// a slice or array: sets element i to b.
    SetIndex,
    /// a struct or array → a copy (of the zero value for a nil payload).
    Copy,
    /// a pointer to a struct or array → the object itself.
    Deref,
    /// a slice → a[i:j:k], j and k packed into j (k in the high 32 bits);
    /// an array → the same slice of the array object (nil when the program
    /// has no slice type of its element type).
    Slice,
    /// a nil slice → make(T, i, j).
    MakeSlice,
    /// a pointer, map, chan, func or slice → its reference as an
    /// unsafe.Pointer (in an interface value of no type).
    UnsafePointer,
    /// a func: calls it with the arguments in b (a runtime
    /// reflectCallFrame, []any: the arguments, then room for the results,
    /// which it fills). In programs that reach reflect's Value.call.
    Call,
    /// any value: calls its method i (index in the descriptor's sorted
    /// method IDs) with the arguments in b, as Call. In programs that
    /// reach reflect's Value.callMethod.
    CallMethod,
    /// any value → an interface value of method i's func type (without
    /// receiver) and no payload. In programs that reach callMethod.
    MethodType,
    /// a func type's value (any) → a new func value of the type that
    /// calls b, a runtime reflectFuncHandler, with its arguments in a
    /// frame as Call's (reflect.MakeFunc, method values' Interface). In
    /// programs that reach reflect.MakeFunc or have method values.
    MakeFunc,
}

impl ValueOp {
    /// In the order of their numbers.
    const ALL: [ValueOp; 19] = [
        ValueOp::IsNil,
        ValueOp::Len,
        ValueOp::Swap,
        ValueOp::Store,
        ValueOp::Load,
        ValueOp::Field,
        ValueOp::Index,
        ValueOp::Cap,
        ValueOp::SetField,
        ValueOp::SetIndex,
        ValueOp::Copy,
        ValueOp::Deref,
        ValueOp::Slice,
        ValueOp::MakeSlice,
        ValueOp::UnsafePointer,
        ValueOp::Call,
        ValueOp::CallMethod,
        ValueOp::MethodType,
        ValueOp::MakeFunc,
    ];
    /// The order of their code: Deref falls through to Load when the
    /// pointer does not address a whole object.
    const CODE_ORDER: [ValueOp; 19] = [
        ValueOp::IsNil,
        ValueOp::Len,
        ValueOp::Swap,
        ValueOp::Store,
        ValueOp::Deref,
        ValueOp::Load,
        ValueOp::Field,
        ValueOp::Index,
        ValueOp::Cap,
        ValueOp::SetField,
        ValueOp::SetIndex,
        ValueOp::Copy,
        ValueOp::Slice,
        ValueOp::MakeSlice,
        ValueOp::UnsafePointer,
        ValueOp::Call,
        ValueOp::CallMethod,
        ValueOp::MethodType,
        ValueOp::MakeFunc,
    ];

    /// The operations internal/reflectlite uses; a program without
    /// package reflect gets only these.
    fn reflectlite(self) -> bool {
        matches!(
            self,
            ValueOp::IsNil | ValueOp::Len | ValueOp::Swap | ValueOp::Store | ValueOp::Load
        )
    }
}

/// The locals of an ops function: (env, op, a, b, i, j) with a and b
/// interface values; `a` holds a unboxed as the function's type.
struct OpsFrame {
    t: TypeId,
    a: Vec<u32>,
    b_t: u32,
    b_p: u32,
    i: u32,
    j: u32,
}

impl OpsFrame {
    /// The frame of an ops function for type t: a unboxed into locals.
    fn new(g: &mut FuncGen, t: TypeId) -> OpsFrame {
        let tslots = g.cx.slots(t);
        let a = g.tmps(&tslots);
        let unbox = super::helpers::unbox_func(g.cx, t);
        g.ins().local_get(3).call(unbox);
        g.set_all(&a);
        OpsFrame {
            t,
            a,
            b_t: 4,
            b_p: 5,
            i: 6,
            j: 7,
        }
    }

    /// Pushes b unboxed as a value of type t.
    fn push_b(&self, g: &mut FuncGen, t: TypeId) {
        if matches!(g.cx.shape(t), Shape::Interface(_)) {
            g.ins().local_get(self.b_t).local_get(self.b_p);
        } else {
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(self.b_p).call(unbox);
        }
    }
}

/// Returns the interface value of type t whose slots the code `push`
/// pushes (an interface type's value as it is), and 0.
fn return_any(g: &mut FuncGen, t: TypeId, push: impl FnOnce(&mut FuncGen)) {
    if matches!(g.cx.shape(t), Shape::Interface(_)) {
        push(g);
    } else {
        push_descriptor(g, t);
        push(g);
        super::helpers::box_value(g, t);
    }
    g.ins().i64_const(0).return_();
}

/// Pushes the slice a[i:j:k] of the frame's a (j and k packed in j, k in
/// the high 32 bits): (arr, off+i, j-i, k-i), where off is the local
/// holding a's offset (a slice) or 0 (an array object).
fn push_subslice(g: &mut FuncGen, f: &OpsFrame, off: Option<u32>) {
    g.ins().local_get(f.a[0]);
    if let Some(off) = off {
        g.ins().local_get(off);
    } else {
        g.ins().i32_const(0);
    }
    g.ins()
        .local_get(f.i)
        .i32_wrap_i64()
        .i32_add()
        .local_get(f.j)
        .i32_wrap_i64()
        .local_get(f.i)
        .i32_wrap_i64()
        .i32_sub()
        .local_get(f.j)
        .i64_const(32)
        .i64_shr_u()
        .i32_wrap_i64()
        .local_get(f.i)
        .i32_wrap_i64()
        .i32_sub();
}

/// The program's unnamed slice type of element e, if it has one.
fn slice_type_of(cx: &Ctx, e: TypeId) -> Option<TypeId> {
    cx.prog
        .types
        .iter()
        .position(|t| matches!(t.kind, TypeKind::Slice { elem } if elem == e))
}

/// Returns no interface value and the i64 on the stack.
fn return_int(g: &mut FuncGen) {
    let rtype = g.cx.runtime_struct("_type");
    let v = g.tmp(ValType::I64);
    g.ins()
        .local_set(v)
        .ref_null(HeapType::Concrete(rtype))
        .ref_null(HeapType::Abstract {
            shared: false,
            ty: wasm_encoder::AbstractHeapType::Any,
        })
        .local_get(v)
        .return_();
}

/// Emits a `br_table` over n cases on the i32 the code `selector` pushes;
/// `case` emits case k, which must not fall through; other values trap.
fn switch_cases(
    g: &mut FuncGen,
    n: usize,
    selector: impl FnOnce(&mut FuncGen),
    mut case: impl FnMut(&mut FuncGen, usize),
) {
    for _ in 0..=n {
        g.ins().block(BlockType::Empty);
    }
    selector(g);
    g.ins()
        .br_table((0..n as u32).collect::<Vec<_>>(), n as u32)
        .end();
    for k in 0..n {
        case(g, k);
        g.ins().end();
    }
    g.ins().unreachable();
}

/// Calls the frame's func value a with the arguments in b (see
/// `call_with_frame`).
fn call_func(g: &mut FuncGen, f: &OpsFrame, u: TypeId) {
    let (params, results) = {
        let sig = g.cx.prog.types[u].sig();
        (sig.params.clone(), sig.results.clone())
    };
    let (clo, fty) = g.cx.closure_types(u);
    let closure = f.a[0];
    call_with_frame(
        g,
        f,
        &params,
        &results,
        |g| {
            g.ins().local_get(closure);
        },
        |g| {
            g.ins()
                .local_get(closure)
                .struct_get(clo, 0)
                .call_indirect(0, fty);
        },
    );
}

/// Calls method i (in the order of the descriptor's sorted method IDs) of
/// the frame's value a with the arguments in b (see `call_with_frame`).
fn call_method(g: &mut FuncGen, f: &OpsFrame) {
    let methods = sorted_methods(g.cx, f.t);
    switch_cases(
        g,
        methods.len(),
        |g| {
            g.ins().local_get(f.i).i32_wrap_i64();
        },
        |g, k| {
            let (sig, func) = (methods[k].sig, methods[k].func);
            if func < 0 {
                // Not generated: reflect never selects it (unexported).
                g.ins().unreachable();
                return;
            }
            let (params, results) = {
                let s = g.cx.prog.types[g.cx.underlying(sig)].sig();
                (s.params.clone(), s.results.clone())
            };
            let idx = g.cx.func(func as usize);
            call_with_frame(
                g,
                f,
                &params,
                &results,
                |g| g.get_all(&f.a),
                |g| {
                    g.ins().call(idx);
                },
            );
        },
    );
}

/// The methods of t, in the order of its descriptor's method IDs (sorted).
fn sorted_methods(cx: &Ctx, t: TypeId) -> Vec<crate::ir::Method> {
    let mut ms = cx.prog.types[t].method_set.clone();
    ms.sort_by(|a, b| a.id.cmp(&b.id));
    ms
}

/// Calls a function with the arguments in the frame's b, a runtime
/// reflectCallFrame ([]any: the arguments as interface values of the
/// parameter types, then one slot per result, which this fills):
/// `callee` pushes what precedes the arguments, `call` makes the call. A
/// callee that blocks would have to suspend through this helper, which
/// cannot be resumed: that ends the program with a message instead.
fn call_with_frame(
    g: &mut FuncGen,
    f: &OpsFrame,
    params: &[TypeId],
    results: &[TypeId],
    callee: impl FnOnce(&mut FuncGen),
    call: impl FnOnce(&mut FuncGen),
) {
    let frame_t = g.cx.runtime_type("reflectCallFrame");
    let any_t = g.cx.prog.types[g.cx.underlying(frame_t)].elem();
    let fslots = g.cx.slots(frame_t);
    let frame = g.tmps(&fslots);
    f.push_b(g, frame_t);
    g.set_all(&frame);
    let at = |g: &mut FuncGen, k: usize| {
        g.ins()
            .local_get(frame[0])
            .local_get(frame[1])
            .i32_const(k as i32)
            .i32_add();
    };
    callee(g);
    for (k, &pt) in params.iter().enumerate() {
        at(g, k);
        load_frame_elem(g, any_t, pt);
    }
    call(g);
    stop_if_suspended(g);
    let outs: Vec<Vec<u32>> = results
        .iter()
        .map(|&r| {
            let slots = g.cx.slots(r);
            g.tmps(&slots)
        })
        .collect();
    for out in outs.iter().rev() {
        g.set_all(out);
    }
    for (j, (&rt, out)) in results.iter().zip(&outs).enumerate() {
        at(g, params.len() + j);
        store_frame_elem(g, any_t, rt, |g| g.get_all(out));
    }
    g.ins().i64_const(0);
    return_int(g);
}

/// Loads the frame element whose (array, index) is on the stack as a
/// value of type t: an interface type's value as it is, else unboxed (a
/// nil element is the zero value).
fn load_frame_elem(g: &mut FuncGen, any_t: TypeId, t: TypeId) {
    super::pointers::load_elem(g, any_t);
    if !matches!(g.cx.shape(t), Shape::Interface(_)) {
        let payload = g.tmp(ANYREF);
        g.ins().local_set(payload).drop().local_get(payload);
        let unbox = super::helpers::unbox_func(g.cx, t);
        g.ins().call(unbox);
    }
}

/// Stores the value of type t that `value` pushes into the frame element
/// whose (array, index) is on the stack, boxed as an interface value
/// unless t is an interface type.
fn store_frame_elem(g: &mut FuncGen, any_t: TypeId, t: TypeId, value: impl FnOnce(&mut FuncGen)) {
    let iface = matches!(g.cx.shape(t), Shape::Interface(_));
    if !iface {
        push_descriptor(g, t);
    }
    value(g);
    if !iface {
        super::helpers::box_value(g, t);
    }
    super::pointers::store_elem(g, any_t);
}

/// After a call from generated reflection code, which cannot be resumed:
/// a callee that suspended (blocked) ends the program with a message.
fn stop_if_suspended(g: &mut FuncGen) {
    let (state, _) = g.cx.resume_globals();
    g.ins().global_get(state).if_(BlockType::Empty);
    g.call_runtime("reflectCallBlocked");
    g.ins().unreachable().end();
}

/// Returns a new func value of the frame's func type (signature u) that
/// calls the frame's b, a runtime reflectFuncHandler: a closure of u's
/// closure type extended with the handler, whose code is u's trampoline.
fn make_func(g: &mut FuncGen, f: &OpsFrame, u: TypeId) {
    let handler_t = g.cx.runtime_type("reflectFuncHandler");
    let env_ty = make_func_env(g.cx, u);
    let slot = {
        let tramp = make_func_trampoline(g.cx, u);
        g.cx.module.table_slot(tramp)
    };
    return_any(g, f.t, |g| {
        g.ins().i32_const(slot as i32);
        f.push_b(g, handler_t);
        g.ins().struct_new(env_ty);
    });
}

/// The closure struct of MakeFunc's funcs of signature u: u's closure
/// type with the handler's closure in field 1.
fn make_func_env(cx: &mut Ctx, u: TypeId) -> u32 {
    let (clo, _) = cx.closure_types(u);
    let handler_t = cx.runtime_type("reflectFuncHandler");
    let (hclo, _) = cx.closure_types(handler_t);
    cx.module.intern(TypeDef::Struct {
        fields: vec![
            super::calls::CLOSURE_CODE_FIELD,
            FieldType {
                element_type: StorageType::Val(ref_null(hclo)),
                mutable: false,
            },
        ],
        supertype: Some(clo),
        is_final: true,
    })
}

/// The code of MakeFunc's funcs of signature u: boxes the arguments into
/// a frame ([]any, then room for the results), calls the closure's
/// handler with it, and returns the results the handler stored (a nil
/// slot is the zero value). A handler that blocks cannot be resumed
/// through this code: that ends the program with a message.
fn make_func_trampoline(cx: &mut Ctx, u: TypeId) -> u32 {
    let (_, fty) = cx.closure_types(u);
    let (params, results) = match cx.module.type_def(fty) {
        TypeDef::Func(p, r) => (p.clone(), r.clone()),
        _ => unreachable!(),
    };
    let key = format!("reflect.makeFunc${}#{u}", cx.prog.types[u].str);
    let nparams = params.len() as u32;
    cx.helper(&key, params, results, |cx, idx| {
        let env_ty = make_func_env(cx, u);
        let handler_t = cx.runtime_type("reflectFuncHandler");
        let (hclo, hfty) = cx.closure_types(handler_t);
        let frame_t = cx.runtime_type("reflectCallFrame");
        let any_t = cx.prog.types[cx.underlying(frame_t)].elem();
        let (ps, rs) = {
            let sig = cx.prog.types[u].sig();
            (sig.params.clone(), sig.results.clone())
        };
        let mut g = FuncGen::helper(cx, nparams);
        let n = (ps.len() + rs.len()) as i32;
        let arr_ty = ref_null(g.cx.array_type(any_t));
        let arr = g.tmp(arr_ty);
        g.ins().i32_const(n);
        super::slices::new_array(&mut g, any_t);
        g.ins().local_set(arr);
        let mut next = 1;
        for (k, &pt) in ps.iter().enumerate() {
            g.ins().local_get(arr).i32_const(k as i32);
            let nslots = g.cx.slots(pt).len() as u32;
            store_frame_elem(&mut g, any_t, pt, |g| {
                for l in next..next + nslots {
                    g.ins().local_get(l);
                }
            });
            next += nslots;
        }
        let h = g.tmp(ref_null(hclo));
        g.ins()
            .local_get(0)
            .ref_cast_nullable(HeapType::Concrete(env_ty))
            .struct_get(env_ty, 1)
            .local_tee(h)
            .local_get(arr)
            .i32_const(0)
            .i32_const(n)
            .i32_const(n)
            .local_get(h)
            .struct_get(hclo, 0)
            .call_indirect(0, hfty);
        stop_if_suspended(&mut g);
        for (j, &rt) in rs.iter().enumerate() {
            g.ins().local_get(arr).i32_const((ps.len() + j) as i32);
            load_frame_elem(&mut g, any_t, rt);
        }
        g.finish(idx);
    })
}

/// Returns an interface value of method i's func type (without receiver;
/// with it first when j is 1) and no payload: reflect reads the type from
/// it.
fn method_type(g: &mut FuncGen, f: &OpsFrame) {
    let methods = sorted_methods(g.cx, f.t);
    switch_cases(
        g,
        methods.len(),
        |g| {
            g.ins().local_get(f.i).i32_wrap_i64();
        },
        |g, k| {
            // j = 1: the method expression's type, for Type.Method.
            if let Some(expr) = methods[k].expr_sig {
                g.ins().local_get(f.j).i32_wrap_i64().if_(BlockType::Empty);
                return_type_only(g, expr);
                g.ins().end();
            }
            return_type_only(g, methods[k].sig);
        },
    );
}

/// Returns an interface value of type t with no payload.
fn return_type_only(g: &mut FuncGen, t: TypeId) {
    push_descriptor(g, t);
    g.ins()
        .ref_null(HeapType::Abstract {
            shared: false,
            ty: wasm_encoder::AbstractHeapType::Any,
        })
        .i64_const(0)
        .return_();
}

/// Body of a type's ops function: (env, op, a, b, i, j) -> (any, int).
fn define_ops(cx: &mut Ctx, idx: u32, t: TypeId) {
    let mut g = FuncGen::helper(cx, 8);
    let f = OpsFrame::new(&mut g, t);
    let reflect = g.cx.uses_reflect;
    // Each operation's code, in code order, leaving out those that do not
    // apply to t (most of them: a pointer type has four): they share the
    // switch's trapping default instead of a case each.
    let mut cases: Vec<(ValueOp, Vec<u8>)> = Vec::new();
    for op in ValueOp::CODE_ORDER {
        let wanted = match op {
            ValueOp::Call => g.cx.uses_reflect_call,
            ValueOp::CallMethod | ValueOp::MethodType => g.cx.uses_reflect_methods,
            ValueOp::MakeFunc => g.cx.uses_reflect_makefunc,
            _ => reflect || op.reflectlite(),
        };
        let outer = std::mem::take(&mut g.code);
        if wanted {
            value_op(&mut g, &f, op);
        }
        let code = std::mem::replace(&mut g.code, outer);
        if !code.is_empty() {
            cases.push((op, code));
        }
    }
    let n = cases.len();
    for _ in 0..=n {
        g.ins().block(BlockType::Empty);
    }
    let targets: Vec<u32> = ValueOp::ALL
        .iter()
        .map(|op| cases.iter().position(|(o, _)| o == op).unwrap_or(n) as u32)
        .collect();
    g.ins()
        .local_get(1)
        .i32_wrap_i64()
        .br_table(targets, n as u32)
        .end();
    for (k, (op, code)) in cases.iter().enumerate() {
        g.code.extend_from_slice(code);
        let into_load =
            *op == ValueOp::Deref && cases.get(k + 1).is_some_and(|(o, _)| *o == ValueOp::Load);
        if !into_load {
            g.ins().unreachable();
        }
        g.ins().end();
    }
    g.ins().unreachable();
    g.finish(idx);
}

/// The code of one operation for the frame's type; an operation that does
/// not apply to it emits nothing (the caller traps).
fn value_op(g: &mut FuncGen, f: &OpsFrame, op: ValueOp) {
    let t = f.t;
    let a = &f.a;
    let shape = g.cx.shape(t);
    match (op, shape.clone()) {
        (ValueOp::IsNil, _) if matches!(g.cx.slots(t).first(), Some(ValType::Ref(_))) => {
            // The first slot of every nillable kind is its reference.
            g.ins().local_get(a[0]).ref_is_null().i64_extend_i32_u();
            return_int(g);
        }
        (ValueOp::Len, Shape::Slice(_) | Shape::String) => {
            g.ins().local_get(a[2]).i64_extend_i32_u();
            return_int(g);
        }
        (ValueOp::Len, Shape::Array(_, n)) => {
            g.ins().i64_const(n);
            return_int(g);
        }
        (ValueOp::Len, Shape::Map(..)) => {
            g.ins().local_get(a[0]);
            g.call_runtime("maplen");
            return_int(g);
        }
        (ValueOp::Cap, Shape::Slice(_)) => {
            g.ins().local_get(a[3]).i64_extend_i32_u();
            return_int(g);
        }
        (ValueOp::Swap, Shape::Slice(e)) => swap_elems(g, f, e),
        (ValueOp::Store, Shape::PtrRef(e) | Shape::PtrFat(e) | Shape::PtrArray(e)) => {
            let eslots = g.cx.slots(e);
            let ev = g.tmps(&eslots);
            f.push_b(g, e);
            g.set_all(&ev);
            g.vals = vec![a.clone(), ev];
            g.val_types = vec![t, e];
            super::pointers::store(g, &Operand::Value(0), &Operand::Value(1));
            g.ins().i64_const(0);
            return_int(g);
        }
        (ValueOp::Load, Shape::PtrRef(e) | Shape::PtrFat(e) | Shape::PtrArray(e)) => {
            // An SSA-level load (UnOp Deref) of stand-in value 0, the
            // pointer, into value 1.
            let eslots = g.cx.slots(e);
            let loaded = g.tmps(&eslots);
            g.vals = vec![a.clone(), loaded.clone()];
            g.val_types = vec![t, e];
            let mut ins = Instr::new(Op::UnOp {
                op: UnOp::Deref,
                x: Operand::Value(0),
                comma_ok: false,
            });
            ins.id = 1;
            ins.t = e;
            super::pointers::load(g, &ins, &Operand::Value(0));
            return_any(g, e, |g| g.get_all(&loaded));
        }
        (ValueOp::Deref, Shape::PtrRef(e)) => {
            return_any(g, e, |g| {
                g.ins().local_get(a[0]);
            });
        }
        (ValueOp::Deref, Shape::PtrArray(e)) => {
            // The array object itself when the pointer addresses all of
            // it; otherwise (a slice converted to an array pointer) a
            // copy, by falling through to Load.
            let Shape::Array(_, n) = g.cx.shape(e) else {
                unreachable!()
            };
            g.ins()
                .local_get(a[1])
                .i32_eqz()
                .local_get(a[0])
                .array_len()
                .i32_const(n as i32)
                .i32_eq()
                .i32_and()
                .if_(BlockType::Empty);
            return_any(g, e, |g| {
                g.ins().local_get(a[0]);
            });
            g.ins().end();
        }
        (ValueOp::Field, Shape::Struct(u)) => {
            switch_on_field(g, f, u, |g, k, ft| {
                return_any(g, ft, |g| {
                    g.ins().local_get(a[0]);
                    super::pointers::load_field(g, u, k);
                })
            });
        }
        (ValueOp::SetField, Shape::Struct(u)) => {
            switch_on_field(g, f, u, |g, k, ft| {
                g.ins().local_get(a[0]);
                if is_aggregate(g, ft) {
                    // Nested objects are never replaced: copy into it.
                    super::pointers::load_field(g, u, k);
                    f.push_b(g, ft);
                    let assign = super::helpers::assign_func(g.cx, ft);
                    g.ins().call(assign);
                } else {
                    f.push_b(g, ft);
                    super::pointers::store_field(g, u, k);
                }
                g.ins().i64_const(0);
                return_int(g);
            });
        }
        (ValueOp::Index, Shape::Slice(e) | Shape::Array(e, _)) => {
            let (arr, ix) = elem_ref_locals(g, f, e);
            return_any(g, e, |g| {
                g.ins().local_get(arr).local_get(ix);
                super::pointers::load_elem(g, e);
            });
        }
        (ValueOp::SetIndex, Shape::Slice(e) | Shape::Array(e, _)) => {
            push_elem_ref(g, f);
            if is_aggregate(g, e) {
                super::pointers::load_elem(g, e);
                f.push_b(g, e);
                let assign = super::helpers::assign_func(g.cx, e);
                g.ins().call(assign);
            } else {
                f.push_b(g, e);
                super::pointers::store_elem(g, e);
            }
            g.ins().i64_const(0);
            return_int(g);
        }
        (ValueOp::Copy, Shape::Struct(_) | Shape::Array(..)) => {
            return_any(g, t, |g| {
                let obj = g.cx.object_type(t);
                let copy = super::helpers::copy_func(g.cx, t);
                g.ins()
                    .local_get(a[0])
                    .ref_is_null()
                    .if_(BlockType::Result(ref_null(obj)));
                g.push_zero(t);
                g.ins().else_().local_get(a[0]).call(copy).end();
            });
        }
        (ValueOp::Call, Shape::Func(u)) => call_func(g, f, u),
        (ValueOp::CallMethod, _) => call_method(g, f),
        (ValueOp::MethodType, _) => method_type(g, f),
        (ValueOp::MakeFunc, Shape::Func(u)) => make_func(g, f, u),
        (ValueOp::Slice, Shape::Slice(_)) => {
            // a[i:j:k] with j in j's low and k in its high 32 bits:
            // (arr, off+i, j-i, k-i).
            return_any(g, t, |g| push_subslice(g, f, Some(a[1])));
        }
        (ValueOp::Slice, Shape::Array(e, _)) => {
            // A slice over the array object itself (an addressable array
            // sliced), when the program has the slice type; no value
            // otherwise. a[i:j:k] with j and k packed as for slices.
            match slice_type_of(g.cx, e) {
                Some(st) => return_any(g, st, |g| push_subslice(g, f, None)),
                None => {
                    g.ins().i64_const(0);
                    return_int(g);
                }
            }
        }
        (ValueOp::MakeSlice, Shape::Slice(e)) => {
            return_any(g, t, |g| {
                g.ins().local_get(f.j).i32_wrap_i64();
                super::slices::new_array(g, e);
                g.ins()
                    .i32_const(0)
                    .local_get(f.i)
                    .i32_wrap_i64()
                    .local_get(f.j)
                    .i32_wrap_i64();
            });
        }
        (
            ValueOp::UnsafePointer,
            Shape::PtrRef(_)
            | Shape::PtrFat(_)
            | Shape::PtrArray(_)
            | Shape::Map(..)
            | Shape::Chan(_)
            | Shape::Func(_)
            | Shape::Slice(_)
            | Shape::UnsafePointer,
        ) => {
            let up =
                g.cx.prog
                    .types
                    .iter()
                    .position(|t| matches!(t.kind, TypeKind::Basic(BasicKind::UnsafePointer)))
                    .expect("package reflect mentions unsafe.Pointer");
            let rtype = g.cx.runtime_struct("_type");
            g.ins().ref_null(HeapType::Concrete(rtype)).local_get(a[0]);
            match shape {
                Shape::PtrFat(_) | Shape::PtrArray(_) | Shape::Slice(_) | Shape::UnsafePointer => {
                    g.ins().local_get(a[1]);
                }
                _ => {
                    g.ins().i32_const(0);
                }
            }
            super::helpers::box_value(g, up);
            g.ins().i64_const(0).return_();
        }
        _ => {}
    }
}

/// Body of a type's pointer operation, a function with the signature of
/// ops whose operation depends on the type's kind: for a pointer type, a
/// (nil) → new(T); for a struct, a → &a.field_i; for a slice or array,
/// a → &a[i]. The operation number is ignored.
fn define_ptr_ops(cx: &mut Ctx, idx: u32, t: TypeId) {
    let mut g = FuncGen::helper(cx, 8);
    let f = OpsFrame::new(&mut g, t);
    let a = &f.a;
    match g.cx.shape(t) {
        Shape::PtrRef(e) | Shape::PtrFat(e) | Shape::PtrArray(e) => {
            return_any(&mut g, t, |g| super::pointers::push_new(g, e, true));
        }
        Shape::Struct(u) => {
            switch_on_field(&mut g, &f, u, |g, k, ft| {
                match g.cx.ptr_types.get(&ft).copied() {
                    Some(p) => return_any(g, p, |g| {
                        g.ins().local_get(a[0]);
                        super::pointers::push_field_address(g, u, k);
                    }),
                    None => {
                        g.ins().unreachable();
                    }
                }
            });
        }
        Shape::Slice(e) | Shape::Array(e, _) => {
            if let Some(p) = g.cx.ptr_types.get(&e).copied() {
                let (arr, ix) = elem_ref_locals(&mut g, &f, e);
                return_any(&mut g, p, |g| {
                    g.ins().local_get(arr).local_get(ix);
                    super::pointers::element_address(g, e);
                });
            }
        }
        _ => {}
    }
    g.ins().unreachable();
    g.finish(idx);
}

fn is_aggregate(g: &FuncGen, t: TypeId) -> bool {
    matches!(g.cx.shape(t), Shape::Struct(_) | Shape::Array(..))
}

/// Pushes (array, index) of element i of the frame's slice or array.
fn push_elem_ref(g: &mut FuncGen, f: &OpsFrame) {
    g.ins().local_get(f.a[0]).local_get(f.i).i32_wrap_i64();
    if matches!(g.cx.shape(f.t), Shape::Slice(_)) {
        g.ins().local_get(f.a[1]).i32_add();
    }
}

/// Locals holding (array, index) of element i of the frame's slice or
/// array of e.
fn elem_ref_locals(g: &mut FuncGen, f: &OpsFrame, e: TypeId) -> (u32, u32) {
    push_elem_ref(g, f);
    let arr_t = ref_null(g.cx.array_type(e));
    let (arr, ix) = (g.tmp(arr_t), g.tmp(ValType::I32));
    g.ins().local_set(ix).local_set(arr);
    (arr, ix)
}

/// A `br_table` over the fields of struct u on the frame's i: `case`
/// emits the code for field k of type ft, which must not fall through.
fn switch_on_field(
    g: &mut FuncGen,
    f: &OpsFrame,
    u: TypeId,
    mut case: impl FnMut(&mut FuncGen, usize, TypeId),
) {
    let fields: Vec<TypeId> = g.cx.prog.types[u].fields().iter().map(|x| x.ty).collect();
    switch_cases(
        g,
        fields.len(),
        |g| {
            g.ins().local_get(f.i).i32_wrap_i64();
        },
        |g, k| case(g, k, fields[k]),
    );
}

/// Swaps elements i and j of the frame's slice of e.
fn swap_elems(g: &mut FuncGen, f: &OpsFrame, e: TypeId) {
    let a = &f.a;
    let eslots = g.cx.slots(e);
    let (vi, vj) = (g.tmps(&eslots), g.tmps(&eslots));
    let (ii, jj) = (g.tmp(ValType::I32), g.tmp(ValType::I32));
    for (src, dst) in [(f.i, ii), (f.j, jj)] {
        g.ins()
            .local_get(a[1])
            .local_get(src)
            .i32_wrap_i64()
            .i32_add()
            .local_set(dst);
    }
    for (ix, v) in [(ii, &vi), (jj, &vj)] {
        g.ins().local_get(a[0]).local_get(ix);
        super::pointers::load_elem(g, e);
        g.set_all(v);
    }
    if is_aggregate(g, e) {
        let copy = super::helpers::copy_func(g.cx, e);
        let assign = super::helpers::assign_func(g.cx, e);
        let saved = g.tmp(eslots[0]);
        g.ins()
            .local_get(vi[0])
            .call(copy)
            .local_set(saved)
            .local_get(vi[0])
            .local_get(vj[0])
            .call(assign)
            .local_get(vj[0])
            .local_get(saved)
            .call(assign);
    } else {
        for (ix, v) in [(ii, &vj), (jj, &vi)] {
            g.ins().local_get(a[0]).local_get(ix);
            g.get_all(v);
            super::pointers::store_elem(g, e);
        }
    }
    g.ins().i64_const(0);
    return_int(g);
}

#[cfg(test)]
mod tests {
    #[test]
    fn runtime_type_strings() {
        use super::runtime_type_string as r;
        assert_eq!(r("any"), "interface {}");
        assert_eq!(r("[]any"), "[]interface {}");
        assert_eq!(r("map[string]interface{}"), "map[string]interface {}");
        assert_eq!(r("main.anything"), "main.anything");
        assert_eq!(r("*main.T"), "*main.T");
        assert_eq!(r("interface{Missing()}"), "interface { Missing() }");
        assert_eq!(
            r("struct{a int; b []struct{}}"),
            "struct { a int; b []struct {} }"
        );
        assert_eq!(
            r("struct{A0 int; À int; Aβ any; βany int}"),
            "struct { A0 int; À int; Aβ interface {}; βany int }"
        );
    }
}
