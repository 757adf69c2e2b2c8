//! The program's files: directories granted by the embedder (`gowasm-run
//! --dir HOST[::GUEST][:ro]`) and what it opens beneath them. Every path is
//! resolved by `cap-std` relative to an open directory, so `..`, absolute
//! paths and symlinks cannot leave a granted directory; a read-only grant
//! refuses every change beneath it. Errors are WASI errno values (negative
//! at the ABI), the numbering Go's syscall package for wasip1 uses.

use cap_fs_ext::{FollowSymlinks, OpenOptionsFollowExt};
use cap_std::fs::{Dir, File, MetadataExt, OpenOptions, OpenOptionsExt};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::net::Socket;

/// A directory the program may use, and where it sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirGrant {
    /// The directory on the host.
    pub host: PathBuf,
    /// Its absolute path in the program (`/` is the root of the program's
    /// file system).
    pub guest: String,
    /// Whether the program may only read beneath it.
    pub read_only: bool,
}

impl DirGrant {
    /// Reads the `--dir` syntax: `HOST`, `HOST::GUEST`, either followed by
    /// `:ro`. Without GUEST the program sees the directory at HOST's
    /// absolute path.
    pub fn parse(spec: &str) -> Result<DirGrant, String> {
        let (spec, read_only) = match spec.strip_suffix(":ro") {
            Some(s) => (s, true),
            None => (spec, false),
        };
        let (host, guest) = match spec.split_once("::") {
            Some((h, g)) => (h, Some(g)),
            None => (spec, None),
        };
        if host.is_empty() {
            return Err(format!("--dir {spec:?}: no host directory"));
        }
        let host = std::path::absolute(host).map_err(|e| format!("--dir {host}: {e}"))?;
        let guest = match guest {
            Some(g) if g.starts_with('/') => g.to_string(),
            Some(g) => format!("/{g}"),
            None => host.to_string_lossy().into_owned(),
        };
        Ok(DirGrant {
            host,
            guest,
            read_only,
        })
    }

    /// The host's time zone database, read-only at its own path, when it
    /// exists: where Go's time.LoadLocation looks on Unix.
    pub fn zoneinfo() -> Option<DirGrant> {
        let dir = Path::new("/usr/share/zoneinfo");
        dir.is_dir().then(|| DirGrant {
            host: dir.to_path_buf(),
            guest: "/usr/share/zoneinfo".into(),
            read_only: true,
        })
    }
}

/// WASI errno values.
pub mod errno {
    pub const EACCES: i32 = 2;
    pub const EADDRINUSE: i32 = 3;
    pub const EADDRNOTAVAIL: i32 = 4;
    pub const EAFNOSUPPORT: i32 = 5;
    pub const EAGAIN: i32 = 6;
    pub const EALREADY: i32 = 7;
    pub const EBADF: i32 = 8;
    pub const ECONNABORTED: i32 = 13;
    pub const ECONNREFUSED: i32 = 14;
    pub const ECONNRESET: i32 = 15;
    pub const EDESTADDRREQ: i32 = 17;
    pub const EEXIST: i32 = 20;
    pub const EHOSTUNREACH: i32 = 23;
    pub const EINPROGRESS: i32 = 26;
    pub const EINTR: i32 = 27;
    pub const EINVAL: i32 = 28;
    pub const EIO: i32 = 29;
    pub const EISCONN: i32 = 30;
    pub const EISDIR: i32 = 31;
    pub const ELOOP: i32 = 32;
    pub const EMFILE: i32 = 33;
    pub const EMSGSIZE: i32 = 35;
    pub const ENAMETOOLONG: i32 = 37;
    pub const ENETDOWN: i32 = 38;
    pub const ENETRESET: i32 = 39;
    pub const ENETUNREACH: i32 = 40;
    pub const ENFILE: i32 = 41;
    pub const ENOBUFS: i32 = 42;
    pub const ENOENT: i32 = 44;
    pub const ENOMEM: i32 = 48;
    pub const ENOPROTOOPT: i32 = 50;
    pub const ENOSPC: i32 = 51;
    pub const ENOTCONN: i32 = 53;
    pub const ENOTDIR: i32 = 54;
    pub const ENOTEMPTY: i32 = 55;
    pub const ENOTSOCK: i32 = 57;
    pub const ENOTSUP: i32 = 58;
    pub const EPERM: i32 = 63;
    pub const EPIPE: i32 = 64;
    pub const EPROTONOSUPPORT: i32 = 66;
    pub const ERANGE: i32 = 68;
    pub const EROFS: i32 = 69;
    pub const ESPIPE: i32 = 70;
    pub const ETIMEDOUT: i32 = 73;
    pub const EXDEV: i32 = 75;
}
use errno::*;

