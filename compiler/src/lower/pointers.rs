//! Pointers, variables and element access.
//!
//! A pointer to a struct or array is the object itself. Any other pointer
//! is a fat pointer (base object, index): index ≥ 0 selects an element of
//! an array base (an escaping variable is a one-element array, a "cell");
//! index < 0 names an address-taken struct field, `-(key + 1)`, resolved by
//! a generated switch over every such field of the pointee type in the
//! program. Loads and stores never call the host.

use super::Ctx;
use super::func::{FuncGen, push_null_eq};
use super::types::{EQREF, Shape};
use crate::emit::module::{BYTES_TYPE, TypeDef, mutable, ref_null};
use crate::ir::{
    BasicKind, Builtin, ConstValue, GlobalId, Instr, Op, Operand, TypeId, TypeKind, UnOp,
};
use wasm_encoder::{BlockType, ConstExpr, GlobalType, HeapType, StorageType, ValType};

/// How a Go global variable is stored.
#[derive(Clone, Debug)]
pub enum GlobalVar {
    /// Struct or array: a wasm global holding the object.
    Object(u32),
    /// Never address-taken: one wasm global per slot.
    Direct(Vec<u32>),
    /// Address-taken: a wasm global holding a one-element array.
    Cell(u32),
}

/// Records globals whose address escapes (used other than as the address
/// of a load or store).
pub fn note_global_uses(ins: &Instr, addr_taken: &mut [bool]) {
    // The operand that is the address of a load or store.
    let address = match &ins.op {
        Op::UnOp {
            op: UnOp::Deref, x, ..
        } => Some(x),
        Op::Store { addr, .. } => Some(addr),
        _ => None,
    };
    let direct_ok = |op: &Operand| address.is_some_and(|a| std::ptr::eq(op, a));
    for op in ins.operands() {
        if let Operand::Global(g) = op
            && !direct_ok(op)
        {
            addr_taken[*g] = true;
        }
    }
}

impl Ctx<'_> {
    /// The global holding the one object that every variable of a zero-size
    /// type lives in, so that pointers to them compare equal as in gc (whose
    /// zero-size allocations all return runtime.zerobase).
    pub fn zero_size_object(&mut self, t: TypeId) -> u32 {
        let u = self.underlying(t);
        if let Some(&g) = self.zero_size_objects.get(&u) {
            return g;
        }
        let ty = self.object_type(t);
        let g = self.module.add_global(
            GlobalType {
                val_type: ref_null(ty),
                mutable: true,
                shared: false,
            },
            ConstExpr::ref_null(HeapType::Concrete(ty)),
        );
        self.zero_size_objects.insert(u, g);
        g
    }

    pub fn global_var(&mut self, g: GlobalId) -> GlobalVar {
        if let Some(v) = &self.globals[g] {
            return v.clone();
        }
        let t = self.prog.globals[g].ty;
        let mutable = |val_type| GlobalType {
            val_type,
            mutable: true,
            shared: false,
        };
        let v = match self.shape(t) {
            Shape::Struct(_) | Shape::Array(..) if self.go_size(t) == 0 => {
                GlobalVar::Object(self.zero_size_object(t))
            }
            Shape::Struct(_) | Shape::Array(..) => {
                let ty = self.object_type(t);
                GlobalVar::Object(self.module.add_global(
                    mutable(ref_null(ty)),
                    ConstExpr::ref_null(HeapType::Concrete(ty)),
                ))
            }
            _ if self.global_addr_taken[g] => {
                let arr = self.array_type(t);
                GlobalVar::Cell(self.module.add_global(
                    mutable(ref_null(arr)),
                    ConstExpr::ref_null(HeapType::Concrete(arr)),
                ))
            }
            _ => {
                let slots = self.slots(t);
                GlobalVar::Direct(self.slot_globals(&slots))
            }
        };
        self.globals[g] = Some(v.clone());
        v
    }

    /// Mutable wasm globals for the slots of a value, zero.
    pub fn slot_globals(&mut self, slots: &[ValType]) -> Vec<u32> {
        slots
            .iter()
            .map(|&s| {
                let init = match s {
                    ValType::I32 => ConstExpr::i32_const(0),
                    ValType::I64 => ConstExpr::i64_const(0),
                    ValType::F32 => ConstExpr::f32_const(0.0f32.into()),
                    ValType::F64 => ConstExpr::f64_const(0.0f64.into()),
                    ValType::Ref(r) => ConstExpr::ref_null(r.heap_type),
                    ValType::V128 => unreachable!(),
                };
                let ty = GlobalType {
                    val_type: s,
                    mutable: true,
                    shared: false,
                };
                self.module.add_global(ty, init)
            })
            .collect()
    }
}

/// Code run at start-up: allocates the objects and cells of globals.
pub fn init_globals(g: &mut FuncGen) {
    for id in 0..g.cx.globals.len() {
        let t = g.cx.prog.globals[id].ty;
        match g.cx.globals[id].clone() {
            Some(GlobalVar::Object(gl)) if g.cx.go_size(t) == 0 => {
                // Shared by every zero-size variable of the type.
                g.ins().global_get(gl).ref_is_null().if_(BlockType::Empty);
                g.push_zero(t);
                g.ins().global_set(gl).end();
            }
            Some(GlobalVar::Object(gl)) => {
                g.push_zero(t);
                g.ins().global_set(gl);
            }
            Some(GlobalVar::Cell(gl)) => {
                let arr = g.cx.array_type(t);
                g.ins().i32_const(1).array_new_default(arr).global_set(gl);
            }
            _ => {}
        }
    }
}

/// Pushes the address of a global as a pointer value.
pub fn push_global_address(g: &mut FuncGen, id: GlobalId) {
    g.cx.live_globals.insert(id);
    match g.cx.global_var(id) {
        GlobalVar::Object(gl) => {
            g.ins().global_get(gl);
            if matches!(g.cx.shape(g.cx.prog.globals[id].ty), Shape::Array(..)) {
                // A pointer to an array is (array, offset).
                g.ins().i32_const(0);
            }
        }
        GlobalVar::Cell(gl) => {
            g.ins().global_get(gl).i32_const(0);
        }
        GlobalVar::Direct(_) => unreachable!("address of a direct global"),
    }
}

pub fn alloc(g: &mut FuncGen, ins: &Instr, heap: bool) {
    let (Shape::PtrRef(_) | Shape::PtrFat(_) | Shape::PtrArray(_)) = g.cx.shape(ins.t) else {
        unreachable!("Alloc of non-pointer")
    };
    let elem = g.cx.prog.types[g.cx.underlying(ins.t)].elem();
    push_new(g, elem, heap);
    g.set_result(ins);
}

/// Pushes a pointer to a new zero variable of type elem.
pub fn push_new(g: &mut FuncGen, elem: TypeId, heap: bool) {
    match g.cx.shape(elem) {
        // Like gc: escaping zero-size variables share one address; others
        // (on gc's stack) are distinct.
        Shape::Struct(_) | Shape::Array(..) if heap && g.cx.go_size(elem) == 0 => {
            let zb = g.cx.zero_size_object(elem);
            g.ins().global_get(zb).ref_is_null().if_(BlockType::Empty);
            g.push_zero(elem);
            g.ins().global_set(zb).end().global_get(zb);
            if matches!(g.cx.shape(elem), Shape::Array(..)) {
                g.ins().i32_const(0);
            }
        }
        Shape::Struct(_) => g.push_zero(elem),
        Shape::Array(..) => {
            g.push_zero(elem);
            g.ins().i32_const(0);
        }
        _ => {
            let arr = g.cx.array_type(elem);
            g.ins().i32_const(1).array_new_default(arr).i32_const(0);
        }
    }
}

