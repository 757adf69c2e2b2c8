//! Calls: static calls, closures (function values), host imports,
//! intrinsics, and the builtins (len, append, print, ...).

use super::func::FuncGen;
use super::types::Shape;
use super::{Ctx, declaration_error};
use crate::emit::module::{TypeDef, ref_null};
use crate::ir::{BasicKind, Builtin, Call, FuncId, Function, Instr, Operand, TypeId, TypeKind};
use anyhow::Result;
use host_abi::AbiType;
use wasm_encoder::{
    AbstractHeapType, BlockType, FieldType, HeapType, RefType, StorageType, ValType,
};

/// `(ref null array)`, as the host's API names byte arrays.
pub const ARRAYREF: ValType = ValType::Ref(RefType {
    nullable: true,
    heap_type: HeapType::Abstract {
        shared: false,
        ty: AbstractHeapType::Array,
    },
});

pub fn abi_valtype(t: AbiType) -> ValType {
    match t {
        AbiType::I32 => ValType::I32,
        AbiType::I64 => ValType::I64,
        AbiType::F32 => ValType::F32,
        AbiType::F64 => ValType::F64,
        AbiType::Bytes => ARRAYREF,
        AbiType::Object => super::types::ANYREF,
    }
}

/// How one Go parameter or result crosses the host boundary: its wasm
/// form, which of the value's slots pass, and its Go type as the vm checks
/// it (`host_abi::HOST_FUNCS_SECTION`).
pub struct Crossing {
    pub abi: Vec<AbiType>,
    pub slots: std::ops::Range<u32>,
    pub go: String,
}

/// Which boundary a function's values cross.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    /// A host ABI function (`//go:wasmimport gowasm NAME`).
    HostAbi,
    /// One of the embedder's host functions.
    HostFunc,
    /// A `//go:wasmexport` function, called by the host.
    Export,
}

impl Boundary {
    /// The boundary of an import from `module`.
    fn of_import(module: &str) -> Boundary {
        match module {
            host_abi::MODULE => Boundary::HostAbi,
            _ => Boundary::HostFunc,
        }
    }
}

/// The Go name of a number or bool type's underlying basic type.
pub fn scalar_name(cx: &Ctx, t: TypeId) -> Option<&'static str> {
    use BasicKind as B;
    let TypeKind::Basic(kind) = cx.prog.types[cx.underlying(t)].kind else {
        return None;
    };
    Some(match kind {
        B::Bool => "bool",
        B::Int => "int",
        B::Int8 => "int8",
        B::Int16 => "int16",
        B::Int32 => "int32",
        B::Int64 => "int64",
        B::Uint => "uint",
        B::Uint8 => "uint8",
        B::Uint16 => "uint16",
        B::Uint32 => "uint32",
        B::Uint64 => "uint64",
        B::Uintptr => "uintptr",
        B::Float32 => "float32",
        B::Float64 => "float64",
        _ => return None,
    })
}

/// How a Go parameter or result crosses: numbers and bools as themselves,
/// strings and byte slices as (array, offset, length); for the embedder's
/// host functions also pointers to numbers and bools (base object, index:
/// the host reads and writes the pointee through the module's exported
/// accessors); for gowasm's own, an interface's payload (what
/// runtime.Pinner pins).
pub fn crossing(cx: &Ctx, t: TypeId, boundary: Boundary) -> Option<Crossing> {
    let one = |abi: AbiType, go: &str| Crossing {
        abi: vec![abi],
        slots: 0..1,
        go: go.to_string(),
    };
    let bytes = |go: &str| Crossing {
        abi: vec![AbiType::Bytes, AbiType::I32, AbiType::I32],
        slots: 0..3,
        go: go.to_string(),
    };
    Some(match cx.shape(t) {
        Shape::Bool
        | Shape::Int {
            bits: 8 | 16 | 32, ..
        } => one(AbiType::I32, scalar_name(cx, t)?),
        Shape::Int { bits: 64, .. } => one(AbiType::I64, scalar_name(cx, t)?),
        Shape::F32 => one(AbiType::F32, "float32"),
        Shape::F64 => one(AbiType::F64, "float64"),
        Shape::String => bytes("string"),
        Shape::Slice(e) if scalar_name(cx, e) == Some("uint8") => bytes("[]byte"),
        Shape::PtrFat(e) if boundary == Boundary::HostFunc => Crossing {
            abi: vec![AbiType::Object, AbiType::I32],
            slots: 0..2,
            go: format!("*{}", scalar_name(cx, e)?),
        },
        Shape::Interface(_) if boundary == Boundary::HostAbi => Crossing {
            abi: vec![AbiType::Object],
            slots: 1..2,
            go: "any".to_string(),
        },
        _ => return None,
    })
}

