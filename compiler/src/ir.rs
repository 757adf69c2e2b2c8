//! The program IR written by the Go front end: SSA in the form of
//! `golang.org/x/tools/go/ssa`, generic code already instantiated, only
//! reachable functions present.
//!
//! One schema, written twice: `compiler/frontend/ir.go` produces it and
//! this file reads it; change both together. Enums are serde's externally
//! tagged form (`{"Name": fields}`, or `"Name"` for a variant without
//! fields), which deserializes without buffering.

use serde::Deserialize;

pub type TypeId = usize;
pub type FuncId = usize;
pub type GlobalId = usize;
pub type ValueId = usize;

#[derive(Debug, Default, Deserialize)]
pub struct Program {
    #[serde(default)]
    pub types: Vec<Type>,
    #[serde(default)]
    pub globals: Vec<Global>,
    #[serde(default)]
    pub functions: Vec<Function>,
    #[serde(default)]
    pub inits: Vec<FuncId>,
    pub main: FuncId,
    /// Package-level functions and named types of the runtime package, by
    /// name: the back end calls into the runtime and lays out its types.
    pub runtime_funcs: std::collections::HashMap<String, FuncId>,
    pub runtime_types: std::collections::HashMap<String, TypeId>,
    /// The program calls methods it finds through reflection (every
    /// exported method of a reflected type is kept).
    #[serde(default)]
    pub reflect_methods: bool,
    /// Code outside reflect calls reflect.MakeFunc.
    #[serde(default)]
    pub reflect_make_func: bool,
    /// Types reachable code converts to interfaces.
    #[serde(default)]
    pub interface_types: Vec<TypeId>,
}

/// One Go type.
#[derive(Debug, Deserialize)]
pub struct Type {
    /// The type as Go writes it (package names, not paths).
    pub str: String,
    #[serde(default)]
    pub comparable: bool,
    /// Size in bytes under gc's wasm layout (0 for tuples and untyped).
    #[serde(default)]
    pub size: i64,
    /// Alignment under gc's wasm layout (reflect's Align).
    #[serde(default)]
    pub align: i64,
    /// Whether values contain pointers (decides append's size classes).
    #[serde(default)]
    pub pointers: bool,
    /// For concrete types, the methods of the method set.
    #[serde(default)]
    pub method_set: Vec<Method>,
    pub kind: TypeKind,
}

#[derive(Debug, Deserialize)]
pub enum TypeKind {
    Basic(BasicKind),
    Named {
        underlying: TypeId,
        #[serde(default)]
        pkg_path: String,
    },
    Pointer {
        elem: TypeId,
    },
    Slice {
        elem: TypeId,
    },
    Array {
        elem: TypeId,
        len: i64,
    },
    Map {
        key: TypeId,
        elem: TypeId,
    },
    Chan {
        elem: TypeId,
        dir: ChanDir,
    },
    Struct {
        #[serde(default)]
        fields: Vec<Field>,
    },
    Func(Signature),
    Interface {
        #[serde(default)]
        methods: Vec<Method>,
    },
    Tuple {
        #[serde(default)]
        elems: Vec<TypeId>,
    },
}

/// go/types' basic kinds, by their names there.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum BasicKind {
    #[serde(rename = "bool")]
    Bool,
    #[serde(rename = "int")]
    Int,
    #[serde(rename = "int8")]
    Int8,
    #[serde(rename = "int16")]
    Int16,
    #[serde(rename = "int32")]
    Int32,
    #[serde(rename = "int64")]
    Int64,
    #[serde(rename = "uint")]
    Uint,
    #[serde(rename = "uint8")]
    Uint8,
    #[serde(rename = "uint16")]
    Uint16,
    #[serde(rename = "uint32")]
    Uint32,
    #[serde(rename = "uint64")]
    Uint64,
    #[serde(rename = "uintptr")]
    Uintptr,
    #[serde(rename = "float32")]
    Float32,
    #[serde(rename = "float64")]
    Float64,
    #[serde(rename = "complex64")]
    Complex64,
    #[serde(rename = "complex128")]
    Complex128,
    #[serde(rename = "string")]
    String,
    #[serde(rename = "unsafe.Pointer")]
    UnsafePointer,
    #[serde(rename = "untyped bool")]
    UntypedBool,
    #[serde(rename = "untyped int")]
    UntypedInt,
    #[serde(rename = "untyped rune")]
    UntypedRune,
    #[serde(rename = "untyped float")]
    UntypedFloat,
    #[serde(rename = "untyped complex")]
    UntypedComplex,
    #[serde(rename = "untyped string")]
    UntypedString,
    #[serde(rename = "untyped nil")]
    UntypedNil,
    #[serde(rename = "invalid type")]
    Invalid,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Debug, Deserialize)]