/// Loads an element: [array, index] → value.
pub fn load_elem(g: &mut FuncGen, elem: TypeId) {
    let arr = g.cx.array_type(elem);
    if g.cx.elem_boxed(elem) {
        let unbox = super::helpers::unbox_func(g.cx, elem);
        g.ins().array_get(arr).call(unbox);
        return;
    }
    match (g.cx.elem_storage(elem), g.cx.shape(elem)) {
        (StorageType::I8 | StorageType::I16, Shape::Int { signed: true, .. }) => {
            g.ins().array_get_s(arr);
        }
        (StorageType::I8 | StorageType::I16, _) => {
            g.ins().array_get_u(arr);
        }
        _ => {
            g.ins().array_get(arr);
        }
    }
}

/// Stores an element: [array, index, value] → ().
pub fn store_elem(g: &mut FuncGen, elem: TypeId) {
    let arr = g.cx.array_type(elem);
    if g.cx.elem_boxed(elem) {
        let b = g.cx.box_type(elem);
        g.ins().struct_new(b);
    }
    g.ins().array_set(arr);
}

/// Loads a struct field from the object on the stack.
pub fn load_field(g: &mut FuncGen, u: TypeId, i: usize) {
    let st = g.cx.struct_type(u);
    let (first, count) = g.cx.field_layout(u, i);
    let ft = g.cx.prog.types[u].fields()[i].ty;
    let packed = matches!(
        g.cx.field_storage(ft).first(),
        Some(StorageType::I8 | StorageType::I16)
    );
    if count == 1 {
        if packed {
            if matches!(g.cx.shape(ft), Shape::Int { signed: true, .. }) {
                g.ins().struct_get_s(st, first);
            } else {
                g.ins().struct_get_u(st, first);
            }
        } else {
            g.ins().struct_get(st, first);
        }
        return;
    }
    let obj = g.tmp(ref_null(st));
    g.ins().local_set(obj);
    for k in 0..count {
        g.ins().local_get(obj).struct_get(st, first + k);
    }
}

/// Stores a struct field: [object, value] → ().
pub fn store_field(g: &mut FuncGen, u: TypeId, i: usize) {
    let st = g.cx.struct_type(u);
    let (first, count) = g.cx.field_layout(u, i);
    if count == 1 {
        // The stack already is [object, value].
        g.ins().struct_set(st, first);
        return;
    }
    let ft = g.cx.prog.types[u].fields()[i].ty;
    let slots = g.cx.slots(ft);
    let vals = g.tmps(&slots);
    g.set_all(&vals);
    let obj = g.tmp(ref_null(st));
    g.ins().local_set(obj);
    for k in 0..count {
        g.ins()
            .local_get(obj)
            .local_get(vals[k as usize])
            .struct_set(st, first + k);
    }
}

pub fn field(g: &mut FuncGen, ins: &Instr, x: &Operand, field: usize) {
    let t = g.operand_type(x).unwrap();
    let u = g.cx.underlying(t);
    g.push(x);
    load_field(g, u, field);
    g.set_result(ins);
}

pub fn field_addr(g: &mut FuncGen, ins: &Instr, x: &Operand, field: usize) {
    let pt = g.operand_type(x).unwrap();
    let st = g.cx.prog.types[g.cx.underlying(pt)].elem();
    let u = g.cx.underlying(st);
    g.push_pointer(x);
    push_field_address(g, u, field);
    g.set_result(ins);
}

/// [struct object] → the address of its field i: the field's object for a
/// struct or array field, else a fat pointer with the field's key.
pub fn push_field_address(g: &mut FuncGen, u: TypeId, field: usize) {
    let ft = g.cx.prog.types[u].fields()[field].ty;
    match g.cx.shape(ft) {
        Shape::Struct(_) => load_field(g, u, field),
        Shape::Array(..) => {
            load_field(g, u, field);
            g.ins().i32_const(0);
        }
        _ => {
            let key = g.cx.field_key(ft, u, field);
            g.ins().i32_const(-(key as i32) - 1);
        }
    }
}

impl Ctx<'_> {
    /// The key of an address-taken field among the fields of its type.
    fn field_key(&mut self, ft: TypeId, u: TypeId, i: usize) -> usize {
        let canon = self.underlying(ft);
        let keys = self.field_keys.entry(canon).or_default();
        if let Some(k) = keys.iter().position(|&e| e == (u, i)) {
            return k;
        }
        keys.push((u, i));
        keys.len() - 1
    }
}

/// Pushes (array, offset, length) of an indexable operand: a slice or a
/// pointer to an array (nil-checked).
fn push_indexable(g: &mut FuncGen, x: &Operand, elem: TypeId, len: u32) -> (u32, u32) {
    let t = g.operand_type(x).unwrap();
    let arr_ty = g.cx.array_type(elem);
    let (arr, off) = (g.tmp(ref_null(arr_ty)), g.tmp(ValType::I32));
    match g.cx.shape(t) {
        Shape::Slice(_) => {
            g.push(x);
            g.ins().drop().local_set(len).local_set(off).local_set(arr);
        }
        Shape::PtrArray(at) => {
            let Shape::Array(_, n) = g.cx.shape(at) else {
                unreachable!()
            };
            g.push_pointer(x);
            g.ins()
                .local_set(off)
                .local_set(arr)
                .i32_const(n as i32)
                .local_set(len);
        }
        _ => {
            // An array value (never nil).
            g.push(x);
            g.ins()
                .local_tee(arr)
                .array_len()
                .local_set(len)
                .i32_const(0)
                .local_set(off);
        }
    }
    (arr, off)
}

fn indexed_elem(g: &FuncGen, x: &Operand) -> TypeId {
    let t = g.operand_type(x).unwrap();
    let u = g.cx.underlying(t);
    let ty = &g.cx.prog.types[u];
    match ty.kind {
        TypeKind::Slice { elem } | TypeKind::Array { elem, .. } => elem,
        TypeKind::Pointer { elem } => g.cx.prog.types[g.cx.underlying(elem)].elem(),
        _ => panic!("index of {}", ty.str),
    }
}

