//! The embedder's own host functions: Rust functions that Go code calls
//! through `//go:wasmimport MODULE NAME` declarations of any module but
//! gowasm's (`RuntimeBuilder::host_func`). Arguments are numbers, byte
//! strings (copied), `[]byte` views and pointers to numbers (handles into
//! Go memory, `crate::handles`); results are numbers and byte strings. The
//! compiler lowers each Go parameter to its wasm form (a string or
//! `[]byte` as array, offset, length; a pointer as base object, index) and
//! lists the Go signature of each import (`host_abi::HOST_FUNCS_SECTION`);
//! the vm checks, when it loads a module, that every such import has the
//! types of a registered function.

use crate::handles::{self, ByteSlice, HostCall, Pointer};
use crate::host::{State, abi_valtype, bytes_in, new_bytes};
use host_abi::AbiType;
use std::collections::HashMap;
use std::sync::Arc;
use wasmtime::{AsContextMut, Caller, Engine, FuncType, Linker, Val, ValType};

/// The type of a host function's parameter or result, and the Go types
/// that have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// `bool` (0 or 1), `int8` to `int32`, `uint8` to `uint32`.
    I32,
    /// `int`, `int64`, `uint`, `uint64`, `uintptr`.
    I64,
    /// `float32`.
    F32,
    /// `float64`.
    F64,
    /// `string` or `[]byte`: a copy of its bytes (made in bulk).
    Bytes,
    /// `[]byte` parameter: a view the host reads and writes in place
    /// ([`ByteSlice`]).
    ByteSlice,
    /// Parameter `*T`, `T` a number or bool type: a [`Pointer`] through
    /// which the host reads and writes the pointee.
    Pointer,
}

impl ValueType {
    /// Whether a parameter or result of Go type `go` (as the module lists
    /// it) has this type.
    fn accepts(self, go: &str) -> bool {
        match self {
            ValueType::I32 => matches!(
                go,
                "bool" | "int8" | "int16" | "int32" | "uint8" | "uint16" | "uint32"
            ),
            ValueType::I64 => matches!(go, "int" | "int64" | "uint" | "uint64" | "uintptr"),
            ValueType::F32 => go == "float32",
            ValueType::F64 => go == "float64",
            ValueType::Bytes => matches!(go, "string" | "[]byte"),
            ValueType::ByteSlice => go == "[]byte",
            ValueType::Pointer => go.strip_prefix('*').and_then(pointee_type).is_some(),
        }
    }

    /// The wasm form of a parameter.
    fn abi_param(self) -> &'static [AbiType] {
        match self {
            ValueType::I32 => &[AbiType::I32],
            ValueType::I64 => &[AbiType::I64],
            ValueType::F32 => &[AbiType::F32],
            ValueType::F64 => &[AbiType::F64],
            ValueType::Bytes | ValueType::ByteSlice => {
                &[AbiType::Bytes, AbiType::I32, AbiType::I32]
            }
            ValueType::Pointer => &[AbiType::Object, AbiType::I32],
        }
    }

    fn name(self) -> &'static str {
        match self {
            ValueType::I32 => "i32",
            ValueType::I64 => "i64",
            ValueType::F32 => "f32",
            ValueType::F64 => "f64",
            ValueType::Bytes => "bytes",
            ValueType::ByteSlice => "byte slice",
            ValueType::Pointer => "pointer",
        }
    }
}

/// The value type of a pointee's Go type.
fn pointee_type(go: &str) -> Option<ValueType> {
    [
        ValueType::I32,
        ValueType::I64,
        ValueType::F32,
        ValueType::F64,
    ]
    .into_iter()
    .find(|t| t.accepts(go))
}

/// A value passed to or returned by a host function.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
    Bytes(Vec<u8>),
    Slice(ByteSlice),
    Pointer(Pointer),
}

impl Value {
    fn ty(&self) -> ValueType {
        match self {
            Value::I32(_) => ValueType::I32,
            Value::I64(_) => ValueType::I64,
            Value::F32(_) => ValueType::F32,
            Value::F64(_) => ValueType::F64,
            Value::Bytes(_) => ValueType::Bytes,
            Value::Slice(_) => ValueType::ByteSlice,
            Value::Pointer(_) => ValueType::Pointer,
        }
    }
}

/// The Go signature of an imported host function, as the module lists
/// it: `func(T1, T2) R`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoSignature {
    text: String,
    params: Vec<String>,
    results: Vec<String>,
}

impl GoSignature {
    /// As the module lists it: `func(T1, T2) R`.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The Go signatures of the module's host function imports by (module,
/// name), from its `host_abi::HOST_FUNCS_SECTION` payload.
pub fn go_signatures(payload: &[u8]) -> HashMap<(String, String), GoSignature> {
    String::from_utf8_lossy(payload)
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let (module, name, text) = (parts.next()?, parts.next()?, parts.next()?);
            let inner = text.strip_prefix("func(")?;
            let (params, result) = inner.split_once(')')?;
            let list = |s: &str| -> Vec<String> {
                s.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect()
            };
            Some((
                (module.to_string(), name.to_string()),
                GoSignature {
                    text: text.to_string(),
                    params: list(params),
                    results: list(result),
                },
            ))
        })
        .collect()
}

