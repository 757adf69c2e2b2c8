//! The program IR written by the Go front end (`compiler/frontend/ir.go`
//! holds the authoritative schema; this file mirrors it).
//!
//! It is SSA in the form of `golang.org/x/tools/go/ssa`: generic code is
//! already instantiated, and only reachable functions are present.

use serde::Deserialize;

pub type TypeId = usize;
pub type FuncId = usize;
pub type GlobalId = usize;
pub type ValueId = usize;

#[derive(Debug, Deserialize)]
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
    /// Types reachable code converts to interfaces.
    #[serde(default)]
    pub interface_types: Vec<TypeId>,
}

#[derive(Debug, Deserialize)]
pub struct Type {
    pub kind: String,
    pub str: String,
    #[serde(default)]
    pub elem: TypeId,
    #[serde(default)]
    pub key: TypeId,
    #[serde(default)]
    pub len: i64,
    #[serde(default)]
    pub underlying: TypeId,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub params: Vec<TypeId>,
    #[serde(default)]
    pub results: Vec<TypeId>,
    #[serde(default)]
    pub variadic: bool,
    #[serde(default)]
    pub methods: Vec<Method>,
    #[serde(default)]
    pub dir: String,
    #[serde(default)]
    pub comparable: bool,
    #[serde(default)]
    pub method_set: Vec<Method>,
    #[serde(default)]
    pub pkg_path: String,
    #[serde(default)]
    pub elems: Vec<TypeId>,
    #[serde(default)]
    pub size: i64,
    #[serde(default)]
    pub pointers: bool,
}

#[derive(Debug, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: TypeId,
    #[serde(default)]
    pub embedded: bool,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Method {
    pub id: String,
    pub name: String,
    pub sig: TypeId,
    pub func: i64,
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

#[derive(Debug, Deserialize)]
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
    #[serde(rename = "impl")]
    pub implementation: i64,
    #[serde(default)]
    pub pos: String,
    pub num_values: usize,
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

/// A reference to a value; exactly one field is set.
#[derive(Debug, Deserialize, Clone)]
pub struct RawOperand {
    v: Option<ValueId>,
    c: Option<Const>,
    g: Option<GlobalId>,
    f: Option<FuncId>,
    #[serde(default)]
    b: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Value(ValueId),
    Const(Const),
    Global(GlobalId),
    Func(FuncId),
    Builtin(String),
}

impl Operand {
    /// Whether this is the constant nil (of any type).
    pub fn is_nil(&self) -> bool {
        matches!(self, Operand::Const(k) if k.kind == "nil")
    }
}

impl From<RawOperand> for Operand {
    fn from(r: RawOperand) -> Operand {
        if let Some(v) = r.v {
            Operand::Value(v)
        } else if let Some(c) = r.c {
            Operand::Const(c)
        } else if let Some(g) = r.g {
            Operand::Global(g)
        } else if let Some(f) = r.f {
            Operand::Func(f)
        } else {
            Operand::Builtin(r.b)
        }
    }
}

impl<'de> Deserialize<'de> for Operand {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RawOperand::deserialize(d).map(Operand::from)
    }
}

#[derive(Debug, Deserialize, Clone, PartialEq)]
pub struct Const {
    pub t: TypeId,
    pub kind: String,
    #[serde(default)]
    pub bits: u64,
    #[serde(default)]
    pub bits2: u64,
    #[serde(default)]
    pub hex: String,
}

impl Const {
    /// The bytes of a string constant.
    pub fn string_bytes(&self) -> Vec<u8> {
        (0..self.hex.len() / 2)
            .map(|i| {
                u8::from_str_radix(&self.hex[2 * i..2 * i + 2], 16).expect("hex from front end")
            })
            .collect()
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
    pub dir: String,
    pub chan: Operand,
    pub send: Option<Operand>,
}

#[derive(Debug, Deserialize, Clone)]
pub struct Instr {
    pub op: String,
    pub id: ValueId,
    pub t: TypeId,
    pub x: Option<Operand>,
    pub y: Option<Operand>,
    pub z: Option<Operand>,
    pub w: Option<Operand>,
    #[serde(default)]
    pub args: Vec<Operand>,
    pub call: Option<Call>,
    #[serde(default)]
    pub tok: String,
    #[serde(default)]
    pub index: usize,
    #[serde(default)]
    pub heap: bool,
    #[serde(default)]
    pub comma_ok: bool,
    #[serde(default)]
    pub func: FuncId,
    #[serde(default)]
    pub type2: TypeId,
    #[serde(default)]
    pub states: Vec<SelectState>,
    #[serde(default)]
    pub pos: String,
}

impl Program {
    pub fn parse(json: &[u8]) -> anyhow::Result<Program> {
        Ok(serde_json::from_slice(json)?)
    }
}

impl Instr {
    /// Every operand of the instruction.
    pub fn operands(&self) -> Vec<&Operand> {
        let mut out: Vec<&Operand> = [&self.x, &self.y, &self.z, &self.w]
            .into_iter()
            .flatten()
            .collect();
        out.extend(self.args.iter());
        if let Some(c) = &self.call {
            out.extend(c.callee.iter());
            out.extend(c.recv.iter());
            out.extend(c.args.iter());
        }
        for s in &self.states {
            out.push(&s.chan);
            out.extend(s.send.iter());
        }
        out
    }
}
