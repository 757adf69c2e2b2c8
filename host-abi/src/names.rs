//! The module's function names: what the standard `name` section would
//! hold, compressed. Function names are a tenth of a module (the fmt hello
//! world's 25 KB), repeat package paths and compress about four to one;
//! the host reads them only to print a trap's backtrace.
//!
//! Encoding: a zstd frame holding the name count and, per name in
//! increasing index order, the function index's increase over the previous
//! one (unsigned LEB128) and the name (length, UTF-8 bytes).

use crate::leb::{Reader, bytes, uleb};

/// Name of the custom section.
pub const SECTION: &str = "gowasm.names";

/// Encodes (function index, name) pairs, in increasing index order, as the
/// section's payload.
pub fn encode(names: &[(u32, &str)]) -> Vec<u8> {
    let mut raw = Vec::new();
    uleb(&mut raw, names.len() as u64);
    let mut prev = 0;
    for &(func, name) in names {
        uleb(&mut raw, (func - prev).into());
        bytes(&mut raw, name.as_bytes());
        prev = func;
    }
    zstd::bulk::compress(&raw, 19).expect("compressing into memory cannot fail")
}

/// Decodes a section payload into (function index, name) pairs; None when
/// it is malformed.
pub fn decode(payload: &[u8]) -> Option<Vec<(u32, String)>> {
    let raw = zstd::stream::decode_all(payload).ok()?;
    let mut r = Reader(&raw);
    let mut func = 0u32;
    (0..r.uleb()?)
        .map(|_| {
            func = func.checked_add(u32::try_from(r.uleb()?).ok()?)?;
            Some((func, r.string()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let names = [(0, "gowasm.write"), (3, "main.main"), (4, "main.(*T).M")];
        let payload = encode(&names);
        let want: Vec<(u32, String)> = names.iter().map(|&(f, n)| (f, n.into())).collect();
        assert_eq!(decode(&payload), Some(want));
        assert_eq!(decode(&payload[1..]), None);
    }
}