/// The length of an array type, or of the array a pointer type points to.
fn array_length(g: &mut FuncGen, t: TypeId) -> Option<i64> {
    match g.cx.shape(t) {
        Shape::Array(_, n) => Some(n),
        Shape::PtrArray(at) => match g.cx.shape(at) {
            Shape::Array(_, n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// For an array (or pointer to array) indexed by an in-range constant,
/// pushes the array object and the index, with no bounds check; a global
/// needs no nil check either.
fn push_constant_index(g: &mut FuncGen, x: &Operand, y: &Operand) -> bool {
    let Operand::Const(c) = y else { return false };
    let t = g.operand_type(x).unwrap();
    let Some(n) = array_length(g, t) else {
        return false;
    };
    let i = c.bits() as i64;
    if i < 0 || i >= n {
        return false;
    }
    if matches!(g.cx.shape(t), Shape::Array(..)) {
        g.push(x);
        g.ins().i32_const(i as i32);
    } else {
        // (array, offset): the element is at offset + i.
        g.push_pointer(x);
        g.ins().i32_const(i as i32).i32_add();
    }
    true
}

/// Pushes [array, index] for x[y] (slice, array, or pointer to array),
/// bounds-checked unless the index is a constant in range; returns the
/// element type.
fn push_element(g: &mut FuncGen, ins: &Instr, x: &Operand, y: &Operand) -> TypeId {
    let elem = indexed_elem(g, x);
    if !push_constant_index(g, x, y) {
        // `table[b]` with b a byte and 256 entries: in range by its type.
        let n = array_length(g, g.operand_type(x).unwrap());
        if let (
            Some(n),
            Some(Shape::Int {
                bits,
                signed: false,
            }),
        ) = (n, g.operand_type(y).map(|t| g.cx.shape(t)))
            && bits < 32
            && 1i64 << bits <= n
        {
            g.in_bounds.insert(ins.id);
        }
        let len = g.tmp(ValType::I32);
        let (arr, off) = push_indexable(g, x, elem, len);
        let i = super::slices::element_index(g, ins, y, len);
        g.ins().local_get(arr).local_get(off).local_get(i).i32_add();
    }
    elem
}

pub fn index_addr(g: &mut FuncGen, ins: &Instr, x: &Operand, index: &Operand) {
    let elem = push_element(g, ins, x, index);
    element_address(g, elem);
    g.set_result(ins);
}

/// [array, index] → the address of the element: the element object for a
/// struct, (element array, 0) for an array, else (array, index) itself.
pub fn element_address(g: &mut FuncGen, elem: TypeId) {
    let arr_ty = g.cx.array_type(elem);
    match g.cx.shape(elem) {
        Shape::Struct(_) => {
            g.ins().array_get(arr_ty);
        }
        Shape::Array(..) => {
            g.ins().array_get(arr_ty).i32_const(0);
        }
        _ => {}
    }
}

pub fn index(g: &mut FuncGen, ins: &Instr, x: &Operand, index: &Operand) {
    let elem = push_element(g, ins, x, index);
    load_elem(g, elem);
    g.set_result(ins);
}

pub fn load(g: &mut FuncGen, ins: &Instr, x: &Operand) {
    let t = ins.t;
    if let Operand::Global(id) = x
        && let GlobalVar::Direct(gs) = g.cx.global_var(*id)
    {
        g.cx.live_globals.insert(*id);
        for gl in gs {
            g.ins().global_get(gl);
        }
        g.set_result(ins);
        return;
    }
    match g.cx.shape(t) {
        Shape::Struct(_) => {
            g.push_pointer(x);
            if !read_before_any_write(g, ins) && !last_read_of_local(g, ins, x) {
                let copy = super::helpers::copy_func(g.cx, t);
                g.ins().call(copy);
            }
        }
        Shape::Array(elem, n) => {
            // Copy n elements from (array, offset) into a new array.
            let arr = g.cx.array_type(elem);
            let (src, off) = (g.tmp(ref_null(arr)), g.tmp(ValType::I32));
            g.push_pointer(x);
            g.ins().local_set(off).local_set(src).i32_const(n as i32);
            super::slices::new_array(g, elem);
            let (fresh, zero, count) = (g.tmp(ref_null(arr)), g.zeroed_i32(), g.tmp(ValType::I32));
            g.ins()
                .local_set(fresh)
                .i32_const(n as i32)
                .local_set(count);
            super::slices::copy_elems(g, elem, [fresh, zero, src, off, count]);
            g.ins().local_get(fresh);
        }
        _ => {
            g.push_pointer(x);
            let f = ptr_load_func(g.cx, t);
            g.ins().call(f);
        }
    }
    g.set_result(ins);
}

/// Whether the struct loaded by `ins` is only read for scalar fields, with
/// nothing that could write memory between the load and those reads: then
/// the stored object itself can stand for the loaded value (no copy), as in
/// `for _, e := range structs { if e.x > 0 { sum += e.y } }`.
fn read_before_any_write(g: &FuncGen, ins: &Instr) -> bool {
    let (b, k) = (g.cur_block, g.cur_instr);
    if g.f
        .blocks
        .get(b)
        .and_then(|block| block.instrs.get(k))
        .map(|i| i.id)
        != Some(ins.id)
    {
        return false;
    }
    reads_before_any_write(g, b, k, ins.id, |g, i| {
        if matches!(i.op, Op::Field { .. })
            && !matches!(g.cx.shape(i.t), Shape::Struct(_) | Shape::Array(..))
        {
            Use::Read
        } else {
            Use::Other
        }
    })
}

/// Whether `ins` loads a local variable (a non-escaping Alloc of its
/// block) for the last time, with every earlier use of the variable and of
/// its field addresses in the block a store or load: nothing can write the
/// variable afterwards, so its object can be the loaded value (no copy), as
/// in `return T{kind: k}` (Go's SSA builds the literal in a local).
fn last_read_of_local(g: &FuncGen, ins: &Instr, x: &Operand) -> bool {
    let Operand::Value(var) = *x else {
        return false;
    };
    let k = g.cur_instr;
    let Some(block) = g.f.blocks.get(g.cur_block) else {
        return false;
    };
    if block.instrs.get(k).map(|i| i.id) != Some(ins.id) {
        return false;
    }
    let Some(start) = block.instrs[..k]
        .iter()
        .position(|i| i.id == var && matches!(i.op, Op::Alloc { heap: false }))
    else {
        return false;
    };
    if g.block_local_last_use(var) != Some(k) {
        return false;
    }
    let mut addrs = vec![var];
    block.instrs[start + 1..k].iter().all(|i| {
        let is_addr = |op: &Operand| matches!(op, Operand::Value(v) if addrs.contains(v));
        match &i.op {
            Op::FieldAddr { x, .. } | Op::IndexAddr { x, .. } if is_addr(x) => {
                let dies_before = g.block_local_last_use(i.id).is_some_and(|l| l < k);
                addrs.push(i.id);
                dies_before
            }
            Op::Store { val, .. } => !is_addr(val),
            Op::UnOp {
                op: UnOp::Deref, ..
            } => true,
            _ => !i
                .operands()
                .iter()
                .any(|op| matches!(op, Operand::Value(v) if addrs.contains(v))),
        }
    })
}

/// How an instruction uses a value `reads_before_any_write` follows.
enum Use {
    /// Reads through it or from it.
    Read,
    /// Derives an address (a field's) that is followed too.
    Derive,
    /// Anything else.
    Other,
}

/// Whether `root` (defined by instruction k of block b) and the addresses
/// `classify` derives from it are used only by reads, with nothing that
/// could write memory from k up to the last of those reads. The reads must
/// be in block b or in blocks whose only predecessor is b (control leaves b
/// only after all of it has run).
fn reads_before_any_write(
    g: &FuncGen,
    b: usize,
    k: usize,
    root: usize,
    classify: impl Fn(&FuncGen, &Instr) -> Use,
) -> bool {
    let f = g.f;
    let mut tracked = vec![root];
    // Whether every instruction up to the last use of a followed value is
    // an allowed use of one, or neither uses one nor writes memory; None
    // when nothing uses them.
    let scan = |tracked: &mut Vec<usize>, instrs: &[Instr]| -> Option<bool> {
        let mut used = false;
        let mut ok = true;
        let mut writes_before = false;
        for i in instrs {
            let uses = i
                .operands()
                .iter()
                .any(|op| matches!(op, Operand::Value(u) if tracked.contains(u)));
            if uses {
                match classify(g, i) {
                    Use::Read => {}
                    Use::Derive => tracked.push(i.id),
                    Use::Other => return Some(false),
                }
                ok &= !writes_before;
                used = true;
            } else {
                writes_before |= !harmless(i);
            }
        }
        used.then_some(ok)
    };
    let Some(block) = f.blocks.get(b) else {
        return false;
    };
    if scan(&mut tracked, &block.instrs[k + 1..]) == Some(false) {
        return false;
    }
    if tracked.iter().all(|&v| g.block_local_last_use(v).is_some()) {
        return true;
    }
    f.blocks.iter().enumerate().all(|(u, other)| {
        u == b
            || match scan(&mut tracked, &other.instrs) {
                None => true,
                Some(ok) => ok && other.preds == [b],
            }
    })
}

/// Instructions that do not write memory (nor block, nor call).
pub fn harmless(i: &Instr) -> bool {
    match &i.op {
        Op::Field { .. }
        | Op::BinOp { .. }
        | Op::Convert { .. }
        | Op::ChangeType { .. }
        | Op::Extract { .. }
        | Op::FieldAddr { .. }
        | Op::IndexAddr { .. }
        | Op::Jump
        | Op::If { .. } => true,
        Op::UnOp { op, .. } => *op != UnOp::Recv,
        _ => false,
    }
}

pub fn store(g: &mut FuncGen, x: &Operand, y: &Operand) {
    let t = g.operand_type(y).unwrap();
    if let Operand::Global(id) = x
        && let GlobalVar::Direct(gs) = g.cx.global_var(*id)
    {
        g.cx.live_globals.insert(*id);
        g.push(y);
        for &gl in gs.iter().rev() {
            g.ins().global_set(gl);
        }
        return;
    }
    match g.cx.shape(t) {
        Shape::Struct(_) => {
            g.push_pointer(x);
            g.push(y);
            let assign = super::helpers::assign_func(g.cx, t);
            g.ins().call(assign);
        }
        Shape::Array(elem, n) => {
            // Copy the value's n elements into (array, offset).
            let arr = g.cx.array_type(elem);
            let (dst, off, src) = (
                g.tmp(ref_null(arr)),
                g.tmp(ValType::I32),
                g.tmp(ref_null(arr)),
            );
            g.push_pointer(x);
            g.ins().local_set(off).local_set(dst);
            g.push(y);
            g.ins().local_set(src);
            let (zero, count) = (g.zeroed_i32(), g.tmp(ValType::I32));
            g.ins().i32_const(n as i32).local_set(count);
            super::slices::copy_elems(g, elem, [dst, off, src, zero, count]);
        }
        _ => {
            g.push_pointer(x);
            g.push(y);
            let f = ptr_store_func(g.cx, t);
            g.ins().call(f);
        }
    }
}

fn ptr_load_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let canon = cx.underlying(t);
    let slots = cx.slots(canon);
    let key = format!("ptrload:{}#{canon}", cx.prog.types[canon].str);
    cx.helper_late(
        &key,
        vec![EQREF, ValType::I32],
        slots,
        super::interfaces::Late::PtrLoad(canon),
    )
}

fn ptr_store_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let canon = cx.underlying(t);
    let mut params = vec![EQREF, ValType::I32];
    params.extend(cx.slots(canon));
    let key = format!("ptrstore:{}#{canon}", cx.prog.types[canon].str);
    cx.helper_late(
        &key,
        params,
        vec![],
        super::interfaces::Late::PtrStore(canon),
    )
}

/// Exports the load and store helpers of the pointee types of the
/// embedder's host functions' pointer parameters, through which the host
/// reads and writes a pointee in place (`host_abi::POINTER_LOAD_PREFIX`).
pub fn export_accessors(cx: &mut Ctx) {
    for t in cx.host_pointees.clone() {
        let name = super::calls::scalar_name(cx, t).expect("a number or bool pointee");
        let load = ptr_load_func(cx, t);
        let store = ptr_store_func(cx, t);
        cx.module.export(
            &format!("{}{name}", host_abi::POINTER_LOAD_PREFIX),
            wasm_encoder::ExportKind::Func,
            load,
        );
        cx.module.export(
            &format!("{}{name}", host_abi::POINTER_STORE_PREFIX),
            wasm_encoder::ExportKind::Func,
            store,
        );
    }
}

/// The array types holding same-sized numbers of another kind, so that
/// `*(*uint64)(unsafe.Pointer(&f))` reads a float64's bits.
fn reinterpret_partner(cx: &mut Ctx, t: TypeId) -> Option<(u32, ValType)> {
    use BasicKind as B;
    let TypeKind::Basic(kind) = cx.prog.types[t].kind else {
        return None;
    };
    let partner_kind = match kind {
        B::Int64 | B::Uint64 | B::Int | B::Uint | B::Uintptr => B::Float64,
        B::Float64 => B::Uint64,
        B::Int32 | B::Uint32 => B::Float32,
        B::Float32 => B::Uint32,
        _ => return None,
    };
    let pt = cx
        .prog
        .types
        .iter()
        .position(|ty| matches!(ty.kind, TypeKind::Basic(k) if k == partner_kind))?;
    let from = cx.slots(pt)[0];
    Some((cx.array_type(pt), from))
}

fn reinterpret(g: &mut FuncGen, from: ValType) {
    match from {
        ValType::F64 => g.ins().i64_reinterpret_f64(),
        ValType::I64 => g.ins().f64_reinterpret_i64(),
        ValType::F32 => g.ins().i32_reinterpret_f32(),
        _ => g.ins().f32_reinterpret_i32(),
    };
}

/// Writes the bodies of the pointer load/store helpers (the field switch
/// needs every address-taken field of the program).
pub fn define_ptr_helper(cx: &mut Ctx, idx: u32, t: TypeId, store: bool) {
    let slots = cx.slots(t);
    let nparams = 2 + if store { slots.len() as u32 } else { 0 };
    let mut g = FuncGen::helper(cx, nparams);
    let arr = g.cx.array_type(t);
    let vals: Vec<u32> = (2..nparams).collect();
    // Element of an array (or cell).
    g.ins()
        .local_get(1)
        .i32_const(0)
        .i32_ge_s()
        .if_(BlockType::Empty)
        .local_get(0)
        .ref_test_nullable(HeapType::Concrete(arr))
        .if_(BlockType::Empty)
        .local_get(0)
        .ref_cast_nullable(HeapType::Concrete(arr))
        .local_get(1);
    if store {
        g.get_all(&vals);
        store_elem(&mut g, t);
    } else {
        load_elem(&mut g, t);
    }
    g.ins().return_().end();
    if let Some((parr, from)) = reinterpret_partner(g.cx, t) {
        g.ins()
            .local_get(0)
            .ref_test_nullable(HeapType::Concrete(parr))
            .if_(BlockType::Empty)
            .local_get(0)
            .ref_cast_nullable(HeapType::Concrete(parr))
            .local_get(1);
        if store {
            g.get_all(&vals);
            let to = match from {
                ValType::F64 => ValType::I64,
                ValType::I64 => ValType::F64,
                ValType::F32 => ValType::I32,
                _ => ValType::F32,
            };
            reinterpret(&mut g, to);
            g.ins().array_set(parr);
        } else {
            g.ins().array_get(parr);
            reinterpret(&mut g, from);
        }
        g.ins().return_().end();
    }
    // Neither: a pointer made by an unsafe conversion from another type.
    let target = format!("*{}", g.cx.prog.types[t].str);
    panic_reinterpret(&mut g, "unsafe.Pointer conversion", &target);
    g.ins().end();
    // Address-taken struct fields.
    let keys = g.cx.field_keys.get(&t).cloned().unwrap_or_default();
    let n = keys.len() as u32;
    for _ in 0..=n {
        g.ins().block(BlockType::Empty);
    }
    g.ins()
        .i32_const(-1)
        .local_get(1)
        .i32_sub()
        .br_table(0..n, n)
        .end();
    for (u, i) in keys {
        let st = g.cx.struct_type(u);
        g.ins()
            .local_get(0)
            .ref_cast_nullable(HeapType::Concrete(st));
        if store {
            g.get_all(&vals);
            store_field(&mut g, u, i);
        } else {
            load_field(&mut g, u, i);
        }
        g.ins().return_().end();
    }
    g.ins().unreachable();
    g.finish(idx);
}

/// Conversions between pointer kinds, unsafe.Pointer and uintptr.
pub fn convert_pointer(g: &mut FuncGen, ins: &Instr, x: &Operand, from: &Shape, to: &Shape) {
    match (from, to) {
        (Shape::PtrRef(_), Shape::UnsafePointer) => {
            g.push(x);
            g.ins().i32_const(0);
        }
        (Shape::PtrArray(_), Shape::UnsafePointer) => g.push(x),
        (Shape::UnsafePointer, Shape::PtrArray(_)) => {
            let ValType::Ref(r) = g.cx.slots(ins.t)[0] else {
                unreachable!()
            };
            g.push(x);
            let off = g.tmp(ValType::I32);
            g.ins().local_set(off);
            cast_unsafe(g, r.heap_type, ins, "unsafe.Pointer conversion");
            g.ins().local_get(off);
        }
        (Shape::PtrFat(_) | Shape::UnsafePointer, Shape::UnsafePointer | Shape::PtrFat(_)) => {
            g.push(x)
        }
        (Shape::UnsafePointer, Shape::PtrRef(_)) => {
            let ty = g.cx.slots(ins.t)[0];
            let ValType::Ref(r) = ty else { unreachable!() };
            g.push(x);
            g.ins().drop();
            cast_unsafe(g, r.heap_type, ins, "unsafe.Pointer conversion");
        }
        (Shape::UnsafePointer, Shape::Int { .. }) => {
            // Objects have no addresses: nil is 0, anything else a
            // placeholder that keeps the order of the elements of one array
            // and is never word-aligned, so that code testing alignment
            // before reinterpreting memory (crypto's XORBytes) takes its
            // portable path.
            let idx = g.tmp(ValType::I32);
            g.push(x);
            g.ins()
                .local_set(idx)
                .ref_is_null()
                .if_(BlockType::Result(ValType::I64))
                .i64_const(0)
                .else_()
                .i64_const(0xc000010001)
                .local_get(idx)
                .i64_extend_i32_u()
                .i64_const(1)
                .i64_shl()
                .i64_add()
                .end();
        }
        (Shape::Int { .. }, Shape::UnsafePointer) => {
            push_null_eq(&mut g.ins());
            g.ins().i32_const(0);
        }
        _ => g.unsupported(ins, &format!("conversion from {from:?} to {to:?}")),
    }
}

/// Casts the object reference on the stack, reached through an unsafe
/// conversion that gives ins its type, to ht; when the object is of another
/// type (Go code reinterpreting memory, say a uint32 as bytes), panics
/// naming the conversion: WebAssembly GC objects are typed and have no
/// bytes to view another way.
fn cast_unsafe(g: &mut FuncGen, ht: HeapType, ins: &Instr, what: &str) {
    let obj = g.tmp(EQREF);
    g.ins()
        .local_tee(obj)
        .ref_test_nullable(ht)
        .i32_eqz()
        .if_(BlockType::Empty);
    let target = g.cx.prog.types[ins.t].str.clone();
    panic_reinterpret(g, what, &target);
    g.ins().end().local_get(obj).ref_cast_nullable(ht);
}

/// Panics (a Go run-time error) on reaching memory of one type through
/// `what` giving it type `target`: WebAssembly GC objects are typed and
/// have no bytes to view another way.
fn panic_reinterpret(g: &mut FuncGen, what: &str, target: &str) {
    let msg = format!(
        "{what} to {target} of memory holding another type: gowasm cannot reinterpret memory"
    );
    g.push_string_const(msg.as_bytes());
    g.call_runtime("panicUnsafeCast");
    g.ins().unreachable();
}

/// unsafe.String, unsafe.StringData, unsafe.Slice, unsafe.SliceData.
pub fn unsafe_builtin(g: &mut FuncGen, ins: &Instr, name: Builtin, args: &[Operand]) {
    match name {
        Builtin::String | Builtin::Slice => {
            let rslots = g.cx.slots(ins.t);
            let ValType::Ref(r) = rslots[0] else {
                unreachable!()
            };
            let pt = g.operand_type(&args[0]).unwrap();
            if !matches!(g.cx.shape(pt), Shape::PtrFat(_)) {
                g.unsupported(ins, "unsafe.Slice of struct or array pointers");
                return;
            }
            g.push(&args[0]);
            let idx = g.tmp(ValType::I32);
            g.ins().local_set(idx);
            cast_unsafe(g, r.heap_type, ins, &format!("unsafe.{name:?}"));
            g.ins().local_get(idx);
            let lt = g.operand_type(&args[1]).unwrap();
            super::arith::push_as_i64(g, &args[1], lt);
            g.ins().i32_wrap_i64();
            if name == Builtin::Slice {
                let l = g.tmp(ValType::I32);
                g.ins().local_tee(l).local_get(l);
            }
        }
        Builtin::StringData => {
            g.push(&args[0]);
            g.ins().drop();
        }
        Builtin::SliceData => {
            let st = g.operand_type(&args[0]).unwrap();
            let Shape::Slice(elem) = g.cx.shape(st) else {
                unreachable!()
            };
            g.push(&args[0]);
            g.ins().drop().drop();
            if matches!(g.cx.shape(elem), Shape::Struct(_) | Shape::Array(..)) {
                g.unsupported(ins, "unsafe.SliceData of struct elements");
                return;
            }
        }
        _ => {
            g.unsupported(ins, &format!("unsafe.{name:?}"));
            return;
        }
    }
    g.set_result(ins);
}

/// Stores of constants through `&a[i]` with a constant index i, as
/// composite literals produce them: emitted as direct element stores, and
/// runs of four or more numeric constants into consecutive elements as one
/// `array.init_data` from the data segment (of string constants, as one
/// call of `fill_strings_func`). Returns how many instructions
/// of `body` starting at k were emitted (0: the pattern does not apply).
pub fn constant_stores(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    // One (IndexAddr, Store) pair at j: (array operand, element type, index,
    // value).
    let pair = |g: &mut FuncGen, j: usize| -> Option<(Operand, TypeId, i64, Operand)> {
        let (ia, st) = (body.get(j)?, body.get(j + 1)?);
        let (Op::IndexAddr { x, index }, Op::Store { addr, val }) = (&ia.op, &st.op) else {
            return None;
        };
        if !addr.is_value(ia.id) || !g.used_only_at(ia.id, j + 1) {
            return None;
        }
        let Operand::Const(idx) = index else {
            return None;
        };
        let xt = g.operand_type(x)?;
        let Shape::PtrArray(at) = g.cx.shape(xt) else {
            return None;
        };
        let Shape::Array(elem, n) = g.cx.shape(at) else {
            return None;
        };
        let i = idx.bits() as i64;
        if i < 0 || i >= n || matches!(g.cx.shape(elem), Shape::Struct(_) | Shape::Array(..)) {
            return None;
        }
        Some((x.clone(), elem, i, val.clone()))
    };
    let Some((x, elem, first, value)) = pair(g, k) else {
        return 0;
    };
    g.begin_scratch();
    // A run of numeric constants into consecutive elements of the same array.
    let width = numeric_width(g, elem);
    let mut run: Vec<crate::ir::Const> = Vec::new();
    // Elements set from the data segment (0: none).
    let mut from_data = 0;
    if let Some(width) = width {
        let mut j = k;
        while let Some((x2, _, i2, Operand::Const(c))) = pair(g, j) {
            if !same_array(&x, &x2) || i2 != first + run.len() as i64 || c.value == ConstValue::Zero
            {
                break;
            }
            run.push(c);
            j += 2;
        }
        if run.len() >= 4 {
            let mut bytes = Vec::with_capacity(run.len() * width);
            for c in &run {
                push_le(g, elem, c, &mut bytes);
            }
            let arr = g.cx.array_type(elem);
            push_data_run(g, &x, first, &bytes, run.len());
            g.ins().array_init_data(arr, 0);
            from_data = run.len();
        }
    }
    if from_data == 0 && g.cx.shape(elem) == Shape::String {
        let mut cells = Vec::new();
        let mut j = k;
        while let Some((x2, _, i2, Operand::Const(c))) = pair(g, j) {
            let ConstValue::String(s) = &c.value else {
                break;
            };
            if !same_array(&x, &x2) || i2 != first + (j - k) as i64 / 2 {
                break;
            }
            cells.extend(string_cell(g, s));
            j += 2;
        }
        let count = (j - k) / 2;
        if count >= 4 {
            let fill = fill_strings_func(g.cx, elem);
            push_data_run(g, &x, first, &cells, count);
            g.ins().call(fill);
            from_data = count;
        }
    }
    if from_data > 0 {
        g.end_scratch();
        for (j, ins) in body.iter().enumerate().skip(k).take(2 * from_data) {
            g.release_after(ins, j);
        }
        return 2 * from_data;
    }
    g.push_pointer(&x);
    g.ins().i32_const(first as i32).i32_add();
    g.push(&value);
    store_elem(g, elem);
    g.end_scratch();
    g.release_after(&body[k], k);
    g.release_after(&body[k + 1], k + 1);
    2
}

/// The helper behind runs of string constants in `constant_stores`, for
/// arrays of string type t: (array, first index, data offset, count) sets
/// elements first..first+count from a column of `string_cell`s.
fn fill_strings_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let arr = cx.array_type(t);
    let key = format!("fillstrings:{}#{t}", cx.prog.types[t].str);
    let params = vec![ref_null(arr), ValType::I32, ValType::I32, ValType::I32];
    cx.helper(&key, params, vec![], |cx, idx| {
        let mut g = FuncGen::helper(cx, 4);
        let (array, first, data, count) = (0, 1, 2, 3);
        let cells = i32_array(g.cx);
        let col = g.tmp(ref_null(cells));
        g.ins()
            .local_get(data)
            .local_get(count)
            .i32_const(2)
            .i32_mul()
            .array_new_data(cells, 0)
            .local_set(col);
        g.counted_loop(
            |g| {
                g.ins().local_get(count);
            },
            |g, i| {
                g.ins()
                    .local_get(array)
                    .local_get(first)
                    .local_get(i)
                    .i32_add();
                push_string_cell(g, col, i);
                store_elem(g, t);
            },
        );
        g.finish(idx);
    })
}

/// Pushes string i of a column of `string_cell`s (an i32 array in local
/// col): (pool, offset, length), the array null for an empty string, as
/// push_string_const makes it.
fn push_string_cell(g: &mut FuncGen, col: u32, i: u32) {
    let cells = i32_array(g.cx);
    let pool = g.cx.string_pool_global;
    let len = g.tmp(ValType::I32);
    g.ins()
        .local_get(col)
        .local_get(i)
        .i32_const(1)
        .i32_shl()
        .i32_const(1)
        .i32_add()
        .array_get(cells)
        .local_tee(len)
        .if_(BlockType::Result(ref_null(BYTES_TYPE)))
        .global_get(pool)
        .else_()
        .ref_null(HeapType::Concrete(BYTES_TYPE))
        .end()
        .local_get(col)
        .local_get(i)
        .i32_const(1)
        .i32_shl()
        .array_get(cells)
        .local_get(len);
}

/// Whether two operands are the same array (the same value or global).
fn same_array(a: &Operand, b: &Operand) -> bool {
    matches!(a, Operand::Global(_) | Operand::Value(_)) && a == b
}

/// Adds `bytes` to the data segment and pushes what `array.init_data` and
/// the `fill` helpers take for `count` elements of the array x from index
/// first: (array, index, data offset, count).
fn push_data_run(g: &mut FuncGen, x: &Operand, first: i64, bytes: &[u8], count: usize) {
    let off = g.cx.module.add_data(bytes);
    g.push_pointer(x);
    g.ins()
        .i32_const(first as i32)
        .i32_add()
        .i32_const(off as i32)
        .i32_const(count as i32);
}

/// The byte width of a numeric type's array elements (None: not numeric).
fn numeric_width(g: &mut FuncGen, t: TypeId) -> Option<usize> {
    if !matches!(
        g.cx.shape(t),
        Shape::F32 | Shape::F64 | Shape::Int { .. } | Shape::Bool
    ) {
        return None;
    }
    match g.cx.elem_storage(t) {
        StorageType::I8 => Some(1),
        StorageType::I16 => Some(2),
        StorageType::Val(ValType::I32 | ValType::F32) => Some(4),
        StorageType::Val(ValType::I64 | ValType::F64) => Some(8),
        _ => None,
    }
}

/// Appends constant c of numeric type t as `array.new_data` and
/// `array.init_data` read an element of t: little endian, in its width.
fn push_le(g: &mut FuncGen, t: TypeId, c: &crate::ir::Const, out: &mut Vec<u8>) {
    let width = numeric_width(g, t).expect("numeric constant");
    let bits = if g.cx.shape(t) == Shape::F32 {
        (f64::from_bits(c.bits()) as f32).to_bits() as u64
    } else {
        c.bits()
    };
    out.extend_from_slice(&bits.to_le_bytes()[..width]);
}

/// Composite-literal elements that are themselves literals of numeric
/// fields or elements — `[]Range16{{0x9, 0xd, 1}, ...}` in unicode's
/// tables, `[...][2]uint64{{...}, ...}` in strconv's — or of structs with
/// numeric and string fields (strconv's `leftCheat{delta, cutoff}`). Go's SSA builds each
/// element in a local (`l = local T; *&l.f = c ...; *&a[i] = *l`); a run of
/// two or more into consecutive elements of one array is emitted as one
/// call of a per-type helper that fills the elements from the data segment
/// (about 6 bytes of data per Range16 instead of some 60 of code). Returns
/// the instructions consumed.
pub fn constant_elems(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let mut run = Vec::new();
    let mut j = k;
    let mut array: Option<(Operand, TypeId, i64)> = None;
    while let Some((x, elem, i, row, len)) = constant_elem(g, body, j) {
        match &array {
            None => array = Some((x, elem, i)),
            Some((x0, e0, first)) => {
                if !same_array(x0, &x) || *e0 != elem || i != first + run.len() as i64 {
                    break;
                }
            }
        }
        run.push((row, j, len));
        j += len;
    }
    let Some((x, elem, first)) = array else {
        return 0;
    };
    if run.len() < 2 {
        return 0;
    }
    // A column per part (see fill_elems_func).
    let bytes: Vec<u8> = (0..run[0].0.len())
        .flat_map(|p| {
            run.iter()
                .flat_map(move |(parts, _, _)| parts[p].iter().copied())
        })
        .collect();
    let fill = fill_elems_func(g.cx, elem);
    g.begin_scratch();
    push_data_run(g, &x, first, &bytes, run.len());
    g.ins().call(fill);
    g.end_scratch();
    for (_, start, len) in &run {
        for (i, ins) in body.iter().enumerate().skip(*start).take(*len) {
            g.release_after(ins, i);
        }
    }
    j - k
}

/// An element literal found by `constant_elem`: the array operand, its
/// element type, the index, the bytes of each of the element's parts (see
/// `fill_parts`), and the instructions it spans.
type ElemLiteral = (Operand, TypeId, i64, Vec<Vec<u8>>, usize);

/// The element literal at j, if there is one (see `constant_elems`).
fn constant_elem(g: &mut FuncGen, body: &[Instr], j: usize) -> Option<ElemLiteral> {
    let addr = body.get(j)?;
    let Op::IndexAddr {
        x,
        index: Operand::Const(idx),
    } = &addr.op
    else {
        return None;
    };
    let Shape::PtrArray(at) = g.cx.shape(g.operand_type(x)?) else {
        return None;
    };
    let Shape::Array(elem, n) = g.cx.shape(at) else {
        return None;
    };
    let i = idx.bits() as i64;
    if i < 0 || i >= n || fill_parts(g, elem).is_none() {
        return None;
    }
    let (parts, ld) = numeric_literal(g, body, j + 1, elem, true)?;
    let st = body.get(ld + 1)?;
    if !matches!(&st.op, Op::Store { addr: a, val } if a.is_value(addr.id) && val.is_value(body[ld].id))
        || !g.used_only_at(body[ld].id, ld + 1)
        || !g.used_only_at(addr.id, ld + 1)
    {
        return None;
    }
    let parts = match g.cx.shape(elem) {
        Shape::Struct(_) => parts,
        _ => vec![parts.concat()],
    };
    Some((x.clone(), elem, i, parts, ld + 2 - j))
}

/// A composite literal of type t built in a local (Go's SSA: `l = local
/// t` at body[j], then `*&l.f = c` or `*&l[i] = c` for its constant
/// numeric fields or elements (and string fields, if `nested`), and, if `nested`, numeric array fields
/// built the same way one level down, then `v = *l`): the bytes of each
/// field or element (zeros for those not stored), and the index of the
/// load.
fn numeric_literal(
    g: &mut FuncGen,
    body: &[Instr],
    j: usize,
    t: TypeId,
    nested: bool,
) -> Option<(Vec<Vec<u8>>, usize)> {
    let local = body.get(j)?;
    if !matches!(local.op, Op::Alloc { heap: false }) {
        return None;
    }
    let parts = literal_parts(g, t)?;
    let mut bytes: Vec<Option<Vec<u8>>> = vec![None; parts.len()];
    let mut m = j + 1;
    loop {
        let (pa, next) = (body.get(m)?, body.get(m + 1)?);
        let p = match &pa.op {
            Op::FieldAddr { x, field } if x.is_value(local.id) => *field,
            Op::IndexAddr { x, index } if x.is_value(local.id) => match index {
                Operand::Const(c) => c.bits() as usize,
                _ => return None,
            },
            _ => break,
        };
        let pt = *parts.get(p)?;
        // The value a store into pa stores.
        let into_pa = |ins: &'_ Instr| match &ins.op {
            Op::Store { addr, val } if addr.is_value(pa.id) => Some(val.clone()),
            _ => None,
        };
        if let Some(Operand::Const(c)) = into_pa(next) {
            if !g.used_only_at(pa.id, m + 1) {
                return None;
            }
            bytes[p] = Some(match (g.cx.shape(pt), &c.value) {
                (Shape::String, ConstValue::String(s)) if nested => string_cell(g, s),
                _ if numeric_width(g, pt).is_some() => {
                    let mut b = Vec::new();
                    push_le(g, pt, &c, &mut b);
                    b
                }
                _ => return None,
            });
            m += 2;
        } else if nested && matches!(g.cx.shape(pt), Shape::Array(..)) {
            let (inner, ld) = numeric_literal(g, body, m + 1, pt, false)?;
            let st = body.get(ld + 1)?;
            if !into_pa(st).is_some_and(|v| v.is_value(body[ld].id))
                || !g.used_only_at(body[ld].id, ld + 1)
                || !g.used_only_at(pa.id, ld + 1)
            {
                return None;
            }
            bytes[p] = Some(inner.concat());
            m = ld + 2;
        } else {
            return None;
        }
    }
    let ld = body.get(m)?;
    if !matches!(&ld.op, Op::UnOp { op: UnOp::Deref, x, .. } if x.is_value(local.id))
        || !g.used_only_at(local.id, m)
    {
        return None;
    }
    let mut out = Vec::with_capacity(parts.len());
    for (pt, b) in parts.iter().zip(bytes) {
        out.push(match b {
            Some(b) => b,
            None => vec![0; part_width(g, *pt)?],
        });
    }
    Some((out, m))
}

