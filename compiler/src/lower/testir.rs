//! Building blocks for unit tests that need small IR functions and
//! control-flow graphs.

use crate::ir::{Block, Const, Function, Instr, Operand, Value};

/// An instruction with the given op and value id.
pub fn ins(op: &str, id: usize) -> Instr {
    let mut i = super::interfaces::synthetic(op);
    i.id = id;
    i
}

pub fn val(v: usize) -> Option<Operand> {
    Some(Operand::Value(v))
}

pub fn int(n: i64) -> Operand {
    Operand::Const(Const {
        t: 0,
        kind: "int".into(),
        bits: n as u64,
        bits2: 0,
        hex: String::new(),
    })
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
        sig: 0,
        params: params.iter().map(|&id| Value { id, ty: 0 }).collect(),
        free_vars: vec![],
        results: vec![],
        variadic: false,
        blocks,
        recover: -1,
        import: vec![],
        implementation: -1,
        pos: String::new(),
        num_values,
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