/// The pointee types of the embedder's host functions' pointer parameters.
pub fn host_pointees(cx: &Ctx, f: &Function) -> Vec<TypeId> {
    f.params
        .iter()
        .filter_map(|p| match cx.shape(p.ty) {
            Shape::PtrFat(e) if !f.import.is_empty() && f.import[0] != host_abi::MODULE => Some(e),
            _ => None,
        })
        .collect()
}

/// The wasm signature of a `//go:wasmimport MODULE NAME` declaration,
/// and its Go signature as `host_abi::HOST_FUNCS_SECTION` records it:
/// checked against the host ABI for gowasm's own module; for another (an
/// embedder's host functions, which the vm checks when it loads the
/// module) any signature of numbers, bools, strings, byte slices and
/// pointers to numbers and bools, with at most one result (not a
/// pointer).
pub fn import_signature(
    cx: &mut Ctx,
    f: &Function,
    module: &str,
    name: &str,
) -> Result<(Vec<ValType>, Vec<ValType>, String)> {
    let fail =
        |msg: String| declaration_error(f, &format!("//go:wasmimport {module} {name}: {msg}"));
    let mut params = Vec::new();
    let mut go_params = Vec::new();
    for p in &f.params {
        match crossing(cx, p.ty, Boundary::of_import(module)) {
            Some(c) => {
                params.extend(c.abi);
                go_params.push(c.go);
            }
            None => {
                return Err(fail(format!(
                    "parameter type {} cannot cross the host boundary",
                    cx.prog.types[p.ty].str
                )));
            }
        }
    }
    if f.results.len() > 1 {
        return Err(fail(
            "at most one result can cross the host boundary".into(),
        ));
    }
    let mut results = Vec::new();
    let mut go_result = String::new();
    for &r in &f.results {
        match crossing(cx, r, Boundary::of_import(module)) {
            Some(c) if c.abi[0] != AbiType::Object => {
                // A byte string result is the array alone.
                results.push(c.abi[0]);
                go_result = format!(" {}", c.go);
            }
            _ => {
                return Err(fail(format!(
                    "result type {} cannot cross the host boundary",
                    cx.prog.types[r].str
                )));
            }
        }
    }
    if module == host_abi::MODULE {
        let Some(abi) = host_abi::import(name) else {
            return Err(fail("the host ABI has no such function".into()));
        };
        if params != abi.params || results != abi.results {
            return Err(fail(format!(
                "Go signature lowers to {:?} -> {:?}, but host ABI v{} has {:?} -> {:?}",
                params,
                results,
                host_abi::VERSION,
                abi.params,
                abi.results
            )));
        }
    }
    Ok((
        params.into_iter().map(abi_valtype).collect(),
        results.into_iter().map(abi_valtype).collect(),
        format!("func({}){go_result}", go_params.join(", ")),
    ))
}