/// The types of a struct's fields or an array's elements, in order.
fn literal_parts(g: &FuncGen, t: TypeId) -> Option<Vec<TypeId>> {
    match g.cx.shape(t) {
        Shape::Struct(_) => {
            let u = g.cx.underlying(t);
            Some(g.cx.prog.types[u].fields().iter().map(|f| f.ty).collect())
        }
        Shape::Array(e, n) => Some(vec![e; n as usize]),
        _ => None,
    }
}

/// The byte width of a numeric value, an array of numeric elements or a
/// string (`string_cell`) in the data segment.
fn part_width(g: &mut FuncGen, t: TypeId) -> Option<usize> {
    match g.cx.shape(t) {
        Shape::Array(e, n) => Some(n as usize * numeric_width(g, e)?),
        Shape::String => Some(8),
        _ => numeric_width(g, t),
    }
}

/// The wasm array of i32s (string columns of the data segment).
pub fn i32_array(cx: &mut Ctx) -> u32 {
    cx.module
        .intern(TypeDef::Array(mutable(StorageType::Val(ValType::I32))))
}

/// A string constant as a data column holds it: its offset in the string
/// pool and its length, as little-endian u32s (an empty string: zeros).
fn string_cell(g: &mut FuncGen, s: &[u8]) -> Vec<u8> {
    let off = if s.is_empty() {
        0
    } else {
        g.cx.string_const(s)
    };
    [off.to_le_bytes(), (s.len() as u32).to_le_bytes()].concat()
}

