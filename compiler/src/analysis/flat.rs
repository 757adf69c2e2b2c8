//! Which struct values of a function can be held as their fields rather
//! than as an object (lower/flat.rs describes how, and decides which
//! struct types are *flat*: that depends on their wasm slots):
//!
//! * a local variable (an Alloc that does not escape, see escape.rs) of a
//!   flat type whose address is used only to load and store it, whole or
//!   field by field;
//! * the result of a direct call of a function that returns flat structs
//!   as fields;
//! * a load of such a variable, and a load from memory whose value is only
//!   stored, returned (by a function returning fields) or read field by
//!   field.

use super::escape::Uses;
use crate::ir::{FuncId, Function, Instr, Op, Operand, Program, TypeId, TypeKind, UnOp, ValueId};
use std::collections::{HashMap, HashSet};

/// What lowering knows of types and functions.
pub trait FlatTypes {
    /// Whether struct type t is flat.
    fn is_flat(&mut self, t: TypeId) -> bool;
    /// Whether function f returns flat structs as their fields.
    fn returns_flat(&mut self, f: FuncId) -> bool;
}

/// The values of one function that can be held as fields.
#[derive(Default, Debug)]
pub struct FlatValues {
    /// Local variables held in locals, in instruction order: (Alloc, its
    /// struct type).
    pub vars: Vec<(ValueId, TypeId)>,
    /// Field addresses of those variables: FieldAddr → (variable, field).
    pub field_addrs: HashMap<ValueId, (ValueId, usize)>,
    /// Struct values held as their fields, with their struct type.
    pub values: HashMap<ValueId, TypeId>,
    /// Calls made through the fields-returning entry point.
    pub calls: HashSet<ValueId>,
}

/// The flat values of f; `flat_results` tells whether f itself returns
/// fields. `types` is asked in instruction order (its answers may be
/// computed and cached on first use).
pub fn plan(
    prog: &Program,
    f: &Function,
    types: &mut impl FlatTypes,
    flat_results: bool,
) -> FlatValues {
    let mut flat = FlatValues::default();
    let uses = Uses::of(f);
    let used = |v: ValueId| uses.of_value(v);
    for ins in f.blocks.iter().flat_map(|b| &b.instrs) {
        match &ins.op {
            Op::Alloc { heap: false } => {
                let elem = prog.types[prog.underlying(ins.t)].elem();
                if !types.is_flat(elem) {
                    continue;
                }
                let var = ins.id;
                if !uses.only_loaded_and_stored(var) {
                    continue;
                }
                for i in used(var) {
                    match i.op {
                        Op::FieldAddr { field, .. } => {
                            flat.field_addrs.insert(i.id, (var, field));
                        }
                        Op::UnOp { .. } => {
                            flat.values.insert(i.id, elem);
                        }
                        _ => {}
                    }
                }
                flat.vars.push((var, elem));
            }
            Op::UnOp {
                op: UnOp::Deref,
                x: Operand::Value(_),
                ..
            } if types.is_flat(ins.t) => {
                // A struct loaded from memory only to be stored or
                // returned: read as its fields, without a copy object.
                let consumers = used(ins.id);
                let returned = |i: &Instr| matches!(i.op, Op::Return { .. }) && flat_results;
                let stored = consumers.iter().any(|i| {
                    matches!(&i.op, Op::Store { val, .. } if val.is_value(ins.id)) || returned(i)
                });
                let all = consumers.iter().all(|i| {
                    matches!(&i.op, Op::Store { addr, val } if val.is_value(ins.id) && !addr.is_value(ins.id))
                        || returned(i)
                        || matches!(&i.op, Op::Field { x, .. } if x.is_value(ins.id))
                });
                if stored && all {
                    flat.values.insert(ins.id, ins.t);
                }
            }
            Op::Call(c) => {
                let Some(Operand::Func(callee)) = &c.callee else {
                    continue;
                };
                if c.method.is_some() || !types.returns_flat(*callee) {
                    continue;
                }
                flat.calls.insert(ins.id);
                match &prog.types[ins.t].kind {
                    TypeKind::Tuple { elems } => {
                        for e in used(ins.id) {
                            if let Op::Extract { index, .. } = e.op
                                && types.is_flat(elems[index])
                            {
                                flat.values.insert(e.id, elems[index]);
                            }
                        }
                    }
                    _ => {
                        flat.values.insert(ins.id, ins.t);
                    }
                }
            }
            _ => {}
        }
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{BasicKind, Field, Type};
    use crate::testir::{block, function, ins, ret, val};

    /// The struct type (1) is flat; no function returns fields.
    struct StructsFlat;

    impl FlatTypes for StructsFlat {
        fn is_flat(&mut self, t: TypeId) -> bool {
            t == 1
        }
        fn returns_flat(&mut self, _: FuncId) -> bool {
            false
        }
    }

    fn ty(kind: TypeKind) -> Type {
        Type {
            str: String::new(),
            comparable: true,
            size: 8,
            align: 8,
            pointers: false,
            method_set: vec![],
            kind,
        }
    }

    /// Types: 0 int, 1 struct{a int}, 2 *struct{a int}, 3 *int.
    fn program(f: Function) -> Program {
        Program {
            types: vec![
                ty(TypeKind::Basic(BasicKind::Int)),
                ty(TypeKind::Struct {
                    fields: vec![Field {
                        name: "a".into(),
                        ty: 0,
                        pkg_path: String::new(),
                        tag: String::new(),
                        offset: 0,
                        embedded: false,
                    }],
                }),
                ty(TypeKind::Pointer { elem: 1 }),
                ty(TypeKind::Pointer { elem: 0 }),
            ],
            functions: vec![f],
            ..Program::default()
        }
    }

    /// `v := T{}; v.a = p1; use(*v)`, with `leak` also storing `&v.a`.
    fn local(leak: bool) -> Function {
        let typed = |mut i: Instr, t| {
            i.t = t;
            i
        };
        let mut body = vec![
            typed(ins(Op::Alloc { heap: false }, 2), 2),
            typed(
                ins(
                    Op::FieldAddr {
                        x: val(2),
                        field: 0,
                    },
                    3,
                ),
                3,
            ),
            ins(
                Op::Store {
                    addr: val(3),
                    val: val(1),
                },
                0,
            ),
            typed(
                ins(
                    Op::UnOp {
                        op: UnOp::Deref,
                        x: val(2),
                        comma_ok: false,
                    },
                    4,
                ),
                1,
            ),
        ];
        if leak {
            body.push(ins(
                Op::Store {
                    addr: val(0),
                    val: val(3),
                },
                0,
            ));
        }
        body.push(ret(vec![]));
        function(&[0, 1], vec![block(vec![], vec![], body)], 5)
    }

    #[test]
    fn local_struct_variable_is_held_as_fields() {
        let prog = program(local(false));
        let flat = plan(&prog, &prog.functions[0], &mut StructsFlat, false);
        assert_eq!(flat.vars, vec![(2, 1)]);
        assert_eq!(flat.field_addrs.get(&3), Some(&(2, 0)));
        assert_eq!(flat.values.get(&4), Some(&1));
    }

    #[test]
    fn variable_whose_field_address_escapes_is_not() {
        let prog = program(local(true));
        let flat = plan(&prog, &prog.functions[0], &mut StructsFlat, false);
        assert!(flat.vars.is_empty() && flat.field_addrs.is_empty() && flat.values.is_empty());
    }
}
