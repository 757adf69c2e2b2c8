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
use crate::ir::{BasicKind, Call, Instr, Op, Operand, TypeId, TypeKind, UnOp};
use wasm_encoder::{BlockType, ConstExpr, GlobalType, HeapType, ValType};

#[derive(Clone, Copy, Debug)]
pub struct Descriptor {
    pub global: u32,
    pub id: u32,
    equal: Option<u32>,
    hash: Option<u32>,
    /// The reflective operations closure (programs using reflection).
    ops: Option<u32>,
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
        let name = format!("type:{}", self.prog.types[t].str);
        let global = self.module.add_global(
            GlobalType {
                val_type: ref_null(rtype),
                mutable: true,
                shared: false,
            },
            ConstExpr::ref_null(HeapType::Concrete(rtype)),
            name,
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
        };
        self.descriptors.insert(t, d);
        self.descriptor_order.push(t);
        if self.uses_reflection {
            if let Some(e) = self.elem_type(t) {
                self.descriptor(e);
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
            ) {
                d.ops = Some(self.ops_closure(t));
                self.descriptors.insert(t, d);
            }
        }
        let methods: Vec<i64> = self.prog.types[t]
            .method_set
            .iter()
            .map(|m| m.func)
            .collect();
        for f in methods.into_iter().filter(|&f| f >= 0) {
            self.func(f as usize);
        }
        d
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
    /// internal/reflectlite (runtime/reflect.go) on values of type t.
    fn ops_closure(&mut self, t: TypeId) -> u32 {
        let (clo, fty) = self.rtype_field_closure("ops");
        let (params, results) = match self.module.type_def(fty) {
            TypeDef::Func(p, r) => (p.clone(), r.clone()),
            _ => unreachable!(),
        };
        let key = format!("typeops:{}#{t}", self.prog.types[t].str);
        let code = self.helper(&key, params, results, |cx, idx| define_ops(cx, idx, t));
        self.closure_global(clo, code, format!("{key}$closure"))
    }

    /// The closure type of a `func` field of the runtime's `_type`.
    fn rtype_field_closure(&mut self, field: &str) -> (u32, u32) {
        let rt = self.underlying(self.runtime_type("_type"));
        let ft = self.prog.types[rt]
            .fields()
            .iter()
            .find(|f| f.name == field)
            .unwrap_or_else(|| panic!("runtime._type has no field {field}"))
            .ty;
        self.closure_types(ft)
    }

    /// A global closure `func(a, b any) bool` comparing values of type t.
    fn equal_closure(&mut self, t: TypeId) -> u32 {
        let (clo, fty) = self.rtype_field_closure("equal");
        let (params, results) = match self.module.type_def(fty) {
            TypeDef::Func(p, r) => (p.clone(), r.clone()),
            _ => unreachable!(),
        };
        let key = format!("typeequal:{}#{t}", self.prog.types[t].str);
        let code = self.helper(&key, params, results, |cx, idx| {
            let mut g = FuncGen::helper(cx, 5);
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(2).call(unbox).local_get(4).call(unbox);
            super::helpers::equal(&mut g, t);
            g.finish(idx);
        });
        self.closure_global(clo, code, format!("{key}$closure"))
    }

    /// A global closure `func(a any, seed uintptr) uintptr` hashing values
    /// of type t.
    fn hash_closure(&mut self, t: TypeId) -> u32 {
        let (clo, fty) = self.rtype_field_closure("hash");
        let (params, results) = match self.module.type_def(fty) {
            TypeDef::Func(p, r) => (p.clone(), r.clone()),
            _ => unreachable!(),
        };
        let key = format!("typehash:{}#{t}", self.prog.types[t].str);
        let code = self.helper(&key, params, results, |cx, idx| {
            let mut g = FuncGen::helper(cx, 4);
            let unbox = super::helpers::unbox_func(g.cx, t);
            g.ins().local_get(2).call(unbox).local_get(3);
            super::helpers::hash(&mut g, t);
            g.finish(idx);
        });
        self.closure_global(clo, code, format!("{key}$closure"))
    }

