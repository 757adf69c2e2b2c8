//! The contract between modules compiled by `gowasm` and the host that runs
//! them (`vm`).
//!
//! Both sides read this crate: the compiler emits exactly these imports (and
//! rejects a `//go:wasmimport gowasm ...` declaration whose Go signature does
//! not lower to the one listed here), and the vm implements exactly these
//! imports and refuses modules whose ABI version section differs from
//! [`VERSION`]. The human-readable description is `docs/abi.md`.

mod leb;
pub mod lines;
pub mod names;

/// Import module name of every host function.
pub const MODULE: &str = "gowasm";

/// ABI version. Bump on any change to [`IMPORTS`] or to the meaning of one.
pub const VERSION: u32 = 7;

/// Name of the custom section that marks a module as a gowasm module. Its
/// payload is [`version_payload`].
pub const VERSION_SECTION: &str = "gowasm.abi";

/// Name of the exported function the host calls to run the program.
pub const ENTRY_EXPORT: &str = "_start";

/// Name of the exported function of a module with `//go:wasmexport`
/// functions that the host calls once, before any of them: it makes the
/// start-up data and runs package initialization (not `main.main`).
pub const INITIALIZE_EXPORT: &str = "_initialize";

/// Exported `(dst (ref null array), off i32, src (ref null array)) -> ()`:
/// copies all of the byte array `src` into the byte array `dst` at `off`.
/// Wasmtime's API has no bulk copy into part of a GC array; the module's
/// `array.copy` is a memcpy, so the host hands larger data to the program
/// as a fresh array and this copies it into place.
pub const BYTES_COPY_IN_EXPORT: &str = "bytes_copy_in";

/// Exported `(src (ref null array), off i32, len i32) -> (ref null array)`:
/// a fresh byte array holding `src[off:off+len]`, so that the host copies
/// out only those bytes of a large array.
pub const BYTES_SLICE_EXPORT: &str = "bytes_slice";

/// Exported `() -> i64`: the id of the goroutine that was running, which
/// the host names in the traceback it prints after a trap. Optional.
pub const GOROUTINE_ID_EXPORT: &str = "goroutine_id";

/// Name of the custom section listing the embedder's host functions a
/// module imports (any `//go:wasmimport` module but [`MODULE`]), one per
/// line: `MODULE NAME func(T1, T2) R`, each type a Go basic type's name,
/// `string`, `[]byte` or `*` and a basic type's name. The vm checks the
/// registered functions against these Go types.
pub const HOST_FUNCS_SECTION: &str = "gowasm.hostfuncs";

/// Prefix of the exported `(base eqref, index i32) -> T` functions, one
/// per pointee type `T` (its Go name follows the prefix) of the host
/// functions' pointer parameters: they read the pointee of a pointer
/// (base, index), interior pointers included.
pub const POINTER_LOAD_PREFIX: &str = "ptrload.";

/// Prefix of the exported `(base eqref, index i32, value T) -> ()`
/// functions that write a pointee, as [`POINTER_LOAD_PREFIX`].
pub const POINTER_STORE_PREFIX: &str = "ptrstore.";

/// Whether `name` is one of the exports the host itself uses, which a
/// `//go:wasmexport` function cannot be named.
pub fn is_host_export(name: &str) -> bool {
    [
        ENTRY_EXPORT,
        INITIALIZE_EXPORT,
        BYTES_COPY_IN_EXPORT,
        BYTES_SLICE_EXPORT,
        GOROUTINE_ID_EXPORT,
    ]
    .contains(&name)
        || name.starts_with(POINTER_LOAD_PREFIX)
        || name.starts_with(POINTER_STORE_PREFIX)
}

/// Value types crossing the boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbiType {
    I32,
    I64,
    /// Only in imports of the embedder's own host functions.
    F32,
    F64,
    /// `(ref null array)`; the array is always the module's byte array type
    /// `(array (mut i8))` (final, in its own recursion group), so the module
    /// may `ref.cast` results to it and the host may build such arrays.
    Bytes,
    /// `anyref`: a Go object the host keeps a reference to (the payload of
    /// the interface value `runtime.Pinner.Pin` was given), or the base of
    /// a pointer handed to an embedder's host function (then followed by
    /// its i32 index, as the compiler represents pointers).
    Object,
}

/// One host function.
#[derive(Debug)]
pub struct Import {
    pub name: &'static str,
    pub params: &'static [AbiType],
    pub results: &'static [AbiType],
    pub doc: &'static str,
}

use AbiType::*;

