//! How Go types are represented in WebAssembly GC (see docs/design.md,
//! "Value representation").
//!
//! Every Go type has a *shape*; the shape decides its *slots* (the wasm
//! values a Go value occupies in locals, parameters and results), how it is
//! stored in a struct field (the slots, with sub-word integers packed) and
//! how it is stored in an array element (a single slot: values of several
//! slots are boxed into an immutable struct).

use super::Ctx;
use crate::emit::module::{TypeDef, mutable, ref_null};
use crate::ir::{BasicKind, TypeId, TypeKind};
use wasm_encoder::{AbstractHeapType, FieldType, HeapType, RefType, StorageType, ValType};

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Bool,
    Int {
        bits: u8,
        signed: bool,
    },
    F32,
    F64,
    C64,
    C128,
    String,
    UnsafePointer,
    /// Pointer to a struct: the object itself.
    PtrRef(TypeId),
    /// Pointer to an array type: (array object, offset), so that a pointer
    /// made from a slice, `(*[N]T)(s)`, aliases its elements.
    PtrArray(TypeId),
    /// Pointer to anything else: (base object, index).
    PtrFat(TypeId),
    Slice(TypeId),
    Map(TypeId, TypeId),
    Chan(TypeId),
    Func(TypeId),
    Interface(TypeId),
    Struct(TypeId),
    Array(TypeId, i64),
    Tuple(Vec<TypeId>),
    /// The untyped nil of `println(nil)`, and the invalid type SSA gives
    /// unused range keys and values: no slots.
    UntypedNil,
    /// A range iterator over a map or string: (state, offset, length,
    /// position).
    Iter,
}

pub const EQREF: ValType = ValType::Ref(RefType {
    nullable: true,
    heap_type: HeapType::Abstract {
        shared: false,
        ty: AbstractHeapType::Eq,
    },
});

pub const ANYREF: ValType = ValType::Ref(RefType::ANYREF);