/// A WASI errno.
pub type Errno = i32;

/// The WASI errno of a host error.
pub fn errno_of(e: &std::io::Error) -> Errno {
    let Some(os) = e.raw_os_error() else {
        // cap-std's refusal of a path leading out of its directory.
        return match e.kind() {
            std::io::ErrorKind::PermissionDenied => EPERM,
            std::io::ErrorKind::NotFound => ENOENT,
            std::io::ErrorKind::AlreadyExists => EEXIST,
            std::io::ErrorKind::InvalidInput => EINVAL,
            _ => EIO,
        };
    };
    const TABLE: &[(i32, Errno)] = &[
        (libc::EPERM, EPERM),
        (libc::ENOENT, ENOENT),
        (libc::EINTR, EINTR),
        (libc::EBADF, EBADF),
        (libc::EAGAIN, EAGAIN),
        (libc::ENOMEM, ENOMEM),
        (libc::EACCES, EACCES),
        (libc::EEXIST, EEXIST),
        (libc::EXDEV, EXDEV),
        (libc::ENOTDIR, ENOTDIR),
        (libc::EISDIR, EISDIR),
        (libc::EINVAL, EINVAL),
        (libc::ENFILE, ENFILE),
        (libc::EMFILE, EMFILE),
        (libc::ENOSPC, ENOSPC),
        (libc::EROFS, EROFS),
        (libc::EPIPE, EPIPE),
        (libc::ERANGE, ERANGE),
        (libc::ENAMETOOLONG, ENAMETOOLONG),
        (libc::ENOTEMPTY, ENOTEMPTY),
        (libc::ELOOP, ELOOP),
        (libc::ENOTSOCK, ENOTSOCK),
        (libc::EDESTADDRREQ, EDESTADDRREQ),
        (libc::EMSGSIZE, EMSGSIZE),
        (libc::ENOPROTOOPT, ENOPROTOOPT),
        (libc::EPROTONOSUPPORT, EPROTONOSUPPORT),
        (libc::EOPNOTSUPP, ENOTSUP),
        (libc::EAFNOSUPPORT, EAFNOSUPPORT),
        (libc::EADDRINUSE, EADDRINUSE),
        (libc::EADDRNOTAVAIL, EADDRNOTAVAIL),
        (libc::ENETDOWN, ENETDOWN),
        (libc::ENETUNREACH, ENETUNREACH),
        (libc::ENETRESET, ENETRESET),
        (libc::ECONNABORTED, ECONNABORTED),
        (libc::ECONNRESET, ECONNRESET),
        (libc::ENOBUFS, ENOBUFS),
        (libc::EISCONN, EISCONN),
        (libc::ENOTCONN, ENOTCONN),
        (libc::ETIMEDOUT, ETIMEDOUT),
        (libc::ECONNREFUSED, ECONNREFUSED),
        (libc::EHOSTUNREACH, EHOSTUNREACH),
        (libc::EALREADY, EALREADY),
        (libc::EINPROGRESS, EINPROGRESS),
    ];
    TABLE
        .iter()
        .find(|&&(host, _)| host == os)
        .map_or(EIO, |&(_, wasi)| wasi)
}

pub fn host<T>(r: std::io::Result<T>) -> Result<T, Errno> {
    r.map_err(|e| errno_of(&e))
}

enum Handle {
    Dir {
        dir: Dir,
        /// Entries listed at the first read, served by cookie.
        listing: Option<Vec<(Vec<u8>, u64, u8)>>,
    },
    File {
        file: File,
        append: bool,
    },
    Socket(Socket),
}

struct Open {
    handle: Handle,
    /// Whether changes are allowed (false beneath a read-only grant).
    writable: bool,
}

/// The program's descriptors: open directories, files and sockets.
pub struct Files {
    table: BTreeMap<i32, Open>,
    /// Guest paths of the granted directories, whose descriptors are
    /// 3, 4, ... in order.
    preopens: Vec<String>,
}

