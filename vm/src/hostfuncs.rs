//! The embedder's own host functions: Rust functions that Go code calls
//! through `//go:wasmimport MODULE NAME` declarations of any module but
//! gowasm's (`RuntimeBuilder::host_func`). Arguments and results are
//! numbers and byte strings; the compiler lowers each Go parameter to its
//! wasm form (a string or `[]byte` as array, offset, length) and the vm
//! checks, when it loads a module, that every such import has the
//! signature of a registered function.

use crate::host::{State, abi_valtype, bytes_in, new_bytes};
use host_abi::AbiType;
use std::sync::Arc;
use wasmtime::{ArrayRef, Caller, Engine, FuncType, Linker, Rooted, Val, ValType};

/// The type of a host function's parameter or result, and the Go types
/// that have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// A value passed to or returned by a host function.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
    Bytes(Vec<u8>),
}

impl Value {
    fn ty(&self) -> ValueType {
        match self {
            Value::I32(_) => ValueType::I32,
            Value::I64(_) => ValueType::I64,
            Value::F32(_) => ValueType::F32,
            Value::F64(_) => ValueType::F64,
            Value::Bytes(_) => ValueType::Bytes,
        }
    }
}

/// A host function's body: the arguments in, the results (at most one,
/// as Go's `//go:wasmimport` allows) out; an error ends the run as a
/// fatal error naming the function.
pub type HostFn = dyn Fn(&[Value]) -> anyhow::Result<Vec<Value>> + Send + Sync;

/// A registered host function.
#[derive(Clone)]
pub struct HostFunc {
    pub module: String,
    pub name: String,
    pub params: Vec<ValueType>,
    pub results: Vec<ValueType>,
    pub call: Arc<HostFn>,
}

/// The wasm form of a parameter: a byte string is (array, offset, length).
fn abi_param(t: ValueType) -> &'static [AbiType] {
    match t {
        ValueType::I32 => &[AbiType::I32],
        ValueType::I64 => &[AbiType::I64],
        ValueType::F32 => &[AbiType::F32],
        ValueType::F64 => &[AbiType::F64],
        ValueType::Bytes => &[AbiType::Bytes, AbiType::I32, AbiType::I32],
    }
}

/// A function type as the load error names it: `(i64, i64) -> (i64)`,
/// with `bytes` for the byte array of a string or `[]byte` (followed by
/// its offset and length).
pub fn signature(ft: &FuncType) -> String {
    let name = |t: ValType| match t {
        ValType::Ref(_) => "bytes".to_string(),
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
    /// The wasm type of the module's import of this function.
    pub fn func_type(&self, engine: &Engine) -> FuncType {
        // A byte string result is the array alone.
        FuncType::new(
            engine,
            self.params
                .iter()
                .flat_map(|&t| abi_param(t))
                .map(|&t| abi_valtype(t)),
            self.results.iter().map(|&t| abi_valtype(abi_param(t)[0])),
        )
    }

    /// Defines the function in a run's linker.
    pub fn link(&self, engine: &Engine, linker: &mut Linker<State>) -> wasmtime::Result<()> {
        let f = self.clone();
        linker.func_new(
            &self.module,
            &self.name,
            self.func_type(engine),
            move |mut c, params, results| f.invoke(&mut c, params, results),
        )?;
        Ok(())
    }

    fn invoke(
        &self,
        c: &mut Caller<'_, State>,
        params: &[Val],
        results: &mut [Val],
    ) -> wasmtime::Result<()> {
        let _span =
            tracing::debug_span!("host call", module = %self.module, name = %self.name).entered();
        let mut args = Vec::with_capacity(self.params.len());
        let mut vals = params.iter();
        let mut next = || vals.next().cloned().unwrap_or(Val::I32(0));
        for t in &self.params {
            args.push(match t {
                ValueType::I32 => Value::I32(next().unwrap_i32()),
                ValueType::I64 => Value::I64(next().unwrap_i64()),
                ValueType::F32 => Value::F32(next().unwrap_f32()),
                ValueType::F64 => Value::F64(next().unwrap_f64()),
                ValueType::Bytes => {
                    let arr = match next() {
                        Val::AnyRef(Some(r)) => r.as_array(&*c)?,
                        _ => None,
                    };
                    let (off, len) = (next().unwrap_i32(), next().unwrap_i32());
                    Value::Bytes(bytes_in(c, arr, off, len)?.unwrap_or_default())
                }
            });
        }
        let out = (self.call)(&args).map_err(|e| {
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
                    let arr: Option<Rooted<ArrayRef>> = new_bytes(c, &b)?;
                    Val::AnyRef(arr.map(|a| a.to_anyref()))
                }
            };
        }
        Ok(())
    }
}
