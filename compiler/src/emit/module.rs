//! Assembles the WebAssembly module: type, import, function, global, tag,
//! export, element, data, code and name sections. Indices are handed out
//! on demand while lowering runs; sections are written at the end.

use std::collections::HashMap;
use wasm_encoder::{
    CodeSection, CompositeInnerType, CompositeType, ConstExpr, CustomSection, DataCountSection,
    DataSection, ElementSection, Elements, EntityType, ExportKind, ExportSection, FieldType,
    FuncType, Function, FunctionSection, GlobalSection, GlobalType, HeapType, ImportSection,
    NameMap, NameSection, RefType, StorageType, StructType, SubType, TableSection, TableType,
    TagKind, TagSection, TagType, TypeSection, ValType,
};

/// A type definition before encoding.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeDef {
    Func(Vec<ValType>, Vec<ValType>),
    Struct {
        fields: Vec<FieldType>,
        supertype: Option<u32>,
        is_final: bool,
    },
    Array(FieldType),
}

pub struct Module {
    types: Vec<TypeDef>,
    /// Types below this index are emitted as singleton recursion groups (so
    /// they match host-defined types); the rest form one group.
    singletons: u32,
    type_index: HashMap<TypeDef, u32>,
    imports: Vec<(String, String, u32)>,
    funcs: Vec<FuncSlot>,
    globals: Vec<(GlobalType, ConstExpr)>,
    tags: Vec<u32>,
    exports: Vec<(String, ExportKind, u32)>,
    /// Functions of the function table (closure code), by slot.
    table: Vec<u32>,
    table_slots: std::collections::HashMap<u32, u32>,
    data: Vec<u8>,
    custom: Vec<(String, Vec<u8>)>,
}

struct FuncSlot {
    ty: u32,
    name: String,
    body: Option<Function>,
}

/// Index of the byte array type `(array (mut i8))`, which sits alone in
/// the first recursion group so that it is the same type as the host's.
pub const BYTES_TYPE: u32 = 0;

pub fn ref_null(ty: u32) -> ValType {
    ValType::Ref(RefType {
        nullable: true,
        heap_type: HeapType::Concrete(ty),
    })
}

pub fn mutable(st: StorageType) -> FieldType {
    FieldType {
        element_type: st,
        mutable: true,
    }
}

impl Module {
    pub fn new() -> Module {
        let mut m = Module {
            types: Vec::new(),
            singletons: 0,
            type_index: HashMap::new(),
            imports: Vec::new(),
            funcs: Vec::new(),
            globals: Vec::new(),
            tags: Vec::new(),
            exports: Vec::new(),
            table: Vec::new(),
            table_slots: Default::default(),
            data: Vec::new(),
            custom: Vec::new(),
        };
        let bytes = m.intern(TypeDef::Array(mutable(StorageType::I8)));
        debug_assert_eq!(bytes, BYTES_TYPE);
        m
    }

    /// Returns the index of a type, defining it on first use. Struct types
    /// with a supertype or that are not final are never merged.
    pub fn intern(&mut self, def: TypeDef) -> u32 {
        if let Some(&i) = self.type_index.get(&def) {
            return i;
        }
        let i = self.types.len() as u32;
        self.types.push(def.clone());
        self.type_index.insert(def, i);
        i
    }

    /// Defines a new, distinct type (no deduplication), e.g. a struct type
    /// that is later filled in with [`Module::set_type`].
    pub fn reserve_type(&mut self, def: TypeDef) -> u32 {
        let i = self.types.len() as u32;
        self.types.push(def);
        i
    }

    pub fn set_type(&mut self, index: u32, def: TypeDef) {
        self.types[index as usize] = def;
    }

    /// Ends the prefix of self-contained types (byte array, host import
    /// signatures) that are emitted as singleton recursion groups.
    pub fn seal_singletons(&mut self) {
        self.singletons = self.types.len() as u32;
    }

    pub fn type_def(&self, index: u32) -> &TypeDef {
        &self.types[index as usize]
    }

    pub fn func_type(&mut self, params: Vec<ValType>, results: Vec<ValType>) -> u32 {
        self.intern(TypeDef::Func(params, results))
    }

    /// Adds an import; all imports must be added before any function.
    pub fn import_func(&mut self, module: &str, name: &str, ty: u32) -> u32 {
        assert!(self.funcs.is_empty(), "imports must precede functions");
        self.imports.push((module.into(), name.into(), ty));
        (self.imports.len() - 1) as u32
    }

    /// Declares a function; its body is supplied later with [`Module::define`].
    pub fn declare_func(&mut self, ty: u32, name: String) -> u32 {
        self.funcs.push(FuncSlot {
            ty,
            name,
            body: None,
        });
        (self.imports.len() + self.funcs.len() - 1) as u32
    }

    pub fn define(&mut self, index: u32, body: Function) {
        let slot = &mut self.funcs[index as usize - self.imports.len()];
        assert!(slot.body.is_none(), "function {} defined twice", slot.name);
        slot.body = Some(body);
    }

    pub fn is_defined(&self, index: u32) -> bool {
        (index as usize) >= self.imports.len()
            && self.funcs[index as usize - self.imports.len()]
                .body
                .is_some()
    }

    /// Replaces the body of a defined function (package initializers are
    /// regenerated when more globals turn out to be live).
    pub fn redefine(&mut self, index: u32, body: Function) {
        let slot = &mut self.funcs[index as usize - self.imports.len()];
        slot.body = Some(body);
    }

    pub fn add_global(&mut self, ty: GlobalType, init: ConstExpr) -> u32 {
        self.globals.push((ty, init));
        (self.globals.len() - 1) as u32
    }

