//! Handles through which the embedder's host functions reach Go memory in
//! place: a `*T` argument (`T` a number or bool; interior pointers such as
//! `&s.f` and `&a[i]` included) arrives as a [`Pointer`], a `[]byte`
//! declared [`ValueType::ByteSlice`] as a [`ByteSlice`]. Each names an
//! entry of the run's handle table, which roots the object it points
//! into. Entries made during a host call are dropped when the call
//! returns, unless the program pinned their object with `runtime.Pinner`
//! (host ABI `pin`/`unpin`): then they last until it is unpinned, so the
//! host may fill a buffer after the call that handed it over. Reads and
//! writes go through a [`HostCall`]; a dropped handle fails cleanly
//! ([`StaleHandle`]).
//!
//! A pointer's pointee is read and written by the module's exported
//! accessors for its type (`host_abi::POINTER_LOAD_PREFIX`): only the
//! compiler knows which field of which struct an interior pointer names.

use crate::host::{State, bytes_in, fill};
use crate::hostfuncs::{Value, ValueType};
use std::collections::HashMap;
use wasmtime::{
    AnyRef, Func, Instance, Mutability, OwnedRooted, Rooted, Store, StoreContextMut, Val, ValType,
};

/// A Go pointer argument of a host function: `*T`, `T` a number or bool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pointer {
    /// 0 for nil.
    id: u64,
    elem: ValueType,
}

impl Pointer {
    /// The type of the pointee's value ([`ValueType::I32`] for `bool`
    /// and the integers up to 32 bits, and so on).
    pub fn elem(&self) -> ValueType {
        self.elem
    }

    /// Whether it is Go's nil.
    pub fn is_nil(&self) -> bool {
        self.id == 0
    }
}

/// A Go `[]byte` argument of a host function, as a view of its elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ByteSlice {
    /// 0 for a slice without an array (nil or empty).
    id: u64,
    len: usize,
}

impl ByteSlice {
    /// The slice's length.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A handle used after the host call that made it returned, while its
/// object was not pinned.
#[derive(Debug, thiserror::Error)]
#[error(
    "a handle to Go memory was used after its host call returned; pin the object with runtime.Pinner to keep the handle"
)]
pub struct StaleHandle;

enum Target {
    Pointer { index: i32, load: Func, store: Func },
    Bytes { off: usize },
}

struct Entry {
    base: OwnedRooted<AnyRef>,
    target: Target,
}

/// A run's handle table.
#[derive(Default)]
pub(crate) struct Handles {
    next: u64,
    live: HashMap<u64, Entry>,
    /// Entries made during the host call in progress.
    in_call: Vec<u64>,
    /// Pinned objects, each with its count of pins.
    pinned: Vec<(OwnedRooted<AnyRef>, u32)>,
    /// The module's pointee accessors (load, store) by Go type name.
    accessors: HashMap<String, (Func, Func)>,
}

impl Handles {
    /// Finds the module's pointee accessors once it is instantiated.
    pub fn find_accessors(store: &mut Store<State>, instance: &Instance) {
        let mut found: HashMap<String, (Option<Func>, Option<Func>)> = HashMap::new();
        let exports: Vec<(String, Func)> = instance
            .exports(&mut *store)
            .filter_map(|e| {
                let name = e.name().to_string();
                e.into_func().map(|f| (name, f))
            })
            .collect();
        for (name, f) in exports {
            if let Some(t) = name.strip_prefix(host_abi::POINTER_LOAD_PREFIX) {
                found.entry(t.to_string()).or_default().0 = Some(f);
            } else if let Some(t) = name.strip_prefix(host_abi::POINTER_STORE_PREFIX) {
                found.entry(t.to_string()).or_default().1 = Some(f);
            }
        }
        store.data_mut().handles.accessors = found
            .into_iter()
            .filter_map(|(t, (l, s))| Some((t, (l?, s?))))
            .collect();
    }

    fn add(&mut self, base: OwnedRooted<AnyRef>, target: Target) -> u64 {
        self.next += 1;
        self.live.insert(self.next, Entry { base, target });
        self.in_call.push(self.next);
        self.next
    }
}

/// Makes the handle of a pointer argument (base, index) to a `go_elem`.
pub(crate) fn pointer(
    c: &mut StoreContextMut<'_, State>,
    base: Option<Rooted<AnyRef>>,
    index: i32,
    go_elem: &str,
    elem: ValueType,
) -> wasmtime::Result<Pointer> {
    let Some(base) = base else {
        return Ok(Pointer { id: 0, elem });
    };
    let Some((load, store)) = c.data().handles.accessors.get(go_elem).cloned() else {
        wasmtime::bail!("the module exports no accessors for *{go_elem}");
    };
    let base = base.to_owned_rooted(&mut *c)?;
    let id = c
        .data_mut()
        .handles
        .add(base, Target::Pointer { index, load, store });
    Ok(Pointer { id, elem })
}

