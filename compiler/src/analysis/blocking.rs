//! Which functions may block: reach `runtime.gopark`, directly or through
//! calls, including calls through func values and interfaces (resolved by
//! signature and method) and deferred calls. Only those are compiled
//! resumable (lower/resume.rs, docs/design.md "Goroutines"); code that
//! cannot block runs as if goroutines did not exist.

use crate::ir::{Call, FuncId, Function, Instr, Op, Operand, Program, TypeId, UnOp};
use std::collections::HashSet;

/// Which functions and calls may block.
pub struct Blocking {
    /// Functions that may block (reach gopark).
    pub funcs: Vec<bool>,
    /// Signatures of func values that may block: those of functions whose
    /// value is taken and that may block, and `func()` when a deferred call
    /// may block (deferred calls run as `func()` thunks).
    sigs: HashSet<TypeId>,
    /// Interface methods (id, signature) with a blocking implementation.
    methods: HashSet<(String, TypeId)>,
    rundefers: Option<FuncId>,
    panic_handler: Option<FuncId>,
}

impl Blocking {
    /// Exactly the functions marked in `funcs` block (for tests of what
    /// reads the analysis).
    #[cfg(test)]
    pub fn of_funcs(funcs: Vec<bool>) -> Blocking {
        Blocking {
            funcs,
            sigs: HashSet::new(),
            methods: HashSet::new(),
            rundefers: None,
            panic_handler: None,
        }
    }

    /// The fixpoint over the call graph: gopark blocks; so does a function
    /// with an instruction that may block. Calls through func values and
    /// interfaces are resolved by signature and method.
    pub fn analyze(prog: &Program) -> Blocking {
        let n = prog.functions.len();
        let rt = |name: &str| prog.runtime_funcs.get(name).copied();
        let mut b = Blocking {
            funcs: vec![false; n],
            sigs: HashSet::new(),
            methods: HashSet::new(),
            rundefers: rt("rundefers"),
            panic_handler: rt("panicHandler"),
        };
        if let Some(p) = rt("gopark") {
            b.funcs[p] = true;
        }
        // Measurement knob (benches/goroutines.sh, the conformance
        // suite's second pass): every function that calls another
        // resumable, the analysis's worst case — outside the runtime,
        // whose scheduler runs goroutines and must not unwind itself.
        // Functions that call nothing cannot reach gopark: making them
        // resumable would only give their callers suspension code that
        // never runs (quadratic in straight-line code such as fiat's
        // field arithmetic, whose compilation then took minutes).
        if std::env::var_os("GOWASM_RESUME_ALL").is_some() {
            for (i, f) in prog.functions.iter().enumerate() {
                b.funcs[i] |= !f.name.starts_with("runtime.") && makes_calls(f);
            }
        }
        let (call_init, call_main) = (rt("callInit"), rt("callMain"));
        let taken = address_taken(prog);
        let thunk_sig = defer_thunk_sig(prog);
        loop {
            let mut changed = false;
            for (i, f) in prog.functions.iter().enumerate() {
                if b.funcs[i] {
                    continue;
                }
                let blocks = if f.blocks.is_empty() {
                    if f.implementation >= 0 {
                        b.funcs[f.implementation as usize]
                    } else if Some(i) == call_init {
                        prog.inits.iter().any(|&k| b.funcs[k])
                    } else if Some(i) == call_main {
                        b.funcs[prog.main]
                    } else {
                        false
                    }
                } else {
                    b.handler_blocks(f)
                        || f.blocks
                            .iter()
                            .flat_map(|bl| &bl.instrs)
                            .any(|ins| b.suspends(ins))
                };
                if blocks {
                    b.funcs[i] = true;
                    changed = true;
                }
            }
            let mut sigs: Vec<TypeId> = prog
                .functions
                .iter()
                .enumerate()
                .filter(|&(i, _)| b.funcs[i] && taken[i])
                .map(|(_, f)| f.sig)
                .collect();
            if let Some(t) = thunk_sig {
                let deferred_blocks = prog.functions.iter().any(|f| {
                    f.blocks
                        .iter()
                        .flat_map(|bl| &bl.instrs)
                        .any(|ins| matches!(&ins.op, Op::Defer(c) if b.call_blocks(c)))
                });
                if deferred_blocks {
                    sigs.push(t);
                }
            }
            for s in sigs {
                changed |= b.sigs.insert(s);
            }
            for t in &prog.types {
                for m in t.method_set.iter().filter(|m| m.func >= 0) {
                    if b.funcs[m.func as usize] {
                        changed |= b.methods.insert((m.id.clone(), m.sig));
                    }
                }
            }
            if !changed {
                return b;
            }
        }
    }