    pub fn add_tag(&mut self, func_type: u32) -> u32 {
        self.tags.push(func_type);
        (self.tags.len() - 1) as u32
    }

    pub fn export(&mut self, name: &str, kind: ExportKind, index: u32) {
        self.exports.push((name.into(), kind, index));
    }

    /// The slot of a function in the module's function table (closures
    /// hold slots, called with `call_indirect`: reading a function
    /// reference out of a GC object is a libcall in Wasmtime, a table
    /// element is not).
    pub fn table_slot(&mut self, func: u32) -> u32 {
        if let Some(&slot) = self.table_slots.get(&func) {
            return slot;
        }
        let slot = self.table.len() as u32;
        self.table.push(func);
        self.table_slots.insert(func, slot);
        slot
    }

    /// The functions of the function table, by slot.
    pub fn table_funcs(&self) -> &[u32] {
        &self.table
    }

    /// Appends bytes to the single passive data segment; returns their offset.
    pub fn add_data(&mut self, bytes: &[u8]) -> u32 {
        let at = self.data.len() as u32;
        self.data.extend_from_slice(bytes);
        at
    }

    pub fn data_len(&self) -> u32 {
        self.data.len() as u32
    }

    pub fn add_custom(&mut self, name: &str, payload: Vec<u8>) {
        self.custom.push((name.into(), payload));
    }

    pub fn finish(self) -> Vec<u8> {
        let mut out = wasm_encoder::Module::new();

        let mut types = TypeSection::new();
        let subtype = |def: &TypeDef| -> SubType {
            let (inner, is_final, supertype_idx) = match def {
                TypeDef::Func(p, r) => (
                    CompositeInnerType::Func(FuncType::new(p.clone(), r.clone())),
                    true,
                    None,
                ),
                TypeDef::Struct {
                    fields,
                    supertype,
                    is_final,
                } => (
                    CompositeInnerType::Struct(StructType {
                        fields: fields.clone().into_boxed_slice(),
                    }),
                    *is_final,
                    *supertype,
                ),
                TypeDef::Array(f) => (
                    CompositeInnerType::Array(wasm_encoder::ArrayType(*f)),
                    true,
                    None,
                ),
            };
            SubType {
                is_final,
                supertype_idx,
                composite_type: CompositeType {
                    inner,
                    shared: false,
                    descriptor: None,
                    describes: None,
                },
            }
        };
        let prefix = (self.singletons as usize).max(1);
        for def in &self.types[..prefix] {
            types.ty().subtype(&subtype(def));
        }
        if self.types.len() > prefix {
            types
                .ty()
                .rec(self.types[prefix..].iter().map(subtype).collect::<Vec<_>>());
        }
        out.section(&types);

        let mut imports = ImportSection::new();
        for (module, name, ty) in &self.imports {
            imports.import(module, name, EntityType::Function(*ty));
        }
        out.section(&imports);

        let mut functions = FunctionSection::new();
        for f in &self.funcs {
            functions.function(f.ty);
        }
        out.section(&functions);

        if !self.table.is_empty() {
            let n = self.table.len() as u64;
            let mut tables = TableSection::new();
            tables.table(TableType {
                element_type: RefType::FUNCREF,
                table64: false,
                minimum: n,
                maximum: Some(n),
                shared: false,
            });
            out.section(&tables);
        }

        let mut tags = TagSection::new();
        for &ty in &self.tags {
            tags.tag(TagType {
                kind: TagKind::Exception,
                func_type_idx: ty,
            });
        }
        out.section(&tags);

        let mut globals = GlobalSection::new();
        for (ty, init) in &self.globals {
            globals.global(*ty, init);
        }
        out.section(&globals);

        let mut exports = ExportSection::new();
        for (name, kind, index) in &self.exports {
            exports.export(name, *kind, *index);
        }
        out.section(&exports);

        let mut elements = ElementSection::new();
        if !self.table.is_empty() {
            elements.active(
                Some(0),
                &ConstExpr::i32_const(0),
                Elements::Functions(self.table.clone().into()),
            );
        }
        out.section(&elements);

        let has_data = !self.data.is_empty();
        if has_data {
            out.section(&DataCountSection { count: 1 });
        }

        let mut code = CodeSection::new();
        for f in &self.funcs {
            let body = f
                .body
                .as_ref()
                .unwrap_or_else(|| panic!("function {} declared but never defined", f.name));
            code.function(body);
        }
        out.section(&code);

        if has_data {
            let mut data = DataSection::new();
            data.passive(self.data.iter().copied());
            out.section(&data);
        }

        for (name, payload) in &self.custom {
            out.section(&CustomSection {
                name: name.into(),
                data: payload.into(),
            });
        }

        // Function names go into the compressed gowasm.names section
        // (host_abi::names); GOWASM_NAME_SECTION=1 at build time also
        // writes the standard name section, for wasm tools and profilers.
        // By function index: the imports, then the module's functions.
        let names: Vec<String> = self
            .imports
            .iter()
            .map(|(module, name, _)| format!("{module}.{name}"))
            .chain(self.funcs.iter().map(|f| f.name.clone()))
            .collect();
        let pairs: Vec<(u32, &str)> = (0..).zip(names.iter().map(String::as_str)).collect();
        out.section(&CustomSection {
            name: host_abi::names::SECTION.into(),
            data: host_abi::names::encode(&pairs).into(),
        });
        if std::env::var_os("GOWASM_NAME_SECTION").is_some_and(|v| v == "1") {
            let mut fnames = NameMap::new();
            for &(i, n) in &pairs {
                fnames.append(i, n);
            }
            let mut section = NameSection::new();
            section.functions(&fnames);
            out.section(&section);
        }

        out.finish()
    }
}

impl Default for Module {
    fn default() -> Self {
        Module::new()
    }
}