/// Defines the Go-convention wrapper of an imported host function: each
/// parameter passes the slots its crossing names; a byte-array result
/// becomes a slice or string over the whole array.
pub fn define_import_wrapper(cx: &mut Ctx, fid: FuncId) {
    let f = &cx.prog.functions[fid];
    let import = cx.imports[&fid];
    let idx = cx.funcs[&fid];
    let module = f.import[0].clone();
    let (wparams, _) = super::func::wasm_signature(cx, fid);
    let bytes = crate::emit::module::BYTES_TYPE;
    let results = f.results.clone();
    let slice_result = results.len() == 1 && cx.slots(results[0]).len() > 1;
    let extra = if slice_result {
        vec![ref_null(bytes)]
    } else {
        vec![]
    };
    let mut body = wasm_encoder::Function::new_with_locals_types(extra);
    let mut ins = body.instructions();
    let mut local = 0u32;
    for p in &f.params {
        let c =
            crossing(cx, p.ty, Boundary::of_import(&module)).expect("checked by import_signature");
        for i in c.slots {
            ins.local_get(local + i);
        }
        local += cx.slots(p.ty).len() as u32;
    }
    debug_assert_eq!(local as usize, wparams.len());
    ins.call(import);
    if slice_result {
        let tmp = wparams.len() as u32;
        let n = if matches!(cx.shape(results[0]), Shape::Slice(_)) {
            2
        } else {
            1
        };
        ins.ref_cast_nullable(HeapType::Concrete(bytes))
            .local_tee(tmp)
            .i32_const(0);
        for _ in 0..n {
            ins.local_get(tmp)
                .ref_is_null()
                .if_(BlockType::Result(ValType::I32))
                .i32_const(0)
                .else_()
                .local_get(tmp)
                .array_len()
                .end();
        }
    }
    ins.end();
    cx.module.define(idx, body);
}

/// Functions whose bodies the compiler supplies.
pub fn is_intrinsic(name: &str) -> bool {
    is_payload(name)
        || is_overlap(name)
        || matches!(
            name,
            "runtime.wasmThrow"
                | "runtime.efaceType"
                | "runtime.withPayload"
                | "runtime.efaceMake"
                | "crypto/internal/constanttime.boolToUint8"
                | "internal/abi.NoEscape"
                | "runtime.efaceIdentical"
                | "runtime.kindReachable"
                | "runtime.callersRecorded"
                | "runtime.funcEntry"
                | "math.archFloor"
                | "math.archCeil"
                | "math.archTrunc"
                | "math.sqrt"
                | "math.archSqrt"
        )
        || is_bits(name)
}

/// math/bits functions that are one wasm instruction (gc makes them
/// intrinsics too; a call each would dominate hashing loops).
fn is_bits(name: &str) -> bool {
    matches!(
        name,
        "math/bits.RotateLeft"
            | "math/bits.RotateLeft64"
            | "math/bits.RotateLeft32"
            | "math/bits.LeadingZeros64"
            | "math/bits.LeadingZeros32"
            | "math/bits.TrailingZeros64"
            | "math/bits.TrailingZeros32"
            | "math/bits.OnesCount64"
            | "math/bits.OnesCount32"
            | "math/bits.Len64"
            | "math/bits.Len32"
    )
}

/// Whether two slices share elements: gc's versions compare element
/// addresses as integers (x/crypto's, under the purego tag gowasm builds
/// with, reflect's Pointer), which here are placeholders.
fn is_overlap(name: &str) -> bool {
    name.starts_with("slices.overlaps[")
        || name == "crypto/internal/fips140/alias.AnyOverlap"
        || name == "vendor/golang.org/x/crypto/internal/alias.AnyOverlap"
}

/// `payload[T]`, declared by the runtime and by package reflect.
fn is_payload(name: &str) -> bool {
    name.starts_with("runtime.payload[") || name.starts_with("reflect.payload[")
}

