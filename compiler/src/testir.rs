//! Building blocks for unit tests that need small IR functions and
//! control-flow graphs.

use crate::ir::{BinOp, Block, Call, Const, ConstValue, Function, Instr, Op, Operand, Value};

/// An instruction with the given op and value id.
pub fn ins(op: Op, id: usize) -> Instr {
    let mut i = Instr::new(op);
    i.id = id;
    i
}

pub fn val(v: usize) -> Operand {
    Operand::Value(v)
}

pub fn int(n: i64) -> Operand {
    Operand::Const(Const {
        t: 0,
        value: ConstValue::Int(n as u64),
    })
}

/// `x op y` as value id.
pub fn binop(id: usize, op: BinOp, x: Operand, y: Operand) -> Instr {
    ins(Op::BinOp { op, x, y }, id)
}

/// A call of `callee` with `args` as value id.
pub fn call(id: usize, callee: Operand, args: Vec<Operand>) -> Instr {
    ins(
        Op::Call(Call {
            callee: Some(callee),
            recv: None,
            method: None,
            args,
            sig: 0,
        }),
        id,
    )
}

pub fn jump() -> Instr {
    Instr::new(Op::Jump)
}

pub fn ret(results: Vec<Operand>) -> Instr {
    Instr::new(Op::Return { results })
}

pub fn branch(cond: Operand) -> Instr {
    Instr::new(Op::If { cond })
}

pub fn block(preds: Vec<usize>, succs: Vec<usize>, instrs: Vec<Instr>) -> Block {
    Block {
        preds,
        succs,
        instrs,
    }
}

/// A function with the given parameters (value ids) and blocks.
pub fn function(params: &[usize], blocks: Vec<Block>, num_values: usize) -> Function {
    Function {
        name: "f".into(),
        params: params.iter().map(|&id| Value { id, ty: 0 }).collect(),
        blocks,
        recover: -1,
        implementation: -1,
        num_values,
        ..Function::default()
    }
}

/// Successor and predecessor lists of a graph given by its edges.
pub fn graph(edges: &[(usize, usize)], n: usize) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut succs = vec![Vec::new(); n];
    let mut preds = vec![Vec::new(); n];
    for &(a, b) in edges {
        succs[a].push(b);
        preds[b].push(a);
    }
    (succs, preds)
}