    /// An immutable global holding a closure without free variables.
    pub fn closure_global(&mut self, clo: u32, code: u32, name: String) -> u32 {
        let slot = self.module.table_slot(code);
        self.module.add_global(
            GlobalType {
                val_type: ref_null(clo),
                mutable: false,
                shared: false,
            },
            ConstExpr::extended([
                wasm_encoder::Instruction::I32Const(slot as i32),
                wasm_encoder::Instruction::StructNew(clo),
            ]),
            name,
        )
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
    let b = s.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.';
    let mut out = String::with_capacity(s.len() + 8);
    let mut closers: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let rest = &s[i..];
        let word_start = i == 0 || !is_ident(b[i - 1]);
        if word_start && rest.starts_with("any") && (i + 3 == b.len() || !is_ident(b[i + 3])) {
            out.push_str("interface {}");
            i += 3;
            continue;
        }
        let kw = ["interface{", "struct{"]
            .into_iter()
            .find(|k| word_start && rest.starts_with(k));
        if let Some(k) = kw {
            out.push_str(&k[..k.len() - 1]);
            i += k.len();
            if b.get(i) == Some(&b'}') {
                out.push_str(" {}");
                i += 1;
            } else {
                out.push_str(" { ");
                closers.push(true);
            }
            continue;
        }
        match b[i] {
            b'{' => closers.push(false),
            b'}' if closers.pop() == Some(true) => out.push(' '),
            _ => {}
        }
        out.push(b[i] as char);
        i += 1;
    }
    out
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
    let key = format!("invoke:{}:{}", m.id, g.cx.prog.types[c.sig].str);
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

/// Start-up code filling every descriptor.
pub fn init_descriptors(g: &mut FuncGen) {
    let rt = g.cx.underlying(g.cx.runtime_type("_type"));
    let rtype = g.cx.runtime_struct("_type");
    let fields: Vec<(String, TypeId)> = g.cx.prog.types[rt]
        .fields()
        .iter()
        .map(|f| (f.name.clone(), f.ty))
        .collect();
    let order = g.cx.descriptor_order.clone();
    for t in order {
        let d = g.cx.descriptors[&t];
        for (name, ft) in &fields {
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
                    let Shape::Slice(elem) = g.cx.shape(*ft) else {
                        unreachable!()
                    };
                    let arr = g.cx.array_type(elem);
                    let bx = g.cx.box_type(elem);
                    for id in &ids {
                        g.push_string_const(id.as_bytes());
                        g.ins().struct_new(bx);
                    }
                    g.ins()
                        .array_new_fixed(arr, ids.len() as u32)
                        .i32_const(0)
                        .i32_const(ids.len() as i32)
                        .i32_const(ids.len() as i32);
                }
                "equal" | "hash" | "ops" => {
                    let gl = match name.as_str() {
                        "equal" => d.equal,
                        "hash" => d.hash,
                        _ => d.ops,
                    };
                    match gl {
                        Some(gl) => {
                            g.ins().global_get(gl);
                        }
                        None => g.push_zero(*ft),
                    }
                }
                _ => g.push_zero(*ft),
            }
        }
        g.ins().i32_const(0).struct_new(rtype).global_set(d.global);
    }
    // Element types refer to other descriptors: link them once all exist.
    let elem_field = fields
        .iter()
        .position(|(n, _)| n == "elem")
        .expect("_type.elem");
    let (elem_wasm, _) = g.cx.field_layout(rt, elem_field);
    for t in g.cx.descriptor_order.clone() {
        let d = g.cx.descriptors[&t];
        if let Some(ed) =
            g.cx.elem_type(t)
                .and_then(|e| g.cx.descriptors.get(&e).copied())
        {
            g.ins()
                .global_get(d.global)
                .global_get(ed.global)
                .struct_set(rtype, elem_wasm);
        }
    }
}

/// Operation codes of runtime._type.ops (internal/reflectlite's valueOp).
const OP_IS_NIL: u32 = 0;
const OP_LEN: u32 = 1;
const OP_SWAP: u32 = 2;
const OP_STORE: u32 = 3;
const OP_LOAD: u32 = 4;