pub fn define_intrinsic_body(cx: &mut Ctx, fid: FuncId) {
    let name = cx.prog.functions[fid].name.clone();
    let idx = cx.funcs[&fid];
    if is_payload(&name) {
        // (interface) -> its payload as the result type.
        let t = cx.prog.functions[fid].results[0];
        let unbox = super::helpers::unbox_func(cx, t);
        let mut body = wasm_encoder::Function::new([]);
        body.instructions().local_get(1).call(unbox).end();
        cx.module.define(idx, body);
        return;
    }
    // The slots an identity intrinsic passes through.
    let identity_slots = if name == "internal/abi.NoEscape" {
        let p = cx.prog.functions[fid].params[0].ty;
        cx.slots(p).len() as u32
    } else {
        0
    };
    if is_overlap(&name) {
        // (arr, off, len, cap) twice: the same array, both non-empty, and
        // intersecting index ranges.
        let mut body = wasm_encoder::Function::new([]);
        body.instructions()
            .local_get(0)
            .local_get(4)
            .ref_eq()
            .local_get(2)
            .i32_const(0)
            .i32_ne()
            .i32_and()
            .local_get(6)
            .i32_const(0)
            .i32_ne()
            .i32_and()
            .local_get(1)
            .local_get(5)
            .local_get(6)
            .i32_add()
            .i32_lt_u()
            .i32_and()
            .local_get(5)
            .local_get(1)
            .local_get(2)
            .i32_add()
            .i32_lt_u()
            .i32_and()
            .end();
        cx.module.define(idx, body);
        return;
    }
    let mut body = wasm_encoder::Function::new([]);
    {
        let mut ins = body.instructions();
        match name.as_str() {
            // gc's version launders the pointer through a uintptr, which
            // here is a placeholder address: the pointer itself.
            "internal/abi.NoEscape" => {
                for l in 0..identity_slots {
                    ins.local_get(l);
                }
            }
            "runtime.wasmThrow" => {
                ins.throw(cx.panic_tag);
            }
            "runtime.efaceType" => {
                ins.local_get(0);
            }
            "runtime.withPayload" => {
                ins.local_get(0).local_get(3);
            }
            "runtime.efaceMake" => {
                ins.local_get(0).local_get(2);
            }
            // gc intrinsic (its Go body panics): a bool is already 0 or 1.
            "crypto/internal/constanttime.boolToUint8" => {
                ins.local_get(0);
            }
            "runtime.callersRecorded" => {
                ins.i32_const(cx.lines.is_some().into());
            }
            // (type, payload) of a func value: the entry program counter of
            // the function in its closure's table slot (docs/abi.md).
            "runtime.funcEntry" => {
                let slot_funcs = *cx.slot_funcs.get_or_insert_with(|| {
                    let ty = cx.module.func_type(vec![ValType::I32], vec![ValType::I32]);
                    cx.module.declare_func(ty, "slotfuncs".into())
                });
                ins.local_get(1)
                    .ref_cast_nullable(HeapType::Concrete(cx.closure_root))
                    .struct_get(cx.closure_root, 0)
                    .call(slot_funcs)
                    .i64_extend_i32_u()
                    .i64_const(1)
                    .i64_add()
                    .i64_const(32)
                    .i64_shl();
            }
            "runtime.kindReachable" => {
                let mask = cx.reachable_kinds();
                ins.i32_const(mask as i32)
                    .local_get(0)
                    .i32_shr_u()
                    .i32_const(1)
                    .i32_and();
            }
            "runtime.efaceIdentical" => {
                let eq = HeapType::Abstract {
                    shared: false,
                    ty: AbstractHeapType::Eq,
                };
                ins.local_get(0)
                    .local_get(2)
                    .ref_eq()
                    .local_get(1)
                    .ref_cast_nullable(eq)
                    .local_get(3)
                    .ref_cast_nullable(eq)
                    .ref_eq()
                    .i32_and();
            }
            "math.archFloor" => {
                ins.local_get(0).f64_floor();
            }
            "math.archCeil" => {
                ins.local_get(0).f64_ceil();
            }
            "math.archTrunc" => {
                ins.local_get(0).f64_trunc();
            }
            "math.sqrt" | "math.archSqrt" => {
                ins.local_get(0).f64_sqrt();
            }
            // uint and int are 64-bit; a rotation count is taken modulo
            // the width, so a negative one rotates right, as in Go.
            "math/bits.RotateLeft64" | "math/bits.RotateLeft" => {
                ins.local_get(0).local_get(1).i64_rotl();
            }
            "math/bits.RotateLeft32" => {
                ins.local_get(0).local_get(1).i32_wrap_i64().i32_rotl();
            }
            "math/bits.LeadingZeros64" => {
                ins.local_get(0).i64_clz();
            }
            "math/bits.LeadingZeros32" => {
                ins.local_get(0).i32_clz().i64_extend_i32_u();
            }
            "math/bits.TrailingZeros64" => {
                ins.local_get(0).i64_ctz();
            }
            "math/bits.TrailingZeros32" => {
                ins.local_get(0).i32_ctz().i64_extend_i32_u();
            }
            "math/bits.OnesCount64" => {
                ins.local_get(0).i64_popcnt();
            }
            "math/bits.OnesCount32" => {
                ins.local_get(0).i32_popcnt().i64_extend_i32_u();
            }
            "math/bits.Len64" => {
                ins.i64_const(64).local_get(0).i64_clz().i64_sub();
            }
            "math/bits.Len32" => {
                ins.i64_const(32)
                    .local_get(0)
                    .i32_clz()
                    .i64_extend_i32_u()
                    .i64_sub();
            }
            _ => unreachable!(),
        }
        ins.end();
    }
    cx.module.define(idx, body);
}