    /// Whether executing `ins` may park the goroutine.
    pub fn suspends(&self, ins: &Instr) -> bool {
        match &ins.op {
            Op::Call(c) => self.call_blocks(c),
            Op::Send { .. } | Op::UnOp { op: UnOp::Recv, .. } => true,
            // A select without default.
            Op::Select { blocking, .. } => *blocking,
            Op::RunDefers => self.rundefers.is_some_and(|r| self.funcs[r]),
            _ => false,
        }
    }

    /// Whether the panic handler of f (running its deferred calls) may
    /// block.
    pub fn handler_blocks(&self, f: &Function) -> bool {
        f.recover >= 0 && self.panic_handler.is_some_and(|p| self.funcs[p])
    }

    fn call_blocks(&self, c: &Call) -> bool {
        if let Some(m) = &c.method {
            return self.methods.contains(&(m.id.clone(), m.sig));
        }
        match c.callee.as_ref() {
            Some(Operand::Func(f)) => self.funcs[*f],
            Some(Operand::Builtin(_)) | None => false,
            Some(_) => self.sigs.contains(&c.sig),
        }
    }
}

/// Whether f calls a function (directly, through a func value or an
/// interface); builtins do not count.
fn makes_calls(f: &Function) -> bool {
    f.blocks.iter().flat_map(|b| &b.instrs).any(|ins| {
        ins.op
            .call()
            .is_some_and(|c| !matches!(c.callee, Some(Operand::Builtin(_))))
    })
}

/// Functions whose value is taken (closures, functions used as values):
/// they may be called through a func value.
pub fn address_taken(prog: &Program) -> Vec<bool> {
    let mut taken = vec![false; prog.functions.len()];
    for ins in prog
        .functions
        .iter()
        .flat_map(|f| &f.blocks)
        .flat_map(|b| &b.instrs)
    {
        if let Op::MakeClosure { func, .. } = ins.op {
            taken[func] = true;
        }
        let callee = ins.op.call().and_then(|c| c.callee.as_ref());
        for op in ins.operands() {
            if let Operand::Func(g) = op
                && !callee.is_some_and(|c| std::ptr::eq(c, op))
            {
                taken[*g] = true;
            }
        }
    }
    taken
}

/// The `func()` signature deferred calls are made through.
fn defer_thunk_sig(prog: &Program) -> Option<TypeId> {
    let t = prog.underlying(*prog.runtime_types.get("_defer")?);
    prog.types[t]
        .fields()
        .iter()
        .find(|f| f.name == "fn")
        .map(|f| f.ty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testir::{binop, block, call, function, ins, int, ret, val};

    fn program(functions: Vec<Function>) -> Program {
        Program {
            functions,
            runtime_funcs: [("gopark".to_string(), 0)].into(),
            ..Program::default()
        }
    }

    /// 0: runtime.gopark; 1 calls it; 2 calls 1; 3 only computes; 4 calls
    /// a func value of 1's signature; 5 takes 1 as a closure.
    #[test]
    fn blocking_spreads_through_calls_and_func_values() {
        let body = |instrs| vec![block(vec![], vec![], instrs)];
        let calls = |f| body(vec![call(1, Operand::Func(f), vec![]), ret(vec![])]);
        let mut gopark = function(&[], vec![], 0);
        gopark.name = "runtime.gopark".into();
        let computes = body(vec![
            binop(1, crate::ir::BinOp::Add, val(0), int(1)),
            ret(vec![val(1)]),
        ]);
        let closure = body(vec![
            ins(
                Op::MakeClosure {
                    func: 1,
                    bindings: vec![],
                },
                1,
            ),
            ret(vec![]),
        ]);
        let prog = program(vec![
            gopark,
            function(&[], calls(0), 2),
            function(&[], calls(1), 2),
            function(&[0], computes, 2),
            function(&[0], body(vec![call(1, val(0), vec![]), ret(vec![])]), 2),
            function(&[], closure, 2),
        ]);
        let b = Blocking::analyze(&prog);
        assert_eq!(b.funcs, vec![true, true, true, false, true, false]);
        assert_eq!(
            address_taken(&prog),
            vec![false, true, false, false, false, false]
        );
    }
}