/// Body of a type's ops function: (env, op, a, b, i, j) -> (any, int).
fn define_ops(cx: &mut Ctx, idx: u32, t: TypeId) {
    let mut g = FuncGen::helper(cx, 8);
    let (op, a_p, b_t, b_p, i, j) = (1, 3, 4, 5, 6, 7);
    let rtype = g.cx.runtime_struct("_type");
    let shape = g.cx.shape(t);
    let elem = g.cx.elem_type(t);
    let tslots = g.cx.slots(t);
    let a = g.tmps(&tslots);
    let unbox = super::helpers::unbox_func(g.cx, t);
    g.ins().local_get(a_p).call(unbox);
    g.set_all(&a);
    let ret_int = |g: &mut FuncGen| {
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
    };
    let ncases = 5u32;
    for _ in 0..=ncases {
        g.ins().block(BlockType::Empty);
    }
    g.ins()
        .local_get(op)
        .i32_wrap_i64()
        .br_table([OP_IS_NIL, OP_LEN, OP_SWAP, OP_STORE, OP_LOAD], ncases)
        .end();
    // IsNil: the first slot of every nillable kind is its reference.
    g.ins().local_get(a[0]).ref_is_null().i64_extend_i32_u();
    ret_int(&mut g);
    g.ins().end();
    // Len
    match shape {
        Shape::Slice(_) | Shape::String => {
            g.ins().local_get(a[2]).i64_extend_i32_u();
            ret_int(&mut g);
        }
        Shape::Array(_, n) => {
            g.ins().i64_const(n);
            ret_int(&mut g);
        }
        Shape::Map(..) => {
            g.ins().local_get(a[0]);
            g.call_runtime("maplen");
            ret_int(&mut g);
        }
        _ => {
            g.ins().unreachable();
        }
    }
    g.ins().end();
    // Swap
    match (shape.clone(), elem) {
        (Shape::Slice(_), Some(e)) => {
            let eslots = g.cx.slots(e);
            let (vi, vj) = (g.tmps(&eslots), g.tmps(&eslots));
            let (ii, jj) = (g.tmp(ValType::I32), g.tmp(ValType::I32));
            for (src, dst) in [(i, ii), (j, jj)] {
                g.ins()
                    .local_get(a[1])
                    .local_get(src)
                    .i32_wrap_i64()
                    .i32_add()
                    .local_set(dst);
            }
            for (ix, v) in [(ii, &vi), (jj, &vj)] {
                g.ins().local_get(a[0]).local_get(ix);
                super::pointers::load_elem(&mut g, e);
                g.set_all(v);
            }
            if matches!(g.cx.shape(e), Shape::Struct(_) | Shape::Array(..)) {
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
                    super::pointers::store_elem(&mut g, e);
                }
            }
            g.ins().i64_const(0);
            ret_int(&mut g);
        }
        _ => {
            g.ins().unreachable();
        }
    }
    g.ins().end();
    // Store and Load, through a pointer: SSA-level Store and UnOp on
    // stand-in values 0 (the pointer) and 1 (the element).
    let pointee = match shape {
        Shape::PtrRef(e) | Shape::PtrFat(e) | Shape::PtrArray(e) => Some(e),
        _ => None,
    };
    match pointee {
        Some(e) => {
            let eslots = g.cx.slots(e);
            let ev = g.tmps(&eslots);
            let loaded = g.tmps(&eslots);
            g.vals = vec![a.clone(), ev.clone(), loaded.clone()];
            g.val_types = vec![t, e, e];
            let is_iface = matches!(g.cx.shape(e), Shape::Interface(_));
            if is_iface {
                g.ins().local_get(b_t).local_get(b_p);
            } else {
                let unbox_e = super::helpers::unbox_func(g.cx, e);
                g.ins().local_get(b_p).call(unbox_e);
            }
            g.set_all(&ev);
            super::pointers::store(&mut g, &Operand::Value(0), &Operand::Value(1));
            g.ins().i64_const(0);
            ret_int(&mut g);
            g.ins().end();
            let mut ins = Instr::new(Op::UnOp {
                op: UnOp::Deref,
                x: Operand::Value(0),
                comma_ok: false,
            });
            ins.id = 2;
            ins.t = e;
            super::pointers::load(&mut g, &ins, &Operand::Value(0));
            if !is_iface {
                push_descriptor(&mut g, e);
            }
            g.get_all(&loaded);
            if !is_iface {
                super::helpers::box_value(&mut g, e);
            }
            g.ins().i64_const(0).return_().end();
        }
        None => {
            g.ins().unreachable().end().unreachable().end();
        }
    }
    g.ins().unreachable();
    g.finish(idx);
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
    }
}
