//! The module's line table: for each Go function, its name as gc reports
//! it, its source file, and the source line of each stretch of its code.
//! The compiler writes it as the custom section [`SECTION`]; the host reads
//! it to answer `runtime.Callers`, `runtime.FuncForPC` and tracebacks
//! (docs/abi.md). It is only emitted for programs that can ask.
//!
//! Encoding (all numbers unsigned LEB128 unless said): the file count and
//! each file name (length, UTF-8 bytes); the function count and for each:
//! wasm function index, name (length, bytes), file number, entry count,
//! then per entry the code offset's increase over the previous entry and
//! the line's change (signed LEB128).

use crate::leb::{Reader, bytes, sleb, uleb};

/// Name of the custom section.
pub const SECTION: &str = "gowasm.lines";

/// One function's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncLines {
    /// The function's index in the module.
    pub func: u32,
    /// Its name as gc's runtime reports it (`main.(*T).M`).
    pub name: String,
    /// Its absolute source file ("" when unknown).
    pub file: String,
    /// (offset of the code from the start of the function's body — its
    /// locals declaration — , line) in increasing offset order; code from
    /// one offset to the next belongs to that line.
    pub entries: Vec<(u32, u32)>,
}

impl FuncLines {
    /// The line of the code at `offset`, 0 when none is known.
    pub fn line_at(&self, offset: u32) -> u32 {
        match self.entries.partition_point(|&(o, _)| o <= offset) {
            0 => 0,
            i => self.entries[i - 1].1,
        }
    }
}

/// Encodes the table as the section's payload.
pub fn encode(funcs: &[FuncLines]) -> Vec<u8> {
    let mut files: Vec<&str> = Vec::new();
    let mut file_ids = std::collections::HashMap::new();
    for f in funcs {
        file_ids.entry(f.file.as_str()).or_insert_with(|| {
            files.push(&f.file);
            files.len() as u64 - 1
        });
    }
    let mut out = Vec::new();
    uleb(&mut out, files.len() as u64);
    for f in &files {
        bytes(&mut out, f.as_bytes());
    }
    uleb(&mut out, funcs.len() as u64);
    for f in funcs {
        uleb(&mut out, f.func.into());
        bytes(&mut out, f.name.as_bytes());
        uleb(&mut out, file_ids[f.file.as_str()]);
        uleb(&mut out, f.entries.len() as u64);
        let (mut offset, mut line) = (0u32, 0i64);
        for &(o, l) in &f.entries {
            uleb(&mut out, (o - offset).into());
            sleb(&mut out, i64::from(l) - line);
            (offset, line) = (o, l.into());
        }
    }
    out
}

/// Decodes a section payload; None when it is malformed.
pub fn decode(payload: &[u8]) -> Option<Vec<FuncLines>> {
    let mut r = Reader(payload);
    let files = (0..r.uleb()?)
        .map(|_| r.string())
        .collect::<Option<Vec<_>>>()?;
    let count = r.uleb()?;
    let mut funcs = Vec::new();
    for _ in 0..count {
        let func = u32::try_from(r.uleb()?).ok()?;
        let name = r.string()?;
        let file = files.get(usize::try_from(r.uleb()?).ok()?)?.clone();
        let n = r.uleb()?;
        let mut entries = Vec::new();
        let (mut offset, mut line) = (0u64, 0i64);
        for _ in 0..n {
            offset += r.uleb()?;
            line += r.sleb()?;
            entries.push((u32::try_from(offset).ok()?, u32::try_from(line).ok()?));
        }
        funcs.push(FuncLines {
            func,
            name,
            file,
            entries,
        });
    }
    Some(funcs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_looks_up() {
        let funcs = vec![
            FuncLines {
                func: 7,
                name: "main.main".into(),
                file: "/src/main.go".into(),
                entries: vec![(3, 10), (20, 12), (45, 9), (300, 100_000)],
            },
            FuncLines {
                func: 9,
                name: "main.(*T).M".into(),
                file: "/src/main.go".into(),
                entries: vec![],
            },
        ];
        let payload = encode(&funcs);
        assert_eq!(decode(&payload), Some(funcs.clone()));
        assert_eq!(funcs[0].line_at(2), 0);
        assert_eq!(funcs[0].line_at(3), 10);
        assert_eq!(funcs[0].line_at(44), 12);
        assert_eq!(funcs[0].line_at(45), 9);
        assert_eq!(funcs[0].line_at(5000), 100_000);
        assert_eq!(decode(&payload[..payload.len() - 1]), None);
    }
}