impl Ctx<'_> {
    /// Closure types for a function used as a value: its own parameters
    /// (receiver included) and results.
    pub fn closure_types_of_func(&mut self, f: FuncId) -> (u32, u32) {
        let fun = &self.prog.functions[f];
        let (ps, rs): (Vec<TypeId>, Vec<TypeId>) = (
            fun.params.iter().map(|p| p.ty).collect(),
            fun.results.clone(),
        );
        let params = ps.into_iter().flat_map(|t| self.slots(t)).collect();
        let results = rs.into_iter().flat_map(|t| self.slots(t)).collect();
        self.closure_types_slots(params, results)
    }

    /// The struct type of closures of f: the base closure type extended
    /// with the free variables' slots.
    pub fn closure_env_type(&mut self, f: FuncId) -> u32 {
        let (clo, _) = self.closure_types_of_func(f);
        let fvs: Vec<TypeId> = self.prog.functions[f]
            .free_vars
            .iter()
            .map(|v| v.ty)
            .collect();
        let mut fields = vec![CLOSURE_CODE_FIELD];
        for t in fvs {
            for s in self.slots(t) {
                fields.push(FieldType {
                    element_type: StorageType::Val(s),
                    mutable: false,
                });
            }
        }
        self.module.intern(TypeDef::Struct {
            fields,
            supertype: Some(clo),
            is_final: true,
        })
    }
}

/// Defines the function `runtime.funcEntry` calls, if it does: the
/// function index in a table slot (for a top-level function's func value,
/// the function's rather than its adapter's), read from a data column of
/// the whole table (complete only now).
pub fn define_slot_funcs(cx: &mut Ctx) {
    let Some(idx) = cx.slot_funcs else { return };
    let column: Vec<u8> = cx
        .module
        .table_funcs()
        .iter()
        .map(|f| cx.func_value_targets.get(f).unwrap_or(f))
        .flat_map(|f| f.to_le_bytes())
        .collect();
    let at = cx.module.add_data(&column);
    let arr = super::pointers::i32_array(cx);
    let mut body = wasm_encoder::Function::new([]);
    body.instructions()
        .local_get(0)
        .i32_const(4)
        .i32_mul()
        .i32_const(at as i32)
        .i32_add()
        .i32_const(1)
        .array_new_data(arr, 0)
        .i32_const(0)
        .array_get(arr)
        .end();
    cx.module.define(idx, body);
}