pub struct Signature {
    #[serde(default)]
    pub params: Vec<TypeId>,
    #[serde(default)]
    pub results: Vec<TypeId>,
    #[serde(default)]
    pub variadic: bool,
}

impl Type {
    /// The underlying type's id, for a named type.
    pub fn named_underlying(&self) -> Option<TypeId> {
        match self.kind {
            TypeKind::Named { underlying, .. } => Some(underlying),
            _ => None,
        }
    }

    /// The element type of a pointer, slice, array, map or channel.
    pub fn elem(&self) -> TypeId {
        match self.kind {
            TypeKind::Pointer { elem }
            | TypeKind::Slice { elem }
            | TypeKind::Array { elem, .. }
            | TypeKind::Map { elem, .. }
            | TypeKind::Chan { elem, .. } => elem,
            _ => panic!("type {} has no element type", self.str),
        }
    }

    /// The fields of a struct type.
    pub fn fields(&self) -> &[Field] {
        match &self.kind {
            TypeKind::Struct { fields } => fields,
            _ => panic!("type {} is not a struct", self.str),
        }
    }

    /// The signature of a func type.
    pub fn sig(&self) -> &Signature {
        match &self.kind {
            TypeKind::Func(sig) => sig,
            _ => panic!("type {} is not a signature", self.str),
        }
    }

    /// The methods of an interface type.
    pub fn methods(&self) -> &[Method] {
        match &self.kind {
            TypeKind::Interface { methods } => methods,
            _ => panic!("type {} is not an interface", self.str),
        }
    }
}

#[derive(Debug, Deserialize, Clone)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: TypeId,
    /// The package path qualifying an unexported field's name.
    #[serde(default)]
    pub pkg_path: String,
    #[serde(default)]
    pub tag: String,
    /// Byte offset under gc's wasm layout (reflect's StructField.Offset).
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub embedded: bool,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Method {
    pub id: String,
    pub name: String,
    pub sig: TypeId,
    pub func: i64,
    /// The method expression's type (receiver first), for reflect's
    /// Type.Method; set when the program looks up methods of types.
    #[serde(default)]
    pub expr_sig: Option<TypeId>,
}

#[derive(Debug, Deserialize)]
pub struct Global {
    pub name: String,
    /// The variable's type.
    #[serde(rename = "type")]
    pub ty: TypeId,
    /// The type of the global as an SSA value: pointer to `ty`.
    pub ptr_type: TypeId,
}

#[derive(Debug, Default, Deserialize)]
pub struct Function {
    pub name: String,
    /// The signature type (for methods, without the receiver).
    pub sig: TypeId,
    #[serde(default)]
    pub params: Vec<Value>,
    #[serde(default)]
    pub free_vars: Vec<Value>,
    #[serde(default)]
    pub results: Vec<TypeId>,
    #[serde(default)]
    pub variadic: bool,
    #[serde(default)]
    pub blocks: Vec<Block>,
    pub recover: i64,
    #[serde(default)]
    pub import: Vec<String>,
    /// The export name of a `//go:wasmexport` function.
    #[serde(default)]
    pub export: String,
    #[serde(rename = "impl")]
    pub implementation: i64,
    #[serde(default)]
    pub pos: String,
    pub num_values: usize,
    /// The name gc's runtime gives the function (`main.(*T).M`).
    #[serde(default)]
    pub go_name: String,
    /// Its absolute source file.
    #[serde(default)]
    pub file: String,
}