/// A host function's body: the program's memory (for its handle
/// arguments) and the arguments in, the results (at most one, as Go's
/// `//go:wasmimport` allows) out; an error ends the run as a fatal error
/// naming the function.
pub type HostFn = dyn Fn(&mut HostCall<'_>, &[Value]) -> anyhow::Result<Vec<Value>> + Send + Sync;

/// A registered host function.
#[derive(Clone)]
pub struct HostFunc {
    pub module: String,
    pub name: String,
    pub params: Vec<ValueType>,
    pub results: Vec<ValueType>,
    pub call: Arc<HostFn>,
}

/// A function type as the load error names it: `(i64, i64) -> (i64)`,
/// with `bytes` for the byte array of a string or `[]byte` (followed by
/// its offset and length) and `object` for a pointer's base.
pub fn signature(ft: &FuncType) -> String {
    let name = |t: ValType| match t {
        ValType::Ref(r) if matches!(r.heap_type(), wasmtime::HeapType::Array) => {
            "bytes".to_string()
        }
        ValType::Ref(_) => "object".to_string(),
        t => t.to_string(),
    };
    let list = |ts: &mut dyn Iterator<Item = ValType>| ts.map(name).collect::<Vec<_>>().join(", ");
    format!(
        "({}) -> ({})",
        list(&mut ft.params()),
        list(&mut ft.results())
    )
}

impl HostFunc {
    /// The host's signature as a load error names it.
    pub fn describe(&self) -> String {
        let list = |ts: &[ValueType]| ts.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ");
        format!("({}) -> ({})", list(&self.params), list(&self.results))
    }

    /// The wasm type of the module's import of this function.
    pub fn func_type(&self, engine: &Engine) -> FuncType {
        // A byte string result is the array alone.
        FuncType::new(
            engine,
            self.params
                .iter()
                .flat_map(|&t| t.abi_param())
                .map(|&t| abi_valtype(t)),
            self.results.iter().map(|&t| abi_valtype(t.abi_param()[0])),
        )
    }

    /// Whether the module's Go declaration has this function's types.
    pub fn matches(&self, go: &GoSignature) -> bool {
        let all = |ts: &[ValueType], gos: &[String]| {
            ts.len() == gos.len() && ts.iter().zip(gos).all(|(t, g)| t.accepts(g))
        };
        all(&self.params, &go.params) && all(&self.results, &go.results)
    }

    /// Defines the function in a run's linker, for a module declaring it
    /// with the Go signature `go` (already checked to match).
    pub fn link(
        &self,
        engine: &Engine,
        linker: &mut Linker<State>,
        go: &GoSignature,
    ) -> wasmtime::Result<()> {
        let f = self.clone();
        let pointees: Vec<Option<String>> = go
            .params
            .iter()
            .map(|g| g.strip_prefix('*').map(String::from))
            .collect();
        linker.func_new(
            &self.module,
            &self.name,
            self.func_type(engine),
            move |mut c, params, results| f.invoke(&mut c, &pointees, params, results),
        )?;
        Ok(())
    }

    fn invoke(
        &self,
        c: &mut Caller<'_, State>,
        pointees: &[Option<String>],
        params: &[Val],
        results: &mut [Val],
    ) -> wasmtime::Result<()> {
        let _span =
            tracing::debug_span!("host call", module = %self.module, name = %self.name).entered();
        let mut c = c.as_context_mut();
        let mut args = Vec::with_capacity(self.params.len());
        let mut vals = params.iter();
        let mut next = || vals.next().cloned().unwrap_or(Val::I32(0));
        for (t, pointee) in self.params.iter().zip(pointees) {
            args.push(match t {
                ValueType::I32 => Value::I32(next().unwrap_i32()),
                ValueType::I64 => Value::I64(next().unwrap_i64()),
                ValueType::F32 => Value::F32(next().unwrap_f32()),
                ValueType::F64 => Value::F64(next().unwrap_f64()),
                ValueType::Bytes => {
                    let arr = match next() {
                        Val::AnyRef(Some(r)) => r.as_array(&c)?,
                        _ => None,
                    };
                    let (off, len) = (next().unwrap_i32(), next().unwrap_i32());
                    Value::Bytes(bytes_in(&mut c, arr, off, len)?.unwrap_or_default())
                }
                ValueType::ByteSlice => {
                    let arr = next().unwrap_anyref().cloned();
                    let (off, len) = (next().unwrap_i32(), next().unwrap_i32());
                    Value::Slice(handles::byte_slice(&mut c, arr, off, len)?)
                }
                ValueType::Pointer => {
                    let base = next().unwrap_anyref().cloned();
                    let index = next().unwrap_i32();
                    let go = pointee.as_deref().unwrap_or_default();
                    let elem = pointee_type(go).unwrap_or(ValueType::I32);
                    Value::Pointer(handles::pointer(&mut c, base, index, go, elem)?)
                }
            });
        }
        let out = (self.call)(&mut HostCall::new(c.as_context_mut()), &args);
        handles::end_call(&mut c)?;
        let out = out.map_err(|e| {
            wasmtime::format_err!("host function {}.{}: {e:#}", self.module, self.name)
        })?;
        let types: Vec<ValueType> = out.iter().map(Value::ty).collect();
        if types != self.results {
            wasmtime::bail!(
                "host function {}.{} returned {types:?}, but is declared to return {:?}",
                self.module,
                self.name,
                self.results
            );
        }
        for (slot, v) in results.iter_mut().zip(out) {
            *slot = match v {
                Value::I32(x) => Val::I32(x),
                Value::I64(x) => Val::I64(x),
                Value::F32(x) => Val::F32(x.to_bits()),
                Value::F64(x) => Val::F64(x.to_bits()),
                Value::Bytes(b) => {
                    let arr = new_bytes(&mut c, &b)?;
                    Val::AnyRef(arr.map(|a| a.to_anyref()))
                }
                Value::Slice(_) | Value::Pointer(_) => unreachable!("checked above"),
            };
        }
        Ok(())
    }
}