/// gc's message for a nil receiver of the current function, a pointer
/// method wrapper `(*T).M` of the value method `T.M` it calls.
fn panicwrap_message(g: &FuncGen) -> Option<String> {
    let target =
        g.f.blocks
            .iter()
            .flat_map(|b| &b.instrs)
            .find_map(|i| match i.op.call() {
                Some(Call {
                    callee: Some(Operand::Func(f)),
                    ..
                }) => Some(*f),
                _ => None,
            })?;
    let method = &g.cx.prog.functions[target].go_name;
    let (recv, _) = method.rsplit_once('.')?;
    let typ = recv.rsplit_once('.')?.1;
    Some(format!(
        "value method {method} called using nil *{typ} pointer"
    ))
}

/// Field 0 of every closure struct: the code's function-table slot.
pub const CLOSURE_CODE_FIELD: FieldType = FieldType {
    element_type: StorageType::Val(ValType::I32),
    mutable: false,
};

/// Reads the free variables out of the environment (param 0).
pub fn load_free_vars(g: &mut FuncGen) {
    let env_ty = g.cx.closure_env_type(g.fid);
    let env = g.tmp(ref_null(env_ty));
    g.ins()
        .local_get(0)
        .ref_cast_nullable(HeapType::Concrete(env_ty))
        .local_set(env);
    let mut field = 1u32;
    for fv in &g.f.free_vars {
        let ls = g.vals[fv.id].clone();
        for l in ls {
            g.ins()
                .local_get(env)
                .struct_get(env_ty, field)
                .local_set(l);
            field += 1;
        }
    }
}

pub fn make_closure(g: &mut FuncGen, ins: &Instr, f: FuncId, bindings: &[Operand]) {
    let env_ty = g.cx.closure_env_type(f);
    let code = g.cx.func(f);
    let slot = g.cx.module.table_slot(code);
    g.ins().i32_const(slot as i32);
    for a in bindings {
        g.push(a);
    }
    g.ins().struct_new(env_ty);
    g.set_result(ins);
}

/// Pushes a top-level function as a func value: a shared closure object
/// whose code ignores the environment and calls the function.
pub fn push_func_value(g: &mut FuncGen, f: FuncId) {
    let key = format!(
        "{}$closure",
        super::display_name(&g.cx.prog.functions[f].name)
    );
    let global = match g.cx.helpers.get(&format!("global:{key}")) {
        Some(&i) => i,
        None => {
            let (clo, fty) = g.cx.closure_types_of_func(f);
            let (params, results) = match g.cx.module.type_def(fty) {
                TypeDef::Func(p, r) => (p.clone(), r.clone()),
                _ => unreachable!(),
            };
            let target = g.cx.func(f);
            let n = params.len() as u32;
            let wrapper = g.cx.helper(&key, params, results, |cx, idx| {
                let mut body = wasm_encoder::Function::new([]);
                let mut ins = body.instructions();
                for i in 1..n {
                    ins.local_get(i);
                }
                ins.call(target).end();
                cx.module.define(idx, body);
            });
            g.cx.func_value_targets.insert(wrapper, target);
            let global = g.cx.closure_global(clo, wrapper);
            g.cx.helpers.insert(format!("global:{key}"), global);
            global
        }
    };
    g.ins().global_get(global);
}

