//! `//go:wasmexport NAME` functions: Go functions the host calls on a
//! long-lived instance (after `_initialize`, `entry.rs`). Each export is a
//! wasm function of the host's types — numbers and bools as themselves,
//! strings and byte slices as (array, offset, length), at most one result
//! (a byte string result as a fresh array) — that stores its arguments in
//! globals and has the scheduler run the Go function as a goroutine
//! (`runtime.runExport`) until it returns, so that it may block while the
//! goroutines the program started run; the goroutine's thunk reads the
//! arguments and stores the results in globals, which the export then
//! returns. Exports never nest (the runtime refuses a call made from
//! within one), so one set of globals per export suffices, and a thunk
//! resumed after parking reads the same arguments again.

use super::calls::{ARRAYREF, Boundary, crossing};
use super::func::FuncGen;
use super::types::Shape;
use super::{Ctx, declaration_error};
use crate::emit::module::{BYTES_TYPE, ref_null};
use crate::ir::{FuncId, Function, TypeId};
use anyhow::Result;
use wasm_encoder::{BlockType, ExportKind, HeapType, ValType};

/// Declares and defines the export of every `//go:wasmexport` function;
/// returns whether there is any.
pub fn define_all(cx: &mut Ctx) -> Result<bool> {
    let exported: Vec<FuncId> = (0..cx.prog.functions.len())
        .filter(|&f| !cx.prog.functions[f].export.is_empty())
        .collect();
    let mut names = std::collections::HashSet::new();
    for &f in &exported {
        let fun = &cx.prog.functions[f];
        if host_abi::is_host_export(&fun.export) {
            return Err(export_error(fun, "the name is one of gowasm's own exports"));
        }
        if !names.insert(fun.export.clone()) {
            return Err(export_error(
                fun,
                "another function is exported with this name",
            ));
        }
        define(cx, f)?;
    }
    Ok(!exported.is_empty())
}

/// An error at an exported function's declaration.
fn export_error(f: &Function, msg: &str) -> anyhow::Error {
    declaration_error(f, &format!("//go:wasmexport {}: {msg}", f.export))
}

/// The host form of a parameter or result of an exported function.
fn host_form(cx: &Ctx, f: FuncId, t: TypeId, what: &str) -> Result<Vec<ValType>> {
    match crossing(cx, t, Boundary::Export) {
        Some(c) => Ok(c.abi.into_iter().map(super::calls::abi_valtype).collect()),
        None => Err(export_error(
            &cx.prog.functions[f],
            &format!(
                "{what} type {} cannot cross the host boundary",
                cx.prog.types[t].str
            ),
        )),
    }
}

fn define(cx: &mut Ctx, f: FuncId) -> Result<()> {
    let fun = &cx.prog.functions[f];
    let name = fun.export.clone();
    let (params, results) = (fun.params.clone(), fun.results.clone());
    if results.len() > 1 {
        return Err(export_error(
            fun,
            "at most one result can cross the host boundary",
        ));
    }
    let mut host_params = Vec::new();
    for p in &params {
        host_params.extend(host_form(cx, f, p.ty, "parameter")?);
    }
    let mut host_results = Vec::new();
    for &r in &results {
        // A byte string result is the array alone.
        host_results.push(host_form(cx, f, r, "result")?[0]);
    }
    let target = cx.func(f);
    let run = cx.runtime_func("runExport");
    let arg_slots: Vec<Vec<ValType>> = params.iter().map(|p| cx.slots(p.ty)).collect();
    let arg_globals: Vec<Vec<u32>> = arg_slots.iter().map(|s| cx.slot_globals(s)).collect();
    let result_slots: Vec<ValType> = results.iter().flat_map(|&r| cx.slots(r)).collect();
    let result_globals = cx.slot_globals(&result_slots);
    // The goroutine's function: reads the arguments, calls, keeps the
    // results (a transparent forwarder when the function parks).
    let (clo, _) = cx.closure_types_slots(vec![], vec![]);
    let thunk = {
        let (args, outs) = (arg_globals.concat(), result_globals.clone());
        cx.helper(
            &format!("export:{name}"),
            vec![ref_null(clo)],
            vec![],
            |cx, idx| {
                let mut g = FuncGen::helper(cx, 1);
                for &a in &args {
                    g.ins().global_get(a);
                }
                g.ins().call(target);
                for &r in outs.iter().rev() {
                    g.ins().global_set(r);
                }
                g.finish(idx);
            },
        )
    };
    let slot = cx.module.table_slot(thunk);
    let ty = cx.module.func_type(host_params.clone(), host_results);
    let export = cx.module.declare_func(ty, format!("{name}$wasmexport"));
    cx.module.export(&name, ExportKind::Func, export);
    let mut g = FuncGen::helper(cx, host_params.len() as u32);
    let mut local = 0u32;
    for (p, globals) in params.iter().zip(&arg_globals) {
        let shape = g.cx.shape(p.ty);
        match shape {
            Shape::String | Shape::Slice(_) => {
                g.ins()
                    .local_get(local)
                    .ref_cast_nullable(HeapType::Concrete(BYTES_TYPE))
                    .global_set(globals[0])
                    .local_get(local + 1)
                    .global_set(globals[1])
                    .local_get(local + 2)
                    .global_set(globals[2]);
                if let Some(&cap) = globals.get(3) {
                    g.ins().local_get(local + 2).global_set(cap);
                }
                local += 3;
            }
            _ => {
                g.ins().local_get(local);
                if shape == Shape::Bool {
                    g.ins().i32_const(0).i32_ne();
                }
                super::arith::normalize(&mut g, &shape);
                g.ins().global_set(globals[0]);
                local += 1;
            }
        }
    }
    g.ins().i32_const(slot as i32).struct_new(clo).call(run);
    if let Some(&r) = results.first() {
        match g.cx.shape(r) {
            Shape::String | Shape::Slice(_) => {
                let slice = super::entry::bytes_slice(g.cx);
                let arr = result_globals[0];
                g.ins()
                    .global_get(arr)
                    .ref_is_null()
                    .if_(BlockType::Result(ARRAYREF))
                    .ref_null(HeapType::Abstract {
                        shared: false,
                        ty: wasm_encoder::AbstractHeapType::Array,
                    })
                    .else_()
                    .global_get(arr)
                    .global_get(result_globals[1])
                    .global_get(result_globals[2])
                    .call(slice)
                    .end();
            }
            _ => {
                g.ins().global_get(result_globals[0]);
            }
        }
    }
    // The globals must not keep the arguments and results alive.
    let globals = arg_globals.iter().flatten().chain(&result_globals);
    let slots = arg_slots.iter().flatten().chain(&result_slots);
    for (&gl, &slot) in globals.zip(slots) {
        if let ValType::Ref(r) = slot {
            g.ins().ref_null(r.heap_type).global_set(gl);
        }
    }
    g.finish(export);
    Ok(())
}