#[derive(Debug, Deserialize, Clone, Copy)]
pub struct Value {
    pub id: ValueId,
    #[serde(rename = "type")]
    pub ty: TypeId,
}

#[derive(Debug, Deserialize)]
pub struct Block {
    #[serde(default)]
    pub preds: Vec<usize>,
    #[serde(default)]
    pub succs: Vec<usize>,
    #[serde(default)]
    pub instrs: Vec<Instr>,
}

/// A reference to a value.
#[derive(Debug, Deserialize, Clone, PartialEq)]
pub enum Operand {
    /// The result of an instruction, a parameter or a free variable.
    Value(ValueId),
    Const(Const),
    /// The address of a global variable.
    Global(GlobalId),
    Func(FuncId),
    Builtin(Builtin),
}

impl Operand {
    /// Whether this is value v.
    pub fn is_value(&self, v: ValueId) -> bool {
        matches!(self, Operand::Value(u) if *u == v)
    }

    /// Whether this is the constant nil (of any type).
    pub fn is_nil(&self) -> bool {
        matches!(
            self,
            Operand::Const(Const {
                value: ConstValue::Nil,
                ..
            })
        )
    }
}

/// The builtin functions SSA calls (and unsafe's functions).
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    #[serde(rename = "append")]
    Append,
    #[serde(rename = "cap")]
    Cap,
    #[serde(rename = "clear")]
    Clear,
    #[serde(rename = "close")]
    Close,
    #[serde(rename = "complex")]
    Complex,
    #[serde(rename = "copy")]
    Copy,
    #[serde(rename = "delete")]
    Delete,
    #[serde(rename = "imag")]
    Imag,
    #[serde(rename = "len")]
    Len,
    #[serde(rename = "max")]
    Max,
    #[serde(rename = "min")]
    Min,
    /// Only as the callee of `defer` or `go` (a panic statement is the
    /// `Panic` instruction).
    #[serde(rename = "panic")]
    Panic,
    #[serde(rename = "print")]
    Print,
    #[serde(rename = "println")]
    Println,
    #[serde(rename = "real")]
    Real,
    #[serde(rename = "recover")]
    Recover,
    /// `ssa:wrapnilchk`: the nil check of a method wrapper's receiver.
    #[serde(rename = "ssa:wrapnilchk")]
    WrapNilCheck,
    /// `ssa:deferstack`: the defer stack of a range-over-func body.
    #[serde(rename = "ssa:deferstack")]
    DeferStack,
    /// `unsafe.Sizeof` of a value whose size SSA did not fold.
    Sizeof,
    /// unsafe.Add, Slice, SliceData, String, StringData.
    Add,
    Slice,
    SliceData,
    String,
    StringData,
}

/// A constant of type `t`.
#[derive(Debug, Deserialize, Clone, PartialEq)]
pub struct Const {
    pub t: TypeId,
    pub value: ConstValue,
}

#[derive(Debug, Deserialize, Clone, PartialEq)]
pub enum ConstValue {
    /// Two's complement bits.
    Int(u64),
    /// The IEEE bits of the value as a float64.
    Float(u64),
    /// Real and imaginary parts, as for floats.
    Complex(u64, u64),
    #[serde(deserialize_with = "hex_bytes")]
    String(Vec<u8>),
    Bool(bool),
    /// nil of a pointer-like type.
    Nil,
    /// The zero value of an aggregate or basic type.
    Zero,
}

fn hex_bytes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let hex = <&str>::deserialize(d)?;
    (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16))
        .collect::<Result<_, _>>()
        .map_err(serde::de::Error::custom)
}

impl Const {
    /// The constant's bits: an integer's, a float's (a complex's real
    /// part), 1 for true; 0 for false, nil, zero and strings.
    pub fn bits(&self) -> u64 {
        match self.value {
            ConstValue::Int(b) | ConstValue::Float(b) | ConstValue::Complex(b, _) => b,
            ConstValue::Bool(b) => b as u64,
            ConstValue::String(_) | ConstValue::Nil | ConstValue::Zero => 0,
        }
    }

