//! The module's line table (host_abi::lines), with the module offsets of
//! the function bodies it is relative to: turns the engine's stack frames
//! into the program counters `runtime.Callers` returns, and those back
//! into function names, files and lines.

use host_abi::lines::FuncLines;
use std::collections::HashMap;

pub struct LineTable {
    funcs: HashMap<u32, FuncLines>,
    /// Module offsets of each function body (from its locals declaration
    /// to its end), by function index.
    bodies: HashMap<u32, std::ops::Range<u32>>,
}

impl LineTable {
    /// The table from its section's payload, given the module's number of
    /// imported functions and the module offsets of its function bodies;
    /// None when it is malformed.
    pub fn new(
        payload: &[u8],
        imported: u32,
        bodies: &[std::ops::Range<u32>],
    ) -> Option<LineTable> {
        let funcs = host_abi::lines::decode(payload)?;
        let bodies = funcs
            .iter()
            .filter_map(|f| {
                let body = bodies.get(f.func.checked_sub(imported)? as usize)?;
                Some((f.func, body.clone()))
            })
            .collect();
        Some(LineTable {
            funcs: funcs.into_iter().map(|f| (f.func, f)).collect(),
            bodies,
        })
    }

    /// The program counter of a frame in function `func` at module offset
    /// `offset` (docs/abi.md), None for code that is not a Go function's.
    pub fn pc(&self, func: u32, offset: usize) -> Option<u64> {
        self.funcs.get(&func)?;
        let rel = u32::try_from(offset)
            .ok()?
            .checked_sub(self.bodies[&func].start)?;
        Some((u64::from(func) + 1) << 32 | (u64::from(rel) + 1))
    }

    /// The function holding `pc` and pc's offset in its body. Program
    /// counters are return addresses, one past the call's first byte; the
    /// runtime asks with them or, as gc's users do, with them minus one:
    /// both lie in the call.
    /// Offset 0 is the function's entry (reflect's Pointer of a func); past
    /// the body's end there is no function.
    fn at(&self, pc: i64) -> Option<(&FuncLines, u32)> {
        let func = u32::try_from((pc as u64 >> 32).checked_sub(1)?).ok()?;
        let offset = (pc as u64 & 0xffff_ffff) as u32;
        let body = self.bodies.get(&func)?;
        (offset <= body.end - body.start).then_some((self.funcs.get(&func)?, offset))
    }

    pub fn name(&self, pc: i64) -> Option<&str> {
        self.at(pc).map(|(f, _)| f.name.as_str())
    }

    pub fn file(&self, pc: i64) -> Option<&str> {
        self.at(pc).map(|(f, _)| f.file.as_str())
    }

    pub fn line(&self, pc: i64) -> u32 {
        self.at(pc).map_or(0, |(f, off)| f.line_at(off))
    }
}
