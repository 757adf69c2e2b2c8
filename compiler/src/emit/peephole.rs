//! Peephole rewriting of a function's instruction bytes, after lowering:
//! patterns that lowering's one-value-at-a-time code leaves and that are
//! cheaper to fix on the whole instruction stream than at every place
//! that emits them. Cranelift optimizes either form alike: this is for
//! module size (and the bytes Cranelift must read).

use wasmparser::{BinaryReader, Operator, OperatorsReader};

/// Rewrites local traffic that lowering's one-value-at-a-time code leaves:
/// `local.set x` directly followed by `local.get x` becomes `local.tee x`
/// (lowering stores each result in its locals and reloads it for the next
/// instruction: about 2 % of a module's code bytes), or nothing when that
/// get is x's only read; a `local.tee` of a local never read goes, and a
/// `local.set` of one becomes `drop`.
/// `code` is a function body's instructions, through its final `end`;
/// `marks` are instruction offsets into it (where lines start), moved to
/// the same instructions in the result (a removed instruction's mark to
/// the next one). A pair is kept apart when a mark falls between its
/// instructions.
pub fn peephole(code: &[u8], marks: &mut [u32]) -> Vec<u8> {
    // (start, end, local.set/tee/get target) of each instruction.
    let mut ops: Vec<(usize, usize, Local)> = Vec::new();
    let mut reads: std::collections::HashMap<u32, usize> = Default::default();
    let mut reader = OperatorsReader::new(BinaryReader::new(code, 0));
    while !reader.eof() {
        let start = reader.original_position();
        let op = reader.read().expect("lowering produced a well-formed body");
        let kind = match op {
            Operator::LocalSet { local_index } => Local::Set(local_index),
            Operator::LocalTee { local_index } => Local::Tee(local_index),
            Operator::LocalGet { local_index } => {
                *reads.entry(local_index).or_default() += 1;
                Local::Get(local_index)
            }
            _ => Local::Other,
        };
        ops.push((start, reader.original_position(), kind));
    }
    let reads = |x: u32| reads.get(&x).copied().unwrap_or(0);
    let marked = |offset: usize| marks.binary_search(&(offset as u32)).is_ok();
    let mut out = Vec::with_capacity(code.len());
    // (old offset, new offset) of each instruction start, in order.
    let mut moved = Vec::with_capacity(ops.len() + 1);
    let mut i = 0;
    while i < ops.len() {
        let (start, end, kind) = ops[i];
        moved.push((start as u32, out.len() as u32));
        match (kind, ops.get(i + 1)) {
            (Local::Set(x), Some(&(next, next_end, Local::Get(y)))) if x == y && !marked(next) => {
                if reads(x) > 1 {
                    // local.tee has local.set's immediate.
                    out.push(0x22);
                    out.extend_from_slice(&code[start + 1..end]);
                    debug_assert_eq!(next_end - next, end - start);
                }
                moved.push((next as u32, out.len() as u32));
                i += 2;
            }
            (Local::Tee(x), _) if reads(x) == 0 => i += 1,
            (Local::Set(x), _) if reads(x) == 0 => {
                out.push(0x1a);
                i += 1;
            }
            _ => {
                out.extend_from_slice(&code[start..end]);
                i += 1;
            }
        }
    }
    moved.push((code.len() as u32, out.len() as u32));
    for m in marks.iter_mut() {
        let k = moved
            .binary_search_by_key(m, |&(old, _)| old)
            .expect("marks are instruction starts");
        *m = moved[k].1;
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Local {
    Set(u32),
    Tee(u32),
    Get(u32),
    Other,
}

#[cfg(test)]
mod tests {
    use super::peephole;
    use wasm_encoder::InstructionSink;

    fn code(f: impl FnOnce(&mut InstructionSink)) -> Vec<u8> {
        let mut bytes = Vec::new();
        f(&mut InstructionSink::new(&mut bytes));
        bytes
    }

    #[test]
    fn set_then_get_of_one_local_becomes_tee() {
        let before = code(|s| {
            s.i32_const(7)
                .local_set(3)
                .local_get(3)
                .local_set(4)
                .local_get(4)
                .local_get(3)
                .drop()
                .drop()
                .end();
        });
        // Marks at the i32.const, local.set 4 and end.
        let mut marks = vec![0, 6, before.len() as u32 - 1];
        let after = peephole(&before, &mut marks);
        let want = code(|s| {
            s.i32_const(7).local_tee(3).local_get(3).drop().drop().end();
        });
        assert_eq!(after, want);
        // local 4's pair went: its mark moves to the next instruction.
        assert_eq!(marks, vec![0, 4, want.len() as u32 - 1]);
    }

    #[test]
    fn writes_of_unread_locals_go() {
        let before = code(|s| {
            s.i32_const(1)
                .local_tee(2)
                .local_set(3)
                .local_get(4)
                .local_tee(4)
                .drop()
                .end();
        });
        let want = code(|s| {
            s.i32_const(1).drop().local_get(4).local_tee(4).drop().end();
        });
        assert_eq!(peephole(&before, &mut []), want);
    }

    #[test]
    fn a_mark_between_set_and_get_keeps_them() {
        let before = code(|s| {
            s.i32_const(1).local_set(0).local_get(0).drop().end();
        });
        let mut marks = vec![4];
        assert_eq!(peephole(&before, &mut marks), before);
        assert_eq!(marks, vec![4]);
    }
}