    /// Whether this is a nil or zero value.
    pub fn is_zero_value(&self) -> bool {
        matches!(self.value, ConstValue::Nil | ConstValue::Zero)
    }
}

#[derive(Debug, Deserialize, Clone)]
pub struct Call {
    pub callee: Option<Operand>,
    pub recv: Option<Operand>,
    pub method: Option<Method>,
    #[serde(default)]
    pub args: Vec<Operand>,
    pub sig: TypeId,
}

#[derive(Debug, Deserialize, Clone)]
pub struct SelectState {
    pub dir: ChanDir,
    pub chan: Operand,
    pub send: Option<Operand>,
}

/// go/token's binary operators.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
}

/// go/token's unary operators as SSA uses them.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `!x`
    Not,
    /// `-x`
    Neg,
    /// `^x`
    Complement,
    /// `*x`: a load.
    Deref,
    /// `<-x`: a channel receive.
    Recv,
}

impl BinOp {
    /// The operator as Go writes it.
    pub fn token(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
        }
    }
}

impl std::fmt::Display for BinOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.token())
    }
}

impl std::fmt::Display for UnOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.token())
    }
}

impl UnOp {
    /// The operator as Go writes it.
    pub fn token(self) -> &'static str {
        match self {
            UnOp::Not => "!",
            UnOp::Neg => "-",
            UnOp::Complement => "^",
            UnOp::Deref => "*",
            UnOp::Recv => "<-",
        }
    }
}

/// One SSA instruction, by its x/tools/go/ssa type name.
#[derive(Debug, Deserialize, Clone)]
pub enum Op {
    /// A local (or, with heap, escaping) variable: the value is its
    /// address.
    Alloc {
        #[serde(default)]
        heap: bool,
    },
    Phi {
        edges: Vec<Operand>,
    },
    Call(Call),
    Go(Call),
    Defer(Call),
    BinOp {
        op: BinOp,
        x: Operand,
        y: Operand,
    },
    UnOp {
        op: UnOp,
        x: Operand,
        /// For a receive: also yield whether a value was received.
        #[serde(default)]
        comma_ok: bool,
    },
    ChangeType {
        x: Operand,
    },
    Convert {
        x: Operand,
    },
    ChangeInterface {
        x: Operand,
    },
    SliceToArrayPointer {
        x: Operand,
    },
    MakeInterface {
        x: Operand,
    },
    MakeClosure {
        func: FuncId,
        #[serde(default)]
        bindings: Vec<Operand>,
    },
    MakeMap {
        reserve: Option<Operand>,
    },
    MakeChan {
        size: Operand,
    },
    MakeSlice {
        len: Operand,
        cap: Operand,
    },
    Slice {
        x: Operand,
        low: Option<Operand>,
        high: Option<Operand>,
        max: Option<Operand>,
        /// The slice of make's backing array in `make([]T, n, constant)`:
        /// its bounds failures read as makeslice's.
        #[serde(default)]
        makeslice: bool,
    },
    FieldAddr {
        x: Operand,
        field: usize,
    },
    Field {
        x: Operand,
        field: usize,
    },
    IndexAddr {
        x: Operand,
        index: Operand,
    },
    Index {
        x: Operand,
        index: Operand,
    },
    /// A map lookup or a string index.
    Lookup {
        x: Operand,
        index: Operand,
        #[serde(default)]
        comma_ok: bool,
    },
    Select {
        #[serde(default)]
        states: Vec<SelectState>,
        /// Without a default case.
        #[serde(default)]
        blocking: bool,
    },
    Range {
        x: Operand,
    },
    Next {
        iter: Operand,
        #[serde(default)]
        is_string: bool,
    },
    TypeAssert {
        x: Operand,
        asserted: TypeId,
        #[serde(default)]
        comma_ok: bool,
    },
    Extract {
        tuple: Operand,
        index: usize,
    },
    Jump,
    If {
        cond: Operand,
    },
    Return {
        #[serde(default)]
        results: Vec<Operand>,
    },
    RunDefers,
    Panic {
        x: Operand,
    },
    Send {
        chan: Operand,
        x: Operand,
    },
    Store {
        addr: Operand,
        val: Operand,
    },
    MapUpdate {
        map: Operand,
        key: Operand,
        value: Operand,
    },
}