pub fn call(g: &mut FuncGen, ins: &Instr, c: &Call) {
    if c.method.is_some() {
        super::interfaces::invoke(g, ins, c);
        return;
    }
    match c.callee.as_ref().unwrap() {
        Operand::Func(f) => {
            let f = *f;
            for a in &c.args {
                g.push(a);
            }
            let mut idx = g.cx.func(f);
            if g.flat.is_flat_call(ins) {
                idx = g.cx.flat_funcs[&f];
            }
            g.ins().call(idx);
            g.suspend_check();
        }
        Operand::Builtin(name) => {
            builtin(g, ins, *name, &c.args);
            return;
        }
        callee => {
            // A func value: nil check, then call its code with itself as
            // the environment.
            let sig = g.operand_type(callee).unwrap();
            let (clo, fty) = g.cx.closure_types(sig);
            let t = g.tmp(ref_null(clo));
            g.push(callee);
            g.ins().local_tee(t).ref_is_null().if_(BlockType::Empty);
            g.call_runtime("panicmem");
            g.ins().unreachable().end().local_get(t);
            for a in &c.args {
                g.push(a);
            }
            g.ins()
                .local_get(t)
                .struct_get(clo, 0)
                .call_indirect(0, fty);
            g.suspend_check();
        }
    }
    g.set_result(ins);
}

fn builtin(g: &mut FuncGen, ins: &Instr, name: Builtin, args: &[Operand]) {
    match name {
        Builtin::Len | Builtin::Cap => {
            let t = g.operand_type(&args[0]).unwrap();
            match g.cx.shape(t) {
                Shape::String => {
                    g.push(&args[0]);
                    let l = g.tmp(ValType::I32);
                    g.ins().local_set(l).drop().drop().local_get(l);
                }
                Shape::Slice(_) => {
                    let slots = g.cx.slots(t);
                    let s = g.tmps(&slots);
                    g.push(&args[0]);
                    g.set_all(&s);
                    g.ins()
                        .local_get(if name == Builtin::Len { s[2] } else { s[3] });
                }
                Shape::Array(_, n) => {
                    g.ins().i32_const(n as i32);
                }
                Shape::PtrArray(at) => {
                    let Shape::Array(_, n) = g.cx.shape(at) else {
                        unreachable!()
                    };
                    g.ins().i32_const(n as i32);
                }
                Shape::Map(..) => {
                    g.push(&args[0]);
                    g.call_runtime("maplen");
                    g.ins().i32_wrap_i64();
                }
                Shape::Chan(_) => {
                    super::channels::builtin(g, ins, name, &args[0]);
                    return;
                }
                _ => {
                    g.unsupported(ins, &format!("{name:?} of this type"));
                    return;
                }
            }
            g.ins().i64_extend_i32_s();
            g.set_result(ins);
        }
        Builtin::Append => super::slices::append(g, ins, args),
        Builtin::Copy => super::slices::copy(g, ins, args),
        Builtin::Panic => {
            g.push(&args[0]);
            g.call_runtime("gopanic");
            g.ins().unreachable();
        }
        Builtin::Print | Builtin::Println => {
            super::strings::print(g, args, name == Builtin::Println)
        }
        Builtin::Recover => {
            match g.recover_armed {
                Some(l) => {
                    g.ins().local_get(l);
                }
                None => {
                    g.ins().i32_const(0);
                }
            }
            g.call_runtime("gorecover");
            g.set_result(ins);
        }
        Builtin::Min | Builtin::Max => super::arith::min_max(g, ins, args, name == Builtin::Min),
        Builtin::Real | Builtin::Imag => {
            g.push(&args[0]);
            if name == Builtin::Real {
                g.ins().drop();
            } else {
                let slot = g.cx.slots(ins.t)[0];
                let t = g.tmp(slot);
                g.ins().local_set(t).drop().local_get(t);
            }
            g.set_result(ins);
        }
        Builtin::Complex => {
            g.push(&args[0]);
            g.push(&args[1]);
            g.set_result(ins);
        }
        Builtin::Clear => {
            let t = g.operand_type(&args[0]).unwrap();
            match g.cx.shape(t) {
                Shape::Map(..) => {
                    g.push(&args[0]);
                    g.call_runtime("mapclear");
                }
                Shape::Slice(elem) => super::slices::clear(g, &args[0], elem),
                _ => g.unsupported(ins, "clear of this type"),
            }
        }
        Builtin::Delete => super::maps::delete(g, args),
        Builtin::Close => super::channels::builtin(g, ins, name, &args[0]),
        Builtin::WrapNilCheck => {
            // Returns its pointer argument, panicking if it is nil, with
            // gc's message when the wrapped method is known.
            g.push(&args[0]);
            let slots = g.cx.slots(ins.t);
            let ls = g.tmps(&slots);
            g.set_all(&ls);
            g.ins().local_get(ls[0]).ref_is_null().if_(BlockType::Empty);
            match panicwrap_message(g) {
                Some(msg) => {
                    g.push_string_const(msg.as_bytes());
                    g.call_runtime("panicwrap");
                }
                None => g.call_runtime("panicmem"),
            }
            g.ins().unreachable().end();
            g.get_all(&ls);
            g.set_result(ins);
        }
        Builtin::DeferStack => {
            // Defers go on the goroutine's one chain, and the enclosing
            // function's RunDefers runs everything pushed above its base:
            // the stack handle itself carries nothing.
            super::func::push_null_eq(&mut g.ins());
            g.ins().i32_const(0);
            g.set_result(ins);
        }
        Builtin::Sizeof => {
            let t = g.operand_type(&args[0]).unwrap();
            let size = g.cx.go_size(t);
            g.ins().i64_const(size);
            g.set_result(ins);
        }
        Builtin::String
        | Builtin::StringData
        | Builtin::Slice
        | Builtin::SliceData
        | Builtin::Add => super::pointers::unsafe_builtin(g, ins, name, args),
    }
}