/// The directory descriptor Go's syscall package passes for a path no
/// granted directory holds: such paths do not exist for the program.
const NO_DIR: i32 = -1;

/// The first descriptor after standard input, output and error.
const FIRST_FD: i32 = 3;

/// `path_open`'s open flags (WASI's oflags).
pub const OFLAG_CREATE: i32 = 1;
pub const OFLAG_DIRECTORY: i32 = 2;
pub const OFLAG_EXCL: i32 = 4;
pub const OFLAG_TRUNC: i32 = 8;
/// `path_open`'s access and behaviour flags.
pub const ACCESS_READ: i32 = 1;
pub const ACCESS_WRITE: i32 = 2;
pub const ACCESS_APPEND: i32 = 4;
pub const ACCESS_NOFOLLOW: i32 = 8;

/// WASI file types, as Go's syscall.Filetype numbers them.
const FILETYPE_UNKNOWN: u8 = 0;
const FILETYPE_BLOCK_DEVICE: u8 = 1;
const FILETYPE_CHARACTER_DEVICE: u8 = 2;
const FILETYPE_DIRECTORY: u8 = 3;
const FILETYPE_REGULAR_FILE: u8 = 4;
pub const FILETYPE_SOCKET_DGRAM: u8 = 5;
pub const FILETYPE_SOCKET_STREAM: u8 = 6;
const FILETYPE_SYMBOLIC_LINK: u8 = 7;

fn filetype(ft: cap_std::fs::FileType) -> u8 {
    use cap_std::fs::FileTypeExt;
    if ft.is_dir() {
        FILETYPE_DIRECTORY
    } else if ft.is_file() {
        FILETYPE_REGULAR_FILE
    } else if ft.is_symlink() {
        FILETYPE_SYMBOLIC_LINK
    } else if ft.is_block_device() {
        FILETYPE_BLOCK_DEVICE
    } else if ft.is_char_device() {
        FILETYPE_CHARACTER_DEVICE
    } else if ft.is_socket() {
        FILETYPE_SOCKET_STREAM
    } else {
        FILETYPE_UNKNOWN
    }
}

/// Size of the record `stat` writes: dev, ino, file type, nlink, size,
/// atime, mtime, ctime (ns) and mode, each a little-endian u64.
pub const STAT_SIZE: usize = 72;

fn stat_record(m: &cap_std::fs::Metadata) -> [u8; STAT_SIZE] {
    let ns = |s: i64, n: i64| {
        (s as u64)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(n as u64)
    };
    let fields = [
        m.dev(),
        m.ino(),
        filetype(m.file_type()).into(),
        m.nlink(),
        m.len(),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        m.mode().into(),
    ];
    let mut out = [0u8; STAT_SIZE];
    for (i, f) in fields.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&f.to_le_bytes());
    }
    out
}

/// The stat record of a directory above a granted one: a read-only
/// directory with no other identity.
fn ancestor_stat() -> [u8; STAT_SIZE] {
    let mut out = [0u8; STAT_SIZE];
    out[16..24].copy_from_slice(&u64::from(FILETYPE_DIRECTORY).to_le_bytes());
    out[24..32].copy_from_slice(&1u64.to_le_bytes());
    out[64..72].copy_from_slice(&0o040555u64.to_le_bytes());
    out
}

/// A path argument: relative to its directory, never absolute.
fn rel_path(path: &[u8]) -> Result<&Path, Errno> {
    use std::os::unix::ffi::OsStrExt;
    if path.is_empty() || path.contains(&0) {
        return Err(EINVAL);
    }
    Ok(Path::new(std::ffi::OsStr::from_bytes(path)))
}