/// How `fill_elems_func` fills elements of type t: per part (a struct's
/// fields; an array element is one part), its type and byte width; None if
/// some part is neither numeric nor an array of numbers.
fn fill_parts(g: &mut FuncGen, t: TypeId) -> Option<Vec<(TypeId, usize)>> {
    let parts = match g.cx.shape(t) {
        Shape::Array(e, _) => {
            numeric_width(g, e)?;
            vec![t]
        }
        _ => literal_parts(g, t)?,
    };
    if parts.is_empty() {
        return None;
    }
    parts
        .into_iter()
        .map(|p| Some((p, part_width(g, p)?)))
        .collect()
}

/// The helper behind `constant_elems` for element type t: (array, first
/// index, data offset, count) sets elements first..first+count from the
/// data segment, which holds a column per part (`fill_parts`): count
/// values of the part, each in its width. A numeric part is read from its
/// column as an array of its type, a string part as an array of (pool
/// offset, length) pairs; an array part is copied into the element's
/// array object with `array.init_data`.
fn fill_elems_func(cx: &mut Ctx, t: TypeId) -> u32 {
    let outer = cx.array_type(t);
    let key = format!("fill:{}#{t}", cx.prog.types[t].str);
    let params = vec![ref_null(outer), ValType::I32, ValType::I32, ValType::I32];
    cx.helper(&key, params, vec![], |cx, idx| {
        let mut g = FuncGen::helper(cx, 4);
        let (arr, first, data, count) = (0, 1, 2, 3);
        let parts = fill_parts(&mut g, t).expect("constant_elems checked the parts");
        let is_struct = matches!(g.cx.shape(t), Shape::Struct(_));
        let u = g.cx.underlying(t);
        // Per part: its column's start (a local), and for a numeric part
        // the column as an array.
        let mut columns = Vec::with_capacity(parts.len());
        let mut col_off = 0;
        for &(p, w) in &parts {
            let start = g.tmp(ValType::I32);
            g.ins()
                .local_get(data)
                .local_get(count)
                .i32_const(col_off as i32)
                .i32_mul()
                .i32_add()
                .local_set(start);
            let numeric = match g.cx.shape(p) {
                Shape::Array(..) => None,
                _ => {
                    // A string column is read as (offset, length) pairs.
                    let (col, len) = match g.cx.shape(p) {
                        Shape::String => (i32_array(g.cx), 2),
                        _ => (g.cx.array_type(p), 1),
                    };
                    let local = g.tmp(ref_null(col));
                    g.ins()
                        .local_get(start)
                        .local_get(count)
                        .i32_const(len)
                        .i32_mul()
                        .array_new_data(col, 0)
                        .local_set(local);
                    Some(local)
                }
            };
            columns.push((start, numeric));
            col_off += w;
        }
        let obj_ty = match g.cx.shape(t) {
            Shape::Array(e, _) => ref_null(g.cx.array_type(e)),
            _ => ref_null(g.cx.struct_type(u)),
        };
        g.counted_loop(
            |g| {
                g.ins().local_get(count);
            },
            |g, i| {
                let obj = g.tmp(obj_ty);
                g.ins()
                    .local_get(arr)
                    .local_get(first)
                    .local_get(i)
                    .i32_add()
                    .array_get(outer)
                    .local_set(obj);
                for (f, (&(p, w), &(start, numeric))) in parts.iter().zip(&columns).enumerate() {
                    g.ins().local_get(obj);
                    match (numeric, g.cx.shape(p)) {
                        (Some(col), Shape::String) => {
                            push_string_cell(g, col, i);
                            store_field(g, u, f);
                        }
                        (Some(col), _) => {
                            g.ins().local_get(col).local_get(i);
                            load_elem(g, p);
                            store_field(g, u, f);
                        }
                        (None, Shape::Array(e, n)) => {
                            if is_struct {
                                let (field, _) = g.cx.field_layout(u, f);
                                let s = g.cx.struct_type(u);
                                g.ins().struct_get(s, field);
                            }
                            let inner = g.cx.array_type(e);
                            g.ins()
                                .i32_const(0)
                                .local_get(start)
                                .local_get(i)
                                .i32_const(w as i32)
                                .i32_mul()
                                .i32_add()
                                .i32_const(n as i32)
                                .array_init_data(inner, 0);
                        }
                        _ => unreachable!("numeric, string or array part"),
                    }
                }
            },
        );
        g.finish(idx);
    })
}