/// Every host function of this ABI version.
pub const IMPORTS: &[Import] = &[
    Import {
        name: "arg_count",
        params: &[],
        results: &[I32],
        doc: "number of command-line arguments, program name included",
    },
    Import {
        name: "arg",
        params: &[I32],
        results: &[Bytes],
        doc: "argument i as a fresh byte array (null when out of range)",
    },
    Import {
        name: "env_count",
        params: &[],
        results: &[I32],
        doc: "number of environment entries",
    },
    Import {
        name: "env",
        params: &[I32],
        results: &[Bytes],
        doc: "environment entry i as `KEY=VALUE` (null when out of range)",
    },
    Import {
        name: "write",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "write(fd, array, offset, length): bytes written, or a negative errno",
    },
    Import {
        name: "read_start",
        params: &[I32, I32],
        results: &[I64],
        doc: "read_start(fd, length): starts reading up to length bytes of fd on a host \
              worker thread; returns the operation's id (reported by poll when done), or a \
              negative errno",
    },
    Import {
        name: "op_finish",
        params: &[I64, Bytes, I32, I32],
        results: &[I32],
        doc: "op_finish(op, array, offset, length): copies a finished operation's bytes (a read's \
              data, a lookup's answer) into the array and forgets the operation; bytes copied (0 \
              at end of input), or a negative errno",
    },
    Import {
        name: "resolve_start",
        params: &[Bytes, I32, I32, I32],
        results: &[I64],
        doc: "resolve_start(name, what): starts a lookup with the host's resolver on a worker \
              thread (what: 0 addresses of any family, 4 IPv4, 6 IPv6, as address records with \
              port 0; 1 the canonical name; 2 the names of an address given as text; 3 the port \
              (u16) of a service given as network/service, e.g. tcp/http); the \
              operation's id (its answer through op_finish: -ENOENT no such host, -EAGAIN a \
              temporary failure), or a negative errno (EACCES when the network policy allows no \
              lookups)",
    },
    Import {
        name: "random",
        params: &[Bytes, I32, I32],
        results: &[I32],
        doc: "random(array, offset, length): fills the bytes with random data; 0, or a negative errno",
    },
    Import {
        name: "exit",
        params: &[I32],
        results: &[],
        doc: "ends the program with the status; never returns",
    },
    Import {
        name: "abort",
        params: &[I32, Bytes, I32, I32, Bytes, I32, I32],
        results: &[],
        doc: "abort(kind, message, traceback): ends the program (exit status 2) after an \
              unrecovered panic (kind 0), a fatal runtime error in the running goroutine \
              (kind 1) or another fatal error (kind 2, a deadlock), whose message the program \
              has printed on standard error; the host prints the goroutine traceback (empty \
              for GOTRACEBACK=none), for kind 1 in a module without a line table with the \
              engine's frames after its first line; never returns",
    },
    Import {
        name: "raise",
        params: &[I32],
        results: &[],
        doc: "ends the program as if the process were killed by the signal (os's SIGPIPE on a \
              write to a closed standard output); never returns",
    },
    Import {
        name: "clock_now",
        params: &[I32],
        results: &[I64],
        doc: "clock 0: wall clock, ns since the Unix epoch; clock 1: monotonic ns",
    },
    Import {
        name: "poll",
        params: &[I64],
        results: &[I64],
        doc: "poll(timeout_ns): waits until a host operation finishes, a registered \
              descriptor becomes ready, or the timeout elapses (0: do not wait; negative: no \
              limit); returns the event (kind << 48 | value: kind 0 a finished operation's id; \
              kind 1 fd << 8 | 1 readable | 2 writable; kind 2 a signal), or -1 on timeout (at once when \
              nothing is in flight or registered and there is no limit)",
    },
    Import {
        name: "sched_stress",
        params: &[],
        results: &[I64],
        doc: "the seed of the scheduler's stress mode (random goroutine order, yields and \
              clock jumps), or 0 when it is off; called once at start",
    },
    Import {
        name: "fs_preopen",
        params: &[I32],
        results: &[Bytes],
        doc: "the path the program sees granted directory i at (its descriptor is 3 + i); \
              null when there are fewer grants",
    },
    Import {
        name: "path_open",
        params: &[I32, Bytes, I32, I32, I32, I32, I32],
        results: &[I32],
        doc: "path_open(dir, path, oflags, access, perm): opens a path beneath directory \
              descriptor dir (oflags: 1 create, 2 directory, 4 exclusive, 8 truncate; access: 1 \
              read, 2 write, 4 append, 8 do not follow a final symlink; perm: mode bits of a \
              created file); the new descriptor, or a negative errno",
    },
    Import {
        name: "fd_close",
        params: &[I32],
        results: &[I32],
        doc: "closes a descriptor from path_open; 0 or a negative errno",
    },
    Import {
        name: "fd_read",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "fd_read(fd, array, offset, length): reads a file at its position; bytes read (0 at \
              the end), or a negative errno",
    },
    Import {
        name: "fd_pread",
        params: &[I32, Bytes, I32, I32, I64],
        results: &[I32],
        doc: "fd_pread(fd, array, offset, length, at): reads a file at byte at",
    },
    Import {
        name: "fd_pwrite",
        params: &[I32, Bytes, I32, I32, I64],
        results: &[I32],
        doc: "fd_pwrite(fd, array, offset, length, at): writes a file at byte at",
    },
    Import {
        name: "fd_seek",
        params: &[I32, I64, I32],
        results: &[I64],
        doc: "fd_seek(fd, offset, whence 0 start / 1 current / 2 end): the new position, or a \
              negative errno",
    },
    Import {
        name: "fd_stat",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "fd_stat(fd, array, offset, length 72): writes dev, ino, file type, nlink, size, \
              atime, mtime, ctime (ns) and mode as little-endian u64s; 0 or a negative errno",
    },
    Import {
        name: "path_stat",
        params: &[I32, Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "path_stat(dir, path, follow, array, offset, length 72): fd_stat of a path \
              (follow: 1 follows a final symlink)",
    },
    Import {
        name: "fd_readdir",
        params: &[I32, Bytes, I32, I32, I64],
        results: &[I32],
        doc: "fd_readdir(fd, array, offset, length, cookie): whole WASI dirent records from entry \
              cookie on; bytes written, 0 at the end, or a negative errno",
    },
    Import {
        name: "path_mkdir",
        params: &[I32, Bytes, I32, I32, I32],
        results: &[I32],
        doc: "path_mkdir(dir, path, perm): 0 or a negative errno",
    },
    Import {
        name: "path_unlink",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "removes a file: 0 or a negative errno",
    },
    Import {
        name: "path_rmdir",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "removes an empty directory: 0 or a negative errno",
    },
    Import {
        name: "path_rename",
        params: &[I32, Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "path_rename(dir, path, newdir, newpath): 0 or a negative errno",
    },
    Import {
        name: "path_link",
        params: &[I32, Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "path_link(dir, path, newdir, newpath): a hard link; 0 or a negative errno",
    },
    Import {
        name: "path_symlink",
        params: &[Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "path_symlink(target, dir, path): 0 or a negative errno",
    },
    Import {
        name: "path_readlink",
        params: &[I32, Bytes, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "path_readlink(dir, path, array, offset, length): the link's length, -ERANGE when \
              the array range is too small, or a negative errno",
    },
    Import {
        name: "fd_truncate",
        params: &[I32, I64],
        results: &[I32],
        doc: "sets a file's size: 0 or a negative errno",
    },
    Import {
        name: "fd_sync",
        params: &[I32],
        results: &[I32],
        doc: "flushes a file to storage: 0 or a negative errno",
    },
    Import {
        name: "callers",
        params: &[Bytes, I32, I32],
        results: &[I32],
        doc: "callers(array, offset, length): the program counters of the calling goroutine's \
              Go frames, innermost first, as little-endian 64-bit values (see pc_name); the \
              number of frames written, or a negative errno",
    },
    Import {
        name: "pc_name",
        params: &[I64],
        results: &[Bytes],
        doc: "the name (as gc's runtime gives it) of the Go function holding a program \
              counter from callers; null when unknown",
    },
    Import {
        name: "pc_file",
        params: &[I64],
        results: &[Bytes],
        doc: "the source file of the Go function holding a program counter; null when unknown",
    },
    Import {
        name: "pc_line",
        params: &[I64],
        results: &[I32],
        doc: "the source line of a program counter, 0 when unknown",
    },
    Import {
        name: "poll_open",
        params: &[I32],
        results: &[I32],
        doc: "registers a socket with the poller: poll reports each change of its readiness \
              (edge-triggered) until it is closed; 0, or a negative errno (ENOTSOCK for other \
              descriptors)",
    },
    Import {
        name: "hostname",
        params: &[],
        results: &[Bytes],
        doc: "the host's name (os.Hostname)",
    },
    Import {
        name: "process_id",
        params: &[I32],
        results: &[I32],
        doc: "the host process's id (0) or its parent's (1): os.Getpid, os.Getppid",
    },
    Import {
        name: "signal_action",
        params: &[I32, I32],
        results: &[I32],
        doc: "signal_action(sig, action): what the program does with a signal (syscall's \
              numbering): 0 the default action (the host's), 1 deliver it (poll reports kind 2, \
              the signal), 2 ignore it; 0, or -EINVAL",
    },
    Import {
        name: "sock_open",
        params: &[I32, I32, I32],
        results: &[I32],
        doc: "sock_open(family, type, protocol), Linux numbering (AF_INET 2, AF_INET6 10; \
              SOCK_STREAM 1, SOCK_DGRAM 2): a new non-blocking socket's descriptor, or a \
              negative errno",
    },
    Import {
        name: "sock_bind",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_bind(fd, address record): 0, or a negative errno (EACCES when the network \
              policy does not allow listening there)",
    },
    Import {
        name: "sock_listen",
        params: &[I32, I32],
        results: &[I32],
        doc: "sock_listen(fd, backlog): 0 or a negative errno",
    },
    Import {
        name: "sock_accept",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_accept(fd, address record): a new non-blocking socket for a pending \
              connection (its peer's address written to the record), or a negative errno \
              (EAGAIN when none is pending)",
    },
    Import {
        name: "sock_connect",
        params: &[I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_connect(fd, address record): 0, -EINPROGRESS (the socket becomes writable \
              when it completes; SO_ERROR tells how), or a negative errno (EACCES when the \
              network policy does not allow it)",
    },
    Import {
        name: "sock_addr",
        params: &[I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_addr(fd, peer, address record): writes the socket's local (peer 0) or \
              remote (peer 1) address; 0 or a negative errno",
    },
    Import {
        name: "sock_getopt",
        params: &[I32, I32, I32],
        results: &[I64],
        doc: "sock_getopt(fd, level, name), Linux numbering: the option's value (SO_ERROR: a \
              WASI errno), or a negative errno",
    },
    Import {
        name: "sock_setopt",
        params: &[I32, I32, I32, I32],
        results: &[I32],
        doc: "sock_setopt(fd, level, name, value), Linux numbering (SO_LINGER: seconds, or -1 \
              for off): 0 or a negative errno (ENOPROTOOPT for options the host does not set)",
    },
    Import {
        name: "sock_recvfrom",
        params: &[I32, Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_recvfrom(fd, array, offset, length, flags, address record): receives into \
              the array, writing the sender's address; bytes received, or a negative errno \
              (EAGAIN when nothing is pending)",
    },
    Import {
        name: "sock_sendto",
        params: &[I32, Bytes, I32, I32, I32, Bytes, I32, I32],
        results: &[I32],
        doc: "sock_sendto(fd, array, offset, length, flags, address record): sends to the \
              address (an empty record: the connected peer); bytes sent, or a negative errno",
    },
    Import {
        name: "sock_shutdown",
        params: &[I32, I32],
        results: &[I32],
        doc: "sock_shutdown(fd, how: 0 read, 1 write, 2 both): 0 or a negative errno",
    },
    Import {
        name: "pin",
        params: &[Object],
        results: &[],
        doc: "pin(object): runtime.Pinner.Pin: handles the embedder's host functions get to \
              the object (or to its parts) stay valid after their call until it is unpinned; \
              the object is the payload of the pointer's interface value (a box of an \
              interior pointer is resolved to the object it points into)",
    },
    Import {
        name: "unpin",
        params: &[Object],
        results: &[],
        doc: "unpin(object): undoes one pin of the object; when none is left, the handles \
              kept past their call stop working",
    },
];

/// Size of the address record of the socket functions: family (u16, Linux
/// numbering), port (u16), IPv6 zone (u32), address (16 bytes, an IPv4
/// address in the first 4); little-endian.
pub const SOCKADDR_SIZE: usize = 24;

/// Looks an import up by name.
pub fn import(name: &str) -> Option<&'static Import> {
    IMPORTS.iter().find(|i| i.name == name)
}

/// Payload of the [`VERSION_SECTION`] custom section.
pub fn version_payload() -> Vec<u8> {
    format!("gowasm-abi {VERSION}").into_bytes()
}

/// Reads the ABI version from a [`VERSION_SECTION`] payload.
pub fn parse_version_payload(payload: &[u8]) -> Option<u32> {
    std::str::from_utf8(payload)
        .ok()?
        .strip_prefix("gowasm-abi ")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_round_trips() {
        assert_eq!(parse_version_payload(&version_payload()), Some(VERSION));
        assert_eq!(parse_version_payload(b"gowasm-abi x"), None);
        assert_eq!(parse_version_payload(b"other 1"), None);
    }

    #[test]
    fn import_names_are_unique() {
        for (i, a) in IMPORTS.iter().enumerate() {
            assert!(
                IMPORTS[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
            assert!(import(a.name).is_some());
        }
    }
}