impl Files {
    /// Opens the granted directories.
    pub fn new(grants: &[DirGrant]) -> std::io::Result<Files> {
        let mut table = BTreeMap::new();
        let mut preopens = Vec::new();
        for (i, g) in grants.iter().enumerate() {
            let dir =
                Dir::open_ambient_dir(&g.host, cap_std::ambient_authority()).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("--dir {}: {e}", g.host.display()))
                })?;
            table.insert(
                FIRST_FD + i as i32,
                Open {
                    handle: Handle::Dir { dir, listing: None },
                    writable: !g.read_only,
                },
            );
            preopens.push(g.guest.clone());
        }
        Ok(Files { table, preopens })
    }

    /// The guest path of granted directory `i` (descriptor 3 + i).
    pub fn preopen(&self, i: i32) -> Option<&str> {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.preopens.get(i))
            .map(String::as_str)
    }

    /// Whether the absolute guest path (given without its leading `/`) is
    /// a directory above a granted one: such directories exist for the
    /// program (Go code walks paths from the root, as filepath.EvalSymlinks
    /// does), though nothing else in them is visible.
    fn holds_grant(&self, path: &Path) -> bool {
        let path = Path::new("/").join(path);
        self.preopens
            .iter()
            .any(|g| Path::new(g).starts_with(&path) && Path::new(g) != path)
    }

    fn get(&mut self, fd: i32) -> Result<&mut Open, Errno> {
        self.table.get_mut(&fd).ok_or(EBADF)
    }

    fn dir(&mut self, fd: i32) -> Result<(&Dir, bool), Errno> {
        if fd == NO_DIR {
            return Err(ENOENT);
        }
        match self.get(fd)? {
            Open {
                handle: Handle::Dir { dir, .. },
                writable,
            } => Ok((dir, *writable)),
            _ => Err(ENOTDIR),
        }
    }

    /// A directory in which the program may make changes.
    fn writable_dir(&mut self, fd: i32) -> Result<&Dir, Errno> {
        match self.dir(fd)? {
            (dir, true) => Ok(dir),
            (_, false) => Err(EACCES),
        }
    }

    fn file(&mut self, fd: i32) -> Result<(&mut File, bool, bool), Errno> {
        match self.get(fd)? {
            Open {
                handle: Handle::File { file, append },
                writable,
            } => Ok((file, *writable, *append)),
            Open {
                handle: Handle::Socket(_),
                ..
            } => Err(ESPIPE),
            _ => Err(EISDIR),
        }
    }

    fn insert(&mut self, open: Open) -> i32 {
        let mut fd = FIRST_FD + self.preopens.len() as i32;
        while self.table.contains_key(&fd) {
            fd += 1;
        }
        self.table.insert(fd, open);
        fd
    }

    /// Opens `path` beneath directory `dirfd`; returns the new descriptor.
    pub fn open(
        &mut self,
        dirfd: i32,
        path: &[u8],
        oflags: i32,
        access: i32,
        perm: u32,
    ) -> Result<i32, Errno> {
        let path = rel_path(path)?;
        let (dir, writable) = self.dir(dirfd)?;
        let wants_write = access & (ACCESS_WRITE | ACCESS_APPEND) != 0
            || oflags & (OFLAG_CREATE | OFLAG_TRUNC) != 0;
        if wants_write && !writable {
            return Err(EACCES);
        }
        let follow = if access & ACCESS_NOFOLLOW != 0 {
            FollowSymlinks::No
        } else {
            FollowSymlinks::Yes
        };
        let meta = match follow {
            FollowSymlinks::Yes => dir.metadata(path),
            FollowSymlinks::No => dir.symlink_metadata(path),
        };
        let is_dir = meta.as_ref().is_ok_and(|m| m.is_dir());
        if oflags & OFLAG_DIRECTORY != 0 || is_dir {
            if wants_write && is_dir {
                return Err(EISDIR);
            }
            let sub = match follow {
                FollowSymlinks::Yes => host(dir.open_dir(path))?,
                FollowSymlinks::No => host(cap_fs_ext::DirExt::open_dir_nofollow(dir, path))?,
            };
            return Ok(self.insert(Open {
                handle: Handle::Dir {
                    dir: sub,
                    listing: None,
                },
                writable,
            }));
        }
        let mut opts = OpenOptions::new();
        opts.read(access & ACCESS_READ != 0)
            .write(access & ACCESS_WRITE != 0)
            .append(access & ACCESS_APPEND != 0)
            .truncate(oflags & OFLAG_TRUNC != 0)
            .mode(perm)
            .follow(follow);
        if oflags & OFLAG_EXCL != 0 && oflags & OFLAG_CREATE != 0 {
            opts.create_new(true);
        } else {
            opts.create(oflags & OFLAG_CREATE != 0);
        }
        let file = host(dir.open_with(path, &opts))?;
        Ok(self.insert(Open {
            handle: Handle::File {
                file,
                append: access & ACCESS_APPEND != 0,
            },
            writable,
        }))
    }

    pub fn close(&mut self, fd: i32) -> Result<(), Errno> {
        if fd < FIRST_FD + self.preopens.len() as i32 {
            // Granted directories stay open (as WASI's preopens).
            return if self.table.contains_key(&fd) {
                Ok(())
            } else {
                Err(EBADF)
            };
        }
        self.table.remove(&fd).map(|_| ()).ok_or(EBADF)
    }

    /// The socket descriptor `fd` names.
    pub fn socket(&mut self, fd: i32) -> Result<&Socket, Errno> {
        match &self.get(fd)?.handle {
            Handle::Socket(s) => Ok(s),
            _ => Err(ENOTSOCK),
        }
    }

    /// Adds a socket; returns its descriptor.
    pub fn insert_socket(&mut self, socket: Socket) -> i32 {
        self.insert(Open {
            handle: Handle::Socket(socket),
            writable: true,
        })
    }

    /// Reads at the file's position, or at `at` when given; or from a
    /// socket.
    pub fn read(&mut self, fd: i32, buf: &mut [u8], at: Option<u64>) -> Result<usize, Errno> {
        if let Ok(s) = self.socket(fd) {
            return at.map_or_else(|| s.read(buf), |_| Err(ESPIPE));
        }
        let (file, _, _) = self.file(fd)?;
        match at {
            Some(at) => host(cap_std::fs::FileExt::read_at(file, buf, at)),
            None => host(file.read(buf)),
        }
    }

    /// Writes at the file's position, or at `at` when given; or to a
    /// socket.
    pub fn write(&mut self, fd: i32, data: &[u8], at: Option<u64>) -> Result<usize, Errno> {
        if let Ok(s) = self.socket(fd) {
            return at.map_or_else(|| s.write(data), |_| Err(ESPIPE));
        }
        let (file, writable, _) = self.file(fd)?;
        if !writable {
            return Err(EBADF);
        }
        match at {
            Some(at) => host(cap_std::fs::FileExt::write_at(file, data, at)),
            None => host(file.write(data)),
        }
    }

    pub fn seek(&mut self, fd: i32, offset: i64, whence: i32) -> Result<u64, Errno> {
        let (file, _, _) = self.file(fd)?;
        let pos = match whence {
            0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| EINVAL)?),
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => return Err(EINVAL),
        };
        host(file.seek(pos))
    }

    pub fn stat_fd(&mut self, fd: i32) -> Result<[u8; STAT_SIZE], Errno> {
        let meta = match &self.get(fd)?.handle {
            Handle::Dir { dir, .. } => dir.dir_metadata(),
            Handle::File { file, .. } => file.metadata(),
            Handle::Socket(s) => {
                let mut rec = [0u8; STAT_SIZE];
                rec[16..24].copy_from_slice(&u64::from(s.filetype()).to_le_bytes());
                rec[24..32].copy_from_slice(&1u64.to_le_bytes());
                return Ok(rec);
            }
        };
        Ok(stat_record(&host(meta)?))
    }

    pub fn stat_path(
        &mut self,
        dirfd: i32,
        path: &[u8],
        follow: bool,
    ) -> Result<[u8; STAT_SIZE], Errno> {
        let path = rel_path(path)?;
        if dirfd == NO_DIR && self.holds_grant(path) {
            return Ok(ancestor_stat());
        }
        let (dir, _) = self.dir(dirfd)?;
        let meta = if follow {
            dir.metadata(path)
        } else {
            dir.symlink_metadata(path)
        };
        Ok(stat_record(&host(meta)?))
    }

    /// Writes whole WASI dirent records (next cookie, inode, name length,
    /// type, name) from entry `cookie` on; returns the bytes written, 0 at
    /// the end. The directory is listed when read from cookie 0.
    pub fn read_dir(&mut self, fd: i32, buf: &mut [u8], cookie: u64) -> Result<usize, Errno> {
        let Handle::Dir { dir, listing } = &mut self.get(fd)?.handle else {
            return Err(ENOTDIR);
        };
        if cookie == 0 || listing.is_none() {
            let mut entries = Vec::new();
            for e in host(dir.entries())? {
                let e = host(e)?;
                use std::os::unix::ffi::OsStrExt;
                let name = e.file_name().as_bytes().to_vec();
                let ino = std::os::unix::fs::DirEntryExt::ino(&e);
                let ft = e.file_type().map_or(FILETYPE_UNKNOWN, filetype);
                entries.push((name, ino, ft));
            }
            *listing = Some(entries);
        }
        let entries = listing.as_ref().expect("listed");
        let mut n = 0;
        for (i, (name, ino, ft)) in entries.iter().enumerate().skip(cookie as usize) {
            let size = 24 + name.len();
            if n + size > buf.len() {
                if n == 0 {
                    return Err(EINVAL);
                }
                break;
            }
            let rec = &mut buf[n..n + size];
            rec[0..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
            rec[8..16].copy_from_slice(&ino.to_le_bytes());
            rec[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
            rec[20..24].copy_from_slice(&[*ft, 0, 0, 0]);
            rec[24..].copy_from_slice(name);
            n += size;
        }
        Ok(n)
    }

    pub fn mkdir(&mut self, dirfd: i32, path: &[u8], perm: u32) -> Result<(), Errno> {
        let path = rel_path(path)?;
        let dir = self.writable_dir(dirfd)?;
        let mut b = cap_std::fs::DirBuilder::new();
        cap_std::fs::DirBuilderExt::mode(&mut b, perm);
        host(dir.create_dir_with(path, &b))
    }

    pub fn unlink(&mut self, dirfd: i32, path: &[u8]) -> Result<(), Errno> {
        let path = rel_path(path)?;
        host(self.writable_dir(dirfd)?.remove_file(path))
    }

    pub fn rmdir(&mut self, dirfd: i32, path: &[u8]) -> Result<(), Errno> {
        let path = rel_path(path)?;
        host(self.writable_dir(dirfd)?.remove_dir(path))
    }

    pub fn rename(
        &mut self,
        from_fd: i32,
        from: &[u8],
        to_fd: i32,
        to: &[u8],
    ) -> Result<(), Errno> {
        let (from, to) = (rel_path(from)?, rel_path(to)?);
        let to_dir = host(self.writable_dir(to_fd)?.try_clone())?;
        host(self.writable_dir(from_fd)?.rename(from, &to_dir, to))
    }

    pub fn link(&mut self, from_fd: i32, from: &[u8], to_fd: i32, to: &[u8]) -> Result<(), Errno> {
        let (from, to) = (rel_path(from)?, rel_path(to)?);
        let to_dir = host(self.writable_dir(to_fd)?.try_clone())?;
        host(self.writable_dir(from_fd)?.hard_link(from, &to_dir, to))
    }

    pub fn symlink(&mut self, target: &[u8], dirfd: i32, path: &[u8]) -> Result<(), Errno> {
        let (target, path) = (rel_path(target)?, rel_path(path)?);
        host(self.writable_dir(dirfd)?.symlink(target, path))
    }

    pub fn readlink(&mut self, dirfd: i32, path: &[u8]) -> Result<Vec<u8>, Errno> {
        use std::os::unix::ffi::OsStrExt;
        let path = rel_path(path)?;
        let (dir, _) = self.dir(dirfd)?;
        Ok(host(dir.read_link_contents(path))?
            .as_os_str()
            .as_bytes()
            .to_vec())
    }

    pub fn truncate(&mut self, fd: i32, size: u64) -> Result<(), Errno> {
        let (file, writable, _) = self.file(fd)?;
        if !writable {
            return Err(EACCES);
        }
        host(file.set_len(size))
    }

    pub fn sync(&mut self, fd: i32) -> Result<(), Errno> {
        match &self.get(fd)?.handle {
            Handle::File { file, .. } => host(file.sync_all()),
            Handle::Dir { .. } => Ok(()),
            Handle::Socket(_) => Err(EINVAL),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("gowasm-fs-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn grant(host: &Path, read_only: bool) -> Files {
        Files::new(&[DirGrant {
            host: host.to_path_buf(),
            guest: "/data".into(),
            read_only,
        }])
        .unwrap()
    }

    #[test]
    fn grants_parse_like_wasmtime_dir() {
        let g = DirGrant::parse("/tmp/x::/data:ro").unwrap();
        assert_eq!((g.guest.as_str(), g.read_only), ("/data", true));
        let g = DirGrant::parse("/tmp/x").unwrap();
        assert_eq!((g.guest.as_str(), g.read_only), ("/tmp/x", false));
        assert!(DirGrant::parse("::/x").is_err());
    }

    #[test]
    fn files_round_trip_and_list() {
        let d = scratch("rt");
        let mut fs = grant(&d, false);
        assert_eq!(fs.preopen(0), Some("/data"));
        let fd = fs
            .open(3, b"a.txt", OFLAG_CREATE | OFLAG_TRUNC, ACCESS_WRITE, 0o644)
            .unwrap();
        assert_eq!(fs.write(fd, b"hello", None), Ok(5));
        fs.close(fd).unwrap();
        let fd = fs.open(3, b"a.txt", 0, ACCESS_READ, 0).unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(fs.read(fd, &mut buf, None), Ok(5));
        assert_eq!(&buf[..5], b"hello");
        assert_eq!(fs.read(fd, &mut buf, Some(1)), Ok(4));
        let st = fs.stat_fd(fd).unwrap();
        assert_eq!(st[16], FILETYPE_REGULAR_FILE);
        assert_eq!(u64::from_le_bytes(st[32..40].try_into().unwrap()), 5);
        fs.mkdir(3, b"sub", 0o755).unwrap();
        let mut list = [0u8; 256];
        let n = fs.read_dir(3, &mut list, 0).unwrap();
        assert_eq!(n, 2 * 24 + 3 + 5);
        assert_eq!(fs.read_dir(3, &mut list, 2), Ok(0));
        assert_eq!(
            fs.open(3, b"a.txt", OFLAG_CREATE | OFLAG_EXCL, ACCESS_WRITE, 0o644),
            Err(EEXIST)
        );
        fs.rename(3, b"a.txt", 3, b"sub/b.txt").unwrap();
        assert_eq!(fs.stat_path(3, b"a.txt", true), Err(ENOENT));
        assert_eq!(fs.rmdir(3, b"sub"), Err(ENOTEMPTY));
        fs.unlink(3, b"sub/b.txt").unwrap();
        fs.rmdir(3, b"sub").unwrap();
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn paths_cannot_leave_a_grant() {
        let d = scratch("escape");
        std::fs::create_dir_all(d.join("in")).unwrap();
        std::fs::write(d.join("secret"), b"x").unwrap();
        std::os::unix::fs::symlink("../secret", d.join("in/link")).unwrap();
        let mut fs = grant(&d.join("in"), false);
        for path in [
            &b"../secret"[..],
            b"/etc/passwd",
            b"link",
            b"sub/../../secret",
        ] {
            assert!(fs.open(3, path, 0, ACCESS_READ, 0).is_err(), "{path:?}");
            assert!(fs.stat_path(3, path, true).is_err(), "{path:?}");
        }
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn directories_above_grants_exist_and_nothing_else_does() {
        let d = scratch("above");
        let fs = &mut Files::new(&[DirGrant {
            host: d.clone(),
            guest: "/srv/data".into(),
            read_only: true,
        }])
        .unwrap();
        for path in [&b"."[..], b"srv"] {
            let st = fs.stat_path(NO_DIR, path, false).unwrap();
            assert_eq!(st[16], FILETYPE_DIRECTORY, "{path:?}");
        }
        for path in [&b"srv/dat"[..], b"etc", b"srv/data/x", b"sr"] {
            assert_eq!(fs.stat_path(NO_DIR, path, true), Err(ENOENT), "{path:?}");
        }
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn read_only_grants_refuse_changes() {
        let d = scratch("ro");
        std::fs::write(d.join("f"), b"x").unwrap();
        let mut fs = grant(&d, true);
        assert!(fs.open(3, b"f", 0, ACCESS_READ, 0).is_ok());
        assert_eq!(fs.open(3, b"f", 0, ACCESS_WRITE, 0), Err(EACCES));
        assert_eq!(
            fs.open(3, b"g", OFLAG_CREATE, ACCESS_WRITE, 0o644),
            Err(EACCES)
        );
        assert_eq!(fs.unlink(3, b"f"), Err(EACCES));
        assert_eq!(fs.mkdir(3, b"d", 0o755), Err(EACCES));
        std::fs::remove_dir_all(&d).unwrap();
    }
}