/// `*(&a[i])`, `*(&x.f)` and stores through them, where the address is
/// used by nothing else (every slice element and every field access through
/// a pointer in Go's SSA): a direct `array.get`/`struct.get` (or set),
/// without a fat pointer and the generic pointer helpers. Returns the
/// instructions consumed.
pub fn direct_access(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let (Some(at), Some(next)) = (body.get(k), body.get(k + 1)) else {
        return 0;
    };
    enum Place<'a> {
        Field(usize),
        Element(&'a Operand),
    }
    let (x, place) = match &at.op {
        Op::FieldAddr { x, field } => (x, Place::Field(*field)),
        Op::IndexAddr { x, index } => (x, Place::Element(index)),
        _ => return 0,
    };
    if !g.used_only_at(at.id, k + 1) {
        return 0;
    }
    // The value stored through the address; None for a load.
    let stored = match &next.op {
        Op::UnOp {
            op: UnOp::Deref,
            x: a,
            ..
        } if a.is_value(at.id) => None,
        Op::Store { addr, val } if addr.is_value(at.id) && !val.is_value(at.id) => Some(val),
        _ => return 0,
    };
    let is_load = stored.is_none();
    // The struct holding the field and the field, or None for an element.
    let (holder, t) = match place {
        Place::Field(f) => {
            let pt = g.operand_type(x).unwrap();
            let u = g.cx.underlying(g.cx.prog.types[g.cx.underlying(pt)].elem());
            (Some((u, f)), g.cx.prog.types[u].fields()[f].ty)
        }
        Place::Element(_) => (None, indexed_elem(g, x)),
    };
    if matches!(g.cx.shape(t), Shape::Struct(_) | Shape::Array(..)) {
        return 0;
    }
    if is_load {
        g.alloc_result(next);
    }
    g.begin_scratch();
    match place {
        Place::Field(_) => g.push_pointer(x),
        Place::Element(index) => {
            push_element(g, at, x, index);
        }
    }
    match (stored, holder) {
        (None, Some((u, f))) => load_field(g, u, f),
        (None, None) => load_elem(g, t),
        (Some(val), holder) => {
            g.push(val);
            match holder {
                Some((u, f)) => store_field(g, u, f),
                None => store_elem(g, t),
            }
        }
    }
    if is_load {
        g.set_result(next);
    }
    g.end_scratch();
    g.release_after(at, k);
    g.release_after(next, k + 1);
    2
}