/// Defines `adapter` (with the signature of the bodyless function `decl`)
/// calling `imp`, which implements it through `//go:linkname` with
/// unsafe.Pointer where `decl` has a typed pointer.
pub fn define_linkname_adapter(cx: &mut Ctx, decl: FuncId, imp: FuncId, adapter: u32) {
    let target = cx.func(imp);
    let dparams: Vec<TypeId> = cx.prog.functions[decl]
        .params
        .iter()
        .map(|p| p.ty)
        .collect();
    let iparams: Vec<TypeId> = cx.prog.functions[imp].params.iter().map(|p| p.ty).collect();
    let (dres, ires) = (
        cx.prog.functions[decl].results.clone(),
        cx.prog.functions[imp].results.clone(),
    );
    let mut g = FuncGen::helper(cx, 0);
    let mut local = 0u32;
    let mut ok = dparams.len() == iparams.len() && dres == ires;
    for (&d, &i) in dparams.iter().zip(&iparams) {
        let ds = g.cx.slots(d);
        let is = g.cx.slots(i);
        if ds == is {
            for k in 0..ds.len() as u32 {
                g.ins().local_get(local + k);
            }
        } else if matches!(g.cx.shape(d), Shape::PtrRef(_)) && g.cx.shape(i) == Shape::UnsafePointer
        {
            g.ins().local_get(local).i32_const(0);
        } else if matches!(g.cx.shape(d), Shape::PtrArray(_))
            && g.cx.shape(i) == Shape::UnsafePointer
        {
            g.ins().local_get(local).local_get(local + 1);
        } else {
            ok = false;
        }
        local += ds.len() as u32;
    }
    if !ok {
        let (dn, inn) = (
            super::display_name(&g.cx.prog.functions[decl].name),
            super::display_name(&g.cx.prog.functions[imp].name),
        );
        g.cx.error(format!(
            "{}: {dn} is implemented by {inn} with an incompatible signature",
            g.cx.prog.functions[imp].pos
        ));
    }
    g.ins().call(target);
    g.finish(adapter);
}