impl Ctx<'_> {
    /// Follows named types to the underlying type.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        self.prog.underlying(t)
    }

    pub fn shape(&self, t: TypeId) -> Shape {
        let named = &self.prog.types[t];
        if matches!(&named.kind, TypeKind::Named { pkg_path, .. } if pkg_path == "$ssa")
            && named.str.ends_with("rangeIter")
        {
            return Shape::Iter;
        }
        let u = self.underlying(t);
        let ty = &self.prog.types[u];
        let int = |bits, signed| Shape::Int { bits, signed };
        use BasicKind as B;
        match &ty.kind {
            TypeKind::Basic(b) => match b {
                B::Bool | B::UntypedBool => Shape::Bool,
                B::Int8 => int(8, true),
                B::Int16 => int(16, true),
                B::Int32 | B::UntypedRune => int(32, true),
                B::Int | B::Int64 | B::UntypedInt => int(64, true),
                B::Uint8 => int(8, false),
                B::Uint16 => int(16, false),
                B::Uint32 => int(32, false),
                B::Uint | B::Uint64 | B::Uintptr => int(64, false),
                B::Float32 => Shape::F32,
                B::Float64 | B::UntypedFloat => Shape::F64,
                B::Complex64 => Shape::C64,
                B::Complex128 | B::UntypedComplex => Shape::C128,
                B::String | B::UntypedString => Shape::String,
                B::UnsafePointer => Shape::UnsafePointer,
                B::UntypedNil | B::Invalid => Shape::UntypedNil,
            },
            &TypeKind::Pointer { elem } => match self.prog.types[self.underlying(elem)].kind {
                TypeKind::Struct { .. } => Shape::PtrRef(elem),
                TypeKind::Array { .. } => Shape::PtrArray(elem),
                _ => Shape::PtrFat(elem),
            },
            &TypeKind::Slice { elem } => Shape::Slice(elem),
            &TypeKind::Map { key, elem } => Shape::Map(key, elem),
            &TypeKind::Chan { elem, .. } => Shape::Chan(elem),
            TypeKind::Func(_) => Shape::Func(u),
            TypeKind::Interface { .. } => Shape::Interface(u),
            TypeKind::Struct { .. } => Shape::Struct(u),
            &TypeKind::Array { elem, len } => Shape::Array(elem, len),
            TypeKind::Tuple { elems } => Shape::Tuple(elems.clone()),
            TypeKind::Named { .. } => unreachable!("underlying type {} is named", ty.str),
        }
    }

    /// The wasm values a Go value of type t occupies.
    pub fn slots(&mut self, t: TypeId) -> Vec<ValType> {
        match self.shape(t) {
            Shape::Bool
            | Shape::Int {
                bits: 8 | 16 | 32, ..
            } => vec![ValType::I32],
            Shape::Int { .. } => vec![ValType::I64],
            Shape::F32 => vec![ValType::F32],
            Shape::F64 => vec![ValType::F64],
            Shape::C64 => vec![ValType::F32, ValType::F32],
            Shape::C128 => vec![ValType::F64, ValType::F64],
            Shape::String => vec![
                ref_null(crate::emit::module::BYTES_TYPE),
                ValType::I32,
                ValType::I32,
            ],
            Shape::UnsafePointer | Shape::PtrFat(_) => vec![EQREF, ValType::I32],
            Shape::PtrRef(elem) => vec![ref_null(self.object_type(elem))],
            Shape::PtrArray(at) => vec![ref_null(self.object_type(at)), ValType::I32],
            Shape::Slice(elem) => {
                let arr = self.array_type(elem);
                vec![ref_null(arr), ValType::I32, ValType::I32, ValType::I32]
            }
            Shape::Map(..) => {
                let hmap = self.runtime_struct("hmap");
                vec![ref_null(hmap)]
            }
            Shape::Chan(_) => {
                let hchan = self.runtime_struct("hchan");
                vec![ref_null(hchan)]
            }
            Shape::Func(sig) => {
                let (clo, _) = self.closure_types(sig);
                vec![ref_null(clo)]
            }
            Shape::Interface(_) => {
                let rtype = self.runtime_struct("_type");
                vec![ref_null(rtype), ANYREF]
            }
            Shape::Struct(_) | Shape::Array(..) => vec![ref_null(self.object_type(t))],
            Shape::Tuple(elems) => elems.iter().flat_map(|&e| self.slots(e)).collect(),
            Shape::UntypedNil => vec![],
            Shape::Iter => vec![ANYREF, ValType::I32, ValType::I32, ValType::I32],
        }
    }

    /// How a value of type t is stored inside a struct: its slots, with
    /// sub-word integers packed.
    pub fn field_storage(&mut self, t: TypeId) -> Vec<StorageType> {
        match self.shape(t) {
            Shape::Bool | Shape::Int { bits: 8, .. } => vec![StorageType::I8],
            Shape::Int { bits: 16, .. } => vec![StorageType::I16],
            _ => self.slots(t).into_iter().map(StorageType::Val).collect(),
        }
    }

    /// How a value of type t is stored as an array element: one slot;
    /// values of several slots are boxed.
    pub fn elem_storage(&mut self, t: TypeId) -> StorageType {
        let slots = self.slots(t);
        if slots.len() == 1 {
            return self.field_storage(t)[0];
        }
        StorageType::Val(ref_null(self.box_type(t)))
    }

    /// Whether array elements of type t are boxed.
    pub fn elem_boxed(&mut self, t: TypeId) -> bool {
        self.slots(t).len() != 1
    }

    /// The immutable struct that boxes a value of type t (interface
    /// payloads, array elements of several slots).
    pub fn box_type(&mut self, t: TypeId) -> u32 {
        let fields = self
            .slots(t)
            .into_iter()
            .map(|v| FieldType {
                element_type: StorageType::Val(v),
                mutable: false,
            })
            .collect();
        self.module.intern(TypeDef::Struct {
            fields,
            supertype: None,
            is_final: true,
        })
    }

    /// The array type whose elements hold values of type t (slices,
    /// arrays, and cells for escaping variables).
    pub fn array_type(&mut self, elem: TypeId) -> u32 {
        // Named types share their underlying type's arrays.
        let elem = self.underlying(elem);
        if let Some(&a) = self.arrays_by_elem.get(&elem) {
            if self.arrays_in_progress.contains(&elem) {
                self.arrays_recursive.insert(elem);
            }
            return a;
        }
        // Reserved first: an element type may contain the slice itself
        // (type T []T).
        let reserved = self
            .module
            .reserve_type(TypeDef::Array(mutable(StorageType::I8)));
        self.arrays_by_elem.insert(elem, reserved);
        self.arrays_in_progress.insert(elem);
        let st = self.elem_storage(elem);
        self.arrays_in_progress.remove(&elem);
        let a = if self.arrays_recursive.contains(&elem) {
            self.module.set_type(reserved, TypeDef::Array(mutable(st)));
            reserved
        } else {
            self.module.intern(TypeDef::Array(mutable(st)))
        };
        self.arrays_by_elem.insert(elem, a);
        a
    }

    /// The GC object type of a struct or array type.
    pub fn object_type(&mut self, t: TypeId) -> u32 {
        match self.shape(t) {
            Shape::Struct(u) => self.struct_type(u),
            Shape::Array(elem, _) => self.array_type(elem),
            other => panic!("object_type of {other:?}"),
        }
    }

    /// The wasm struct of a Go struct type (by underlying type id).
    pub fn struct_type(&mut self, u: TypeId) -> u32 {
        if let Some(&(idx, _)) = self.structs.get(&u) {
            return idx;
        }
        let idx = self.module.reserve_type(TypeDef::Struct {
            fields: vec![],
            supertype: None,
            is_final: true,
        });
        self.structs.insert(u, (idx, vec![]));
        let mut fields = Vec::new();
        let mut layout = Vec::new();
        let go_fields: Vec<TypeId> = self.prog.types[u].fields().iter().map(|f| f.ty).collect();
        for ft in go_fields {
            let st = self.field_storage(ft);
            layout.push((fields.len() as u32, st.len() as u32));
            fields.extend(st.into_iter().map(mutable));
        }
        // Hidden last field: the object's identity for hashing pointers
        // (0 until first hashed; see helpers::hash).
        fields.push(mutable(StorageType::Val(ValType::I32)));
        self.module.set_type(
            idx,
            TypeDef::Struct {
                fields,
                supertype: None,
                is_final: true,
            },
        );
        self.structs.insert(u, (idx, layout));
        idx
    }

    /// The hidden identity field of struct u's objects.
    pub fn identity_field(&mut self, u: TypeId) -> u32 {
        self.struct_type(u);
        self.structs[&u].1.last().map_or(0, |&(first, n)| first + n)
    }

    /// (first wasm field, number of wasm fields) of Go field i of struct u.
    pub fn field_layout(&mut self, u: TypeId, i: usize) -> (u32, u32) {
        self.struct_type(u);
        self.structs[&u].1[i]
    }

    /// The closure base struct and the function type of a Go signature.
    /// A closure is a struct whose first field is the code; closures with
    /// captured variables are subtypes that add fields.
    pub fn closure_types(&mut self, sig: TypeId) -> (u32, u32) {
        let sig = self.underlying(sig);
        if let Some(&pair) = self.closures_by_sig.get(&sig) {
            if self.closures_in_progress.contains(&sig) {
                self.closures_recursive.insert(sig);
            }
            return pair;
        }
        // The closure struct is reserved first: a signature may mention
        // itself (type F func(F)); only its slots are needed meanwhile.
        let clo = self.module.reserve_type(TypeDef::Struct {
            fields: vec![],
            supertype: None,
            is_final: false,
        });
        self.closures_by_sig.insert(sig, (clo, u32::MAX));
        self.closures_in_progress.insert(sig);
        let (params, results) = self.signature_slots(sig);
        self.closures_in_progress.remove(&sig);
        // Unless the signature referred to itself (then the reserved types
        // are already in use), share the closure types of equal slots.
        if !self.closures_recursive.contains(&sig)
            && let Some(&pair) = self.closures.get(&(params.clone(), results.clone()))
        {
            self.closures_by_sig.insert(sig, pair);
            return pair;
        }
        let pair = self.define_closure_types(clo, params, results);
        self.closures_by_sig.insert(sig, pair);
        pair
    }

    /// Closure types for given parameter and result slots.
    pub fn closure_types_slots(
        &mut self,
        params: Vec<ValType>,
        results: Vec<ValType>,
    ) -> (u32, u32) {
        if let Some(&pair) = self.closures.get(&(params.clone(), results.clone())) {
            return pair;
        }
        let clo = self.module.reserve_type(TypeDef::Struct {
            fields: vec![],
            supertype: None,
            is_final: false,
        });
        self.define_closure_types(clo, params, results)
    }

    /// Fills reserved closure types: the closure struct's first field is
    /// the code's slot in the function table (see `Module::table_slot`);
    /// the code takes the closure first.
    fn define_closure_types(
        &mut self,
        clo: u32,
        params: Vec<ValType>,
        results: Vec<ValType>,
    ) -> (u32, u32) {
        let mut fparams = vec![ref_null(clo)];
        fparams.extend(params.iter().copied());
        let fty = self.module.func_type(fparams, results.clone());
        self.module.set_type(
            clo,
            TypeDef::Struct {
                fields: vec![super::calls::CLOSURE_CODE_FIELD],
                supertype: Some(self.closure_root),
                is_final: false,
            },
        );
        self.closures.insert((params, results), (clo, fty));
        (clo, fty)
    }

    /// Flattened parameter and result slots of a signature type.
    pub fn signature_slots(&mut self, sig: TypeId) -> (Vec<ValType>, Vec<ValType>) {
        let sig = self.prog.types[self.underlying(sig)].sig();
        let (params, results) = (sig.params.clone(), sig.results.clone());
        let p = params.iter().flat_map(|&t| self.slots(t)).collect();
        let r = results.iter().flat_map(|&t| self.slots(t)).collect();
        (p, r)
    }

    /// The wasm struct type of a named struct type of the runtime package.
    pub fn runtime_struct(&mut self, name: &str) -> u32 {
        let t = self.runtime_type(name);
        self.object_type(t)
    }

    pub fn runtime_type(&self, name: &str) -> TypeId {
        *self
            .prog
            .runtime_types
            .get(name)
            .unwrap_or_else(|| panic!("runtime type {name} missing"))
    }

    /// Whether a value of type t is one GC reference (so it can be an
    /// interface payload without boxing).
    pub fn is_single_ref(&mut self, t: TypeId) -> bool {
        matches!(
            self.shape(t),
            Shape::PtrRef(_)
                | Shape::Struct(_)
                | Shape::Array(..)
                | Shape::Map(..)
                | Shape::Chan(_)
                | Shape::Func(_)
        )
    }

    /// Go's size of a type in bytes.
    pub fn go_size(&self, t: TypeId) -> i64 {
        self.prog.types[t].size
    }
}