/// `t = *src; v = new(T); *v = t` (Go's SSA for a struct variable
/// initialized from memory, such as `for _, v := range structs`), with t
/// used by nothing else: v is a copy of src's object, without a zero
/// object to copy into, or src's object itself if v is only read (see
/// `read_only_local`). Returns the instructions consumed.
pub fn alloc_copy(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let (Some(ld), Some(al), Some(st)) = (body.get(k), body.get(k + 1), body.get(k + 2)) else {
        return 0;
    };
    let (
        Op::UnOp {
            op: UnOp::Deref,
            x: src,
            ..
        },
        Op::Alloc { heap },
        Op::Store { addr, val },
    ) = (&ld.op, &al.op, &st.op)
    else {
        return 0;
    };
    if !g.used_only_at(ld.id, k + 2)
        || !addr.is_value(al.id)
        || !val.is_value(ld.id)
        || !matches!(g.cx.shape(ld.t), Shape::Struct(_))
        || g.cx.go_size(ld.t) == 0
    {
        return 0;
    }
    g.alloc_result(al);
    g.begin_scratch();
    g.push_pointer(src);
    if *heap || !read_only_local(g, k + 2, al.id) {
        let copy = super::helpers::copy_func(g.cx, ld.t);
        g.ins().call(copy);
    }
    g.set_result(al);
    g.end_scratch();
    g.release_after(ld, k);
    g.release_after(al, k + 1);
    g.release_after(st, k + 2);
    3
}