/// One instruction: `id` and `t` are set for those that produce a value.
#[derive(Debug, Deserialize, Clone)]
pub struct Instr {
    #[serde(default)]
    pub id: ValueId,
    #[serde(default)]
    pub t: TypeId,
    #[serde(default)]
    pub pos: String,
    /// Source line, 0 when unknown.
    #[serde(default)]
    pub line: u32,
    pub op: Op,
}

impl Instr {
    /// An instruction producing no value.
    pub fn new(op: Op) -> Instr {
        Instr {
            id: 0,
            t: 0,
            pos: String::new(),
            line: 0,
            op,
        }
    }

    /// Every operand of the instruction, in the order of `Op`'s fields.
    pub fn operands(&self) -> Vec<&Operand> {
        self.op.operands()
    }

    /// Whether the instruction produces a value.
    pub fn has_value(&self) -> bool {
        !matches!(
            self.op,
            Op::Jump
                | Op::If { .. }
                | Op::Return { .. }
                | Op::RunDefers
                | Op::Panic { .. }
                | Op::Send { .. }
                | Op::Store { .. }
                | Op::MapUpdate { .. }
                | Op::Go(_)
                | Op::Defer(_)
        )
    }
}

impl Op {
    /// The x/tools/go/ssa name of the instruction, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Op::Alloc { .. } => "Alloc",
            Op::Phi { .. } => "Phi",
            Op::Call(_) => "Call",
            Op::Go(_) => "Go",
            Op::Defer(_) => "Defer",
            Op::BinOp { .. } => "BinOp",
            Op::UnOp { .. } => "UnOp",
            Op::ChangeType { .. } => "ChangeType",
            Op::Convert { .. } => "Convert",
            Op::ChangeInterface { .. } => "ChangeInterface",
            Op::SliceToArrayPointer { .. } => "SliceToArrayPointer",
            Op::MakeInterface { .. } => "MakeInterface",
            Op::MakeClosure { .. } => "MakeClosure",
            Op::MakeMap { .. } => "MakeMap",
            Op::MakeChan { .. } => "MakeChan",
            Op::MakeSlice { .. } => "MakeSlice",
            Op::Slice { .. } => "Slice",
            Op::FieldAddr { .. } => "FieldAddr",
            Op::Field { .. } => "Field",
            Op::IndexAddr { .. } => "IndexAddr",
            Op::Index { .. } => "Index",
            Op::Lookup { .. } => "Lookup",
            Op::Select { .. } => "Select",
            Op::Range { .. } => "Range",
            Op::Next { .. } => "Next",
            Op::TypeAssert { .. } => "TypeAssert",
            Op::Extract { .. } => "Extract",
            Op::Jump => "Jump",
            Op::If { .. } => "If",
            Op::Return { .. } => "Return",
            Op::RunDefers => "RunDefers",
            Op::Panic { .. } => "Panic",
            Op::Send { .. } => "Send",
            Op::Store { .. } => "Store",
            Op::MapUpdate { .. } => "MapUpdate",
        }
    }

    /// The call of a Call, Go or Defer.
    pub fn call(&self) -> Option<&Call> {
        match self {
            Op::Call(c) | Op::Go(c) | Op::Defer(c) => Some(c),
            _ => None,
        }
    }

    /// Every operand, in the order of the fields.
    pub fn operands(&self) -> Vec<&Operand> {
        match self {
            Op::Alloc { .. } | Op::Jump | Op::RunDefers => vec![],
            Op::Phi { edges: v }
            | Op::MakeClosure { bindings: v, .. }
            | Op::Return { results: v } => v.iter().collect(),
            Op::Call(c) | Op::Go(c) | Op::Defer(c) => {
                c.callee.iter().chain(&c.recv).chain(&c.args).collect()
            }
            Op::BinOp { x, y, .. }
            | Op::MakeSlice { len: x, cap: y }
            | Op::IndexAddr { x, index: y }
            | Op::Index { x, index: y }
            | Op::Lookup { x, index: y, .. }
            | Op::Send { chan: x, x: y }
            | Op::Store { addr: x, val: y } => vec![x, y],
            Op::UnOp { x, .. }
            | Op::ChangeType { x }
            | Op::Convert { x }
            | Op::ChangeInterface { x }
            | Op::SliceToArrayPointer { x }
            | Op::MakeInterface { x }
            | Op::MakeChan { size: x }
            | Op::FieldAddr { x, .. }
            | Op::Field { x, .. }
            | Op::Range { x }
            | Op::Next { iter: x, .. }
            | Op::TypeAssert { x, .. }
            | Op::Extract { tuple: x, .. }
            | Op::If { cond: x }
            | Op::Panic { x } => vec![x],
            Op::MakeMap { reserve } => reserve.iter().collect(),
            Op::Slice {
                x, low, high, max, ..
            } => std::iter::once(x)
                .chain(low)
                .chain(high)
                .chain(max)
                .collect(),
            Op::Select { states, .. } => states
                .iter()
                .flat_map(|s| std::iter::once(&s.chan).chain(&s.send))
                .collect(),
            Op::MapUpdate { map, key, value } => vec![map, key, value],
        }
    }
}