/// Makes the handle of a `[]byte` argument (array, offset, length).
pub(crate) fn byte_slice(
    c: &mut StoreContextMut<'_, State>,
    arr: Option<Rooted<AnyRef>>,
    off: i32,
    len: i32,
) -> wasmtime::Result<ByteSlice> {
    let (Ok(off), Ok(len)) = (usize::try_from(off), usize::try_from(len)) else {
        wasmtime::bail!("a []byte argument has a negative offset or length");
    };
    let Some(arr) = arr else {
        return Ok(ByteSlice { id: 0, len: 0 });
    };
    let base = arr.to_owned_rooted(&mut *c)?;
    let id = c.data_mut().handles.add(base, Target::Bytes { off });
    Ok(ByteSlice { id, len })
}

/// Ends a host call: drops the handles it made whose objects are not
/// pinned.
pub(crate) fn end_call(c: &mut StoreContextMut<'_, State>) -> wasmtime::Result<()> {
    let made = std::mem::take(&mut c.data_mut().handles.in_call);
    for id in made {
        let Some(base) = c.data().handles.live.get(&id).map(|e| e.base.clone()) else {
            continue;
        };
        let base = base.to_rooted(&mut *c);
        if pinned_index(c, &base)?.is_none() {
            c.data_mut().handles.live.remove(&id);
        }
    }
    Ok(())
}