/// Whether the local variable `v` (initialized by instruction k) is only
/// read, field by scalar field, before anything could write memory: then
/// it can be the object it was initialized from rather than a copy, as in
/// `for _, a := range structs { if r < a.p { c = a.c } }`.
fn read_only_local(g: &FuncGen, k: usize, v: usize) -> bool {
    reads_before_any_write(g, g.cur_block, k, v, |g, i| match i.op {
        Op::FieldAddr { .. } => {
            let field = g.cx.prog.types[g.cx.underlying(i.t)].elem();
            if matches!(g.cx.shape(field), Shape::Struct(_) | Shape::Array(..)) {
                Use::Other
            } else {
                Use::Derive
            }
        }
        Op::UnOp {
            op: UnOp::Deref, ..
        } => Use::Read,
        _ => Use::Other,
    })
}

/// `t = *src; *dst = t` for a struct or array type, with t used by nothing
/// else: copies src's object into dst's directly (no intermediate copy).
pub fn copy_store(g: &mut FuncGen, body: &[Instr], k: usize) -> usize {
    let (Some(ld), Some(st)) = (body.get(k), body.get(k + 1)) else {
        return 0;
    };
    let (
        Op::UnOp {
            op: UnOp::Deref,
            x: src,
            ..
        },
        Op::Store { addr: dst, val },
    ) = (&ld.op, &st.op)
    else {
        return 0;
    };
    if !g.used_only_at(ld.id, k + 1)
        || !val.is_value(ld.id)
        || !matches!(g.cx.shape(ld.t), Shape::Struct(_))
    {
        return 0;
    }
    g.begin_scratch();
    g.push_pointer(dst);
    g.push_pointer(src);
    let assign = super::helpers::assign_func(g.cx, ld.t);
    g.ins().call(assign);
    g.end_scratch();
    g.release_after(ld, k);
    g.release_after(st, k + 1);
    2
}
