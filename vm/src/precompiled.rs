//! Precompiled programs (`gowasm-run compile app.wasm -o app.cwasm`): the
//! engine's compiled code, so that a run skips Cranelift, with what the
//! host reads from the module's custom sections, which Wasmtime's
//! serialized form does not keep.
//!
//! Layout: [`MAGIC`], then little-endian u32s — the format version, the
//! gowasm ABI version, the flags (`INTERRUPTIBLE`, `LINES`), the number of
//! imported functions, the number of function bodies and each body's
//! module offsets (start, end) — then the line table's, the names' and
//! the host function list's payloads (each a u32 length and its bytes), then Wasmtime's serialized
//! module, which carries its own check of the engine's version, target and
//! settings.

/// The first bytes of a precompiled program.
pub const MAGIC: &[u8; 16] = b"\0gowasm-cwasm\0\r\n";

/// Bumped when the layout changes.
const FORMAT: u32 = 2;

/// Compiled with interruption checks (`RuntimeOptions::interruptible`).
const INTERRUPTIBLE: u32 = 1;
/// Compiled for a module with a line table (without Cranelift inlining).
const LINES: u32 = 2;

/// A precompiled program's parts.
pub struct Parts<'a> {
    pub abi: u32,
    pub interruptible: bool,
    pub imported_funcs: u32,
    pub bodies: Vec<std::ops::Range<u32>>,
    pub lines: Option<&'a [u8]>,
    pub names: Option<&'a [u8]>,
    /// The host_abi::HOST_FUNCS_SECTION payload.
    pub host_funcs: Option<&'a [u8]>,
    /// Wasmtime's serialized module.
    pub code: &'a [u8],
}

impl Parts<'_> {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let flags = if self.interruptible { INTERRUPTIBLE } else { 0 }
            | if self.lines.is_some() { LINES } else { 0 };
        let mut word = |w: u32| out.extend_from_slice(&w.to_le_bytes());
        word(FORMAT);
        word(self.abi);
        word(flags);
        word(self.imported_funcs);
        word(self.bodies.len() as u32);
        for b in &self.bodies {
            word(b.start);
            word(b.end);
        }
        for payload in [self.lines, self.names, self.host_funcs] {
            let payload = payload.unwrap_or_default();
            out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
            out.extend_from_slice(payload);
        }
        out.extend_from_slice(self.code);
        out
    }

    /// The parts of `bytes`, which start with [`MAGIC`]; None when they
    /// are malformed or of another format version.
    pub fn decode(bytes: &[u8]) -> Option<Parts<'_>> {
        let mut r = bytes.strip_prefix(MAGIC)?;
        let mut word = || -> Option<u32> {
            let (w, rest) = r.split_first_chunk::<4>()?;
            r = rest;
            Some(u32::from_le_bytes(*w))
        };
        if word()? != FORMAT {
            return None;
        }
        let abi = word()?;
        let flags = word()?;
        let imported_funcs = word()?;
        let n = word()?;
        let bodies = (0..n)
            .map(|_| Some(word()?..word()?))
            .collect::<Option<Vec<_>>>()?;
        let mut payload = || -> Option<&[u8]> {
            let (len, rest) = r.split_first_chunk::<4>()?;
            let len = u32::from_le_bytes(*len) as usize;
            let p = rest.get(..len)?;
            r = &rest[len..];
            Some(p)
        };
        let lines = payload()?;
        let names = payload()?;
        let host_funcs = payload()?;
        Some(Parts {
            abi,
            interruptible: flags & INTERRUPTIBLE != 0,
            imported_funcs,
            bodies,
            lines: (flags & LINES != 0).then_some(lines),
            names: (!names.is_empty()).then_some(names),
            host_funcs: (!host_funcs.is_empty()).then_some(host_funcs),
            code: r,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip() {
        let parts = Parts {
            abi: 6,
            interruptible: true,
            imported_funcs: 3,
            bodies: vec![10..20, 20..45],
            lines: Some(b"lines"),
            names: Some(b"names"),
            host_funcs: Some(b"app f func(int32)\n"),
            code: b"code",
        };
        let bytes = parts.encode();
        let back = Parts::decode(&bytes).unwrap();
        assert_eq!(back.abi, 6);
        assert!(back.interruptible);
        assert_eq!(back.imported_funcs, 3);
        assert_eq!(back.bodies, vec![10..20, 20..45]);
        assert_eq!(back.lines, Some(&b"lines"[..]));
        assert_eq!(back.names, Some(&b"names"[..]));
        assert_eq!(back.host_funcs, Some(&b"app f func(int32)\n"[..]));
        assert_eq!(back.code, b"code");
        for cut in 0..bytes.len() - 4 {
            assert!(Parts::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
    }
}