impl Program {
    /// Follows named types to the underlying type.
    pub fn underlying(&self, mut t: TypeId) -> TypeId {
        while let Some(u) = self.types[t].named_underlying() {
            t = u;
        }
        t
    }

    pub fn parse(json: &[u8]) -> anyhow::Result<Program> {
        Ok(serde_json::from_slice(json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forms the front end writes (compiler/frontend/ir.go).
    #[test]
    fn reads_the_front_ends_forms() {
        let block: Block = serde_json::from_str(
            r#"{"instrs": [
                {"id": 1, "t": 2, "op": {"BinOp": {"op": "Shl", "x": {"Value": 0},
                    "y": {"Const": {"t": 3, "value": {"Int": 18446744073709551615}}}}}},
                {"id": 2, "t": 4, "op": {"Call": {"callee": {"Builtin": "ssa:wrapnilchk"},
                    "args": [{"Const": {"t": 5, "value": {"String": "676f"}}}], "sig": 6}}},
                {"op": {"Store": {"addr": {"Global": 7}, "val": {"Const": {"t": 3, "value": {"Nil": null}}}}}},
                {"op": {"Jump": null}}
            ]}"#,
        )
        .unwrap();
        let ops: Vec<&Op> = block.instrs.iter().map(|i| &i.op).collect();
        assert!(matches!(
            ops[0],
            Op::BinOp { op: BinOp::Shl, x: Operand::Value(0), y: Operand::Const(c) }
                if c.bits() == u64::MAX
        ));
        let Op::Call(call) = ops[1] else {
            panic!("{:?}", ops[1])
        };
        assert_eq!(call.callee, Some(Operand::Builtin(Builtin::WrapNilCheck)));
        assert!(
            matches!(&call.args[0], Operand::Const(Const { value: ConstValue::String(s), .. }) if s == b"go")
        );
        assert!(matches!(ops[2], Op::Store { val, .. } if val.is_nil()));
        assert!(matches!(ops[3], Op::Jump));
        let ty: Type = serde_json::from_str(
            r#"{"str": "chan<- int", "kind": {"Chan": {"elem": 1, "dir": "Send"}}}"#,
        )
        .unwrap();
        assert!(matches!(
            ty.kind,
            TypeKind::Chan {
                elem: 1,
                dir: ChanDir::Send
            }
        ));
        assert_eq!(ty.elem(), 1);
    }
}