/// Where `object` is in the pinned list, if it is pinned.
fn pinned_index(
    c: &StoreContextMut<'_, State>,
    object: &Rooted<AnyRef>,
) -> wasmtime::Result<Option<usize>> {
    for (i, (p, _)) in c.data().handles.pinned.iter().enumerate() {
        if OwnedRooted::ref_eq(c, p, object)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The object a pinned pointer points into: the payload of its interface
/// value, or, for a pointer represented as a (base, index) pair, which an
/// interface holds in an immutable box, the box's base. Go's own objects
/// have mutable fields; only boxes are immutable. None for nil.
fn pinned_object(
    c: &mut StoreContextMut<'_, State>,
    payload: Option<Rooted<AnyRef>>,
) -> wasmtime::Result<Option<Rooted<AnyRef>>> {
    let Some(payload) = payload else {
        return Ok(None);
    };
    let Some(s) = payload.as_struct(&*c)? else {
        return Ok(Some(payload));
    };
    let ty = s.ty(&*c)?;
    let fields: Vec<_> = ty.fields().collect();
    let boxed = fields.len() == 2
        && fields.iter().all(|f| f.mutability() == Mutability::Const)
        && matches!(fields[0].element_type().unpack(), ValType::Ref(_))
        && matches!(fields[1].element_type().unpack(), ValType::I32);
    if !boxed {
        return Ok(Some(payload));
    }
    Ok(Some(match s.field(&mut *c, 0)? {
        Val::AnyRef(Some(r)) => r,
        _ => payload,
    }))
}

/// Host ABI `pin`.
pub(crate) fn pin(
    c: &mut StoreContextMut<'_, State>,
    payload: Option<Rooted<AnyRef>>,
) -> wasmtime::Result<()> {
    let Some(object) = pinned_object(c, payload)? else {
        return Ok(());
    };
    if let Some(i) = pinned_index(c, &object)? {
        c.data_mut().handles.pinned[i].1 += 1;
        return Ok(());
    }
    let owned = object.to_owned_rooted(&mut *c)?;
    c.data_mut().handles.pinned.push((owned, 1));
    Ok(())
}

/// Host ABI `unpin`: the last unpin of an object drops the handles kept
/// past their call into it.
pub(crate) fn unpin(
    c: &mut StoreContextMut<'_, State>,
    payload: Option<Rooted<AnyRef>>,
) -> wasmtime::Result<()> {
    let Some(object) = pinned_object(c, payload)? else {
        return Ok(());
    };
    let Some(i) = pinned_index(c, &object)? else {
        return Ok(());
    };
    let handles = &mut c.data_mut().handles;
    handles.pinned[i].1 -= 1;
    if handles.pinned[i].1 > 0 {
        return Ok(());
    }
    handles.pinned.swap_remove(i);
    let mut dropped = Vec::new();
    for (&id, e) in &c.data().handles.live {
        if Rooted::ref_eq(&*c, &e.base, &object)? {
            dropped.push(id);
        }
    }
    for id in dropped {
        c.data_mut().handles.live.remove(&id);
    }
    Ok(())
}

/// A host function's access to the program's memory during its call
/// (or, for handles kept past their call, during a later one).
pub struct HostCall<'a> {
    cx: StoreContextMut<'a, State>,
}

impl<'a> HostCall<'a> {
    pub(crate) fn new(cx: StoreContextMut<'a, State>) -> HostCall<'a> {
        HostCall { cx }
    }

    /// Reads the pointee.
    pub fn load(&mut self, p: Pointer) -> anyhow::Result<Value> {
        let (base, index, load, _) = self.pointer_target(p)?;
        let mut out = [Val::I32(0)];
        load.call(
            &mut self.cx,
            &[Val::AnyRef(Some(base)), Val::I32(index)],
            &mut out,
        )
        .map_err(wasm_error)?;
        Ok(match (p.elem, &out[0]) {
            (ValueType::I64, Val::I64(x)) => Value::I64(*x),
            (ValueType::F32, Val::F32(x)) => Value::F32(f32::from_bits(*x)),
            (ValueType::F64, Val::F64(x)) => Value::F64(f64::from_bits(*x)),
            (_, Val::I32(x)) => Value::I32(*x),
            (_, v) => anyhow::bail!("pointee accessor returned {v:?}"),
        })
    }

    /// Writes the pointee; `v` must be of the pointer's [`Pointer::elem`]
    /// type (an integer narrower than 32 bits is truncated as Go converts).
    pub fn store(&mut self, p: Pointer, v: Value) -> anyhow::Result<()> {
        let (base, index, _, store) = self.pointer_target(p)?;
        let val = match (p.elem, v) {
            (ValueType::I32, Value::I32(x)) => Val::I32(x),
            (ValueType::I64, Value::I64(x)) => Val::I64(x),
            (ValueType::F32, Value::F32(x)) => Val::F32(x.to_bits()),
            (ValueType::F64, Value::F64(x)) => Val::F64(x.to_bits()),
            (elem, v) => anyhow::bail!("storing {v:?} through a pointer to {elem:?}"),
        };
        store
            .call(
                &mut self.cx,
                &[Val::AnyRef(Some(base)), Val::I32(index), val],
                &mut [],
            )
            .map_err(wasm_error)
    }

    /// A copy of the slice's bytes.
    pub fn read(&mut self, s: ByteSlice) -> anyhow::Result<Vec<u8>> {
        let Some((arr, off)) = self.slice_target(s)? else {
            return Ok(Vec::new());
        };
        bytes_in(&mut self.cx, Some(arr), off as i32, s.len as i32)
            .map_err(wasm_error)?
            .ok_or_else(|| anyhow::anyhow!("a []byte handle outside its array"))
    }

    /// Copies `data` into the slice's elements from index `at`, in bulk;
    /// the slice's length bounds it.
    pub fn write(&mut self, s: ByteSlice, at: usize, data: &[u8]) -> anyhow::Result<()> {
        if at.checked_add(data.len()).is_none_or(|end| end > s.len) {
            anyhow::bail!(
                "writing {} bytes at {at} into a []byte of length {}",
                data.len(),
                s.len
            );
        }
        let Some((arr, off)) = self.slice_target(s)? else {
            return Ok(());
        };
        fill(&mut self.cx, &arr, off + at, data).map_err(wasm_error)
    }

    fn pointer_target(&mut self, p: Pointer) -> anyhow::Result<(Rooted<AnyRef>, i32, Func, Func)> {
        if p.id == 0 {
            anyhow::bail!("invalid memory address or nil pointer dereference");
        }
        let e = self.cx.data().handles.live.get(&p.id).ok_or(StaleHandle)?;
        let Target::Pointer { index, load, store } = &e.target else {
            anyhow::bail!("not a pointer handle");
        };
        let (index, load, store) = (*index, *load, *store);
        let base = e.base.clone();
        let base = base.to_rooted(&mut self.cx);
        Ok((base, index, load, store))
    }

    fn slice_target(
        &mut self,
        s: ByteSlice,
    ) -> anyhow::Result<Option<(Rooted<wasmtime::ArrayRef>, usize)>> {
        if s.id == 0 {
            return Ok(None);
        }
        let e = self.cx.data().handles.live.get(&s.id).ok_or(StaleHandle)?;
        let Target::Bytes { off, .. } = e.target else {
            anyhow::bail!("not a []byte handle");
        };
        let base = e.base.clone().to_rooted(&mut self.cx);
        let arr = base
            .as_array(&self.cx)
            .map_err(wasm_error)?
            .ok_or_else(|| anyhow::anyhow!("a []byte handle to something else than an array"))?;
        Ok(Some((arr, off)))
    }
}

/// A Wasmtime error as the embedder's.
fn wasm_error(e: wasmtime::Error) -> anyhow::Error {
    anyhow::anyhow!("{e:#}")
}
