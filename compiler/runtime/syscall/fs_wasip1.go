// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

//go:build wasip1

// gowasm: this file is $GOROOT/src/syscall/fs_wasip1.go with the
// wasi_snapshot_preview1 imports (which take linear-memory pointers)
// replaced by the gowasm host ABI's file functions (docs/abi.md), which
// take byte arrays: paths cross as strings, stat records as bytes. Path
// resolution against the granted directories and the working directory
// is gc's.

package syscall

import (
	"internal/stringslite"
	"structs"
	"unsafe"
)

func init() {
	// Try to set stdio to non-blocking mode before the os package
	// calls NewFile for each fd. NewFile queries the non-blocking flag
	// but doesn't change it, even if the runtime supports non-blocking
	// stdio. Since WebAssembly modules are single-threaded, blocking
	// system calls temporarily halt execution of the module. If the
	// runtime supports non-blocking stdio, the Go runtime is able to
	// use the WASI net poller to poll for read/write readiness and is
	// able to schedule goroutines while waiting.
	SetNonblock(0, true)
	SetNonblock(1, true)
	SetNonblock(2, true)
}

type uintptr32 = uint32
type size = uint32
type fdflags = uint32
type filesize = uint64
type filetype = uint8
type lookupflags = uint32
type oflags = uint32
type rights = uint64
type timestamp = uint64
type dircookie = uint64
type filedelta = int64
type fstflags = uint32

const (
	LOOKUP_SYMLINK_FOLLOW = 0x00000001
)

const (
	OFLAG_CREATE    = 0x0001
	OFLAG_DIRECTORY = 0x0002
	OFLAG_EXCL      = 0x0004
	OFLAG_TRUNC     = 0x0008
)

const (
	FDFLAG_APPEND   = 0x0001
	FDFLAG_DSYNC    = 0x0002
	FDFLAG_NONBLOCK = 0x0004
	FDFLAG_RSYNC    = 0x0008
	FDFLAG_SYNC     = 0x0010
)

const (
	RIGHT_FD_DATASYNC = 1 << iota
	RIGHT_FD_READ
	RIGHT_FD_SEEK
	RIGHT_FDSTAT_SET_FLAGS
	RIGHT_FD_SYNC
	RIGHT_FD_TELL
	RIGHT_FD_WRITE
	RIGHT_FD_ADVISE
	RIGHT_FD_ALLOCATE
	RIGHT_PATH_CREATE_DIRECTORY
	RIGHT_PATH_CREATE_FILE
	RIGHT_PATH_LINK_SOURCE
	RIGHT_PATH_LINK_TARGET
	RIGHT_PATH_OPEN
	RIGHT_FD_READDIR
	RIGHT_PATH_READLINK
	RIGHT_PATH_RENAME_SOURCE
	RIGHT_PATH_RENAME_TARGET
	RIGHT_PATH_FILESTAT_GET
	RIGHT_PATH_FILESTAT_SET_SIZE
	RIGHT_PATH_FILESTAT_SET_TIMES
	RIGHT_FD_FILESTAT_GET
	RIGHT_FD_FILESTAT_SET_SIZE
	RIGHT_FD_FILESTAT_SET_TIMES
	RIGHT_PATH_SYMLINK
	RIGHT_PATH_REMOVE_DIRECTORY
	RIGHT_PATH_UNLINK_FILE
	RIGHT_POLL_FD_READWRITE
	RIGHT_SOCK_SHUTDOWN
	RIGHT_SOCK_ACCEPT
)

const (
	WHENCE_SET = 0
	WHENCE_CUR = 1
	WHENCE_END = 2
)

const (
	FILESTAT_SET_ATIM     = 0x0001
	FILESTAT_SET_ATIM_NOW = 0x0002
	FILESTAT_SET_MTIM     = 0x0004
	FILESTAT_SET_MTIM_NOW = 0x0008
)

const (
	// Despite the rights being defined as a 64 bits integer in the spec,
	// wasmtime crashes the program if we set any of the upper 32 bits.
	fullRights  = rights(^uint32(0))
	readRights  = rights(RIGHT_FD_READ | RIGHT_FD_READDIR)
	writeRights = rights(RIGHT_FD_DATASYNC | RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_PATH_FILESTAT_SET_SIZE)

	// Some runtimes have very strict expectations when it comes to which
	// rights can be enabled on files opened by path_open. The fileRights
	// constant is used as a mask to retain only bits for operations that
	// are supported on files.
	fileRights rights = RIGHT_FD_DATASYNC |
		RIGHT_FD_READ |
		RIGHT_FD_SEEK |
		RIGHT_FDSTAT_SET_FLAGS |
		RIGHT_FD_SYNC |
		RIGHT_FD_TELL |
		RIGHT_FD_WRITE |
		RIGHT_FD_ADVISE |
		RIGHT_FD_ALLOCATE |
		RIGHT_PATH_CREATE_DIRECTORY |
		RIGHT_PATH_CREATE_FILE |
		RIGHT_PATH_LINK_SOURCE |
		RIGHT_PATH_LINK_TARGET |
		RIGHT_PATH_OPEN |
		RIGHT_FD_READDIR |
		RIGHT_PATH_READLINK |
		RIGHT_PATH_RENAME_SOURCE |
		RIGHT_PATH_RENAME_TARGET |
		RIGHT_PATH_FILESTAT_GET |
		RIGHT_PATH_FILESTAT_SET_SIZE |
		RIGHT_PATH_FILESTAT_SET_TIMES |
		RIGHT_FD_FILESTAT_GET |
		RIGHT_FD_FILESTAT_SET_SIZE |
		RIGHT_FD_FILESTAT_SET_TIMES |
		RIGHT_PATH_SYMLINK |
		RIGHT_PATH_REMOVE_DIRECTORY |
		RIGHT_PATH_UNLINK_FILE |
		RIGHT_POLL_FD_READWRITE

	// Runtimes like wasmtime and wasmedge will refuse to open directories
	// if the rights requested by the application exceed the operations that
	// can be performed on a directory.
	dirRights rights = RIGHT_FD_SEEK |
		RIGHT_FDSTAT_SET_FLAGS |
		RIGHT_FD_SYNC |
		RIGHT_PATH_CREATE_DIRECTORY |
		RIGHT_PATH_CREATE_FILE |
		RIGHT_PATH_LINK_SOURCE |
		RIGHT_PATH_LINK_TARGET |
		RIGHT_PATH_OPEN |
		RIGHT_FD_READDIR |
		RIGHT_PATH_READLINK |
		RIGHT_PATH_RENAME_SOURCE |
		RIGHT_PATH_RENAME_TARGET |
		RIGHT_PATH_FILESTAT_GET |
		RIGHT_PATH_FILESTAT_SET_SIZE |
		RIGHT_PATH_FILESTAT_SET_TIMES |
		RIGHT_FD_FILESTAT_GET |
		RIGHT_FD_FILESTAT_SET_TIMES |
		RIGHT_PATH_SYMLINK |
		RIGHT_PATH_REMOVE_DIRECTORY |
		RIGHT_PATH_UNLINK_FILE
)

//go:wasmimport gowasm fs_preopen
func hostPreopen(i int32) []byte

//go:wasmimport gowasm path_open
func hostPathOpen(dir int32, path string, oflags int32, access int32, perm int32) int32

//go:wasmimport gowasm fd_close
func hostFdClose(fd int32) int32

//go:wasmimport gowasm fd_read
func hostFdRead(fd int32, b []byte) int32

//go:wasmimport gowasm fd_pread
func hostFdPread(fd int32, b []byte, at int64) int32

//go:wasmimport gowasm fd_pwrite
func hostFdPwrite(fd int32, b []byte, at int64) int32

//go:wasmimport gowasm fd_seek
func hostFdSeek(fd int32, offset int64, whence int32) int64

//go:wasmimport gowasm fd_stat
func hostFdStat(fd int32, rec []byte) int32

//go:wasmimport gowasm path_stat
func hostPathStat(dir int32, path string, follow int32, rec []byte) int32

//go:wasmimport gowasm fd_readdir
func hostFdReaddir(fd int32, b []byte, cookie int64) int32

//go:wasmimport gowasm path_mkdir
func hostPathMkdir(dir int32, path string, perm int32) int32

//go:wasmimport gowasm path_unlink
func hostPathUnlink(dir int32, path string) int32

//go:wasmimport gowasm path_rmdir
func hostPathRmdir(dir int32, path string) int32

//go:wasmimport gowasm path_rename
func hostPathRename(dir int32, path string, newDir int32, newPath string) int32

//go:wasmimport gowasm path_link
func hostPathLink(dir int32, path string, newDir int32, newPath string) int32

//go:wasmimport gowasm path_symlink
func hostPathSymlink(target string, dir int32, path string) int32

//go:wasmimport gowasm path_readlink
func hostPathReadlink(dir int32, path string, buf []byte) int32

//go:wasmimport gowasm fd_truncate
func hostFdTruncate(fd int32, size int64) int32

//go:wasmimport gowasm fd_sync
func hostFdSync(fd int32) int32

// hostAccess flags of path_open.
const (
	accessRead     = 1
	accessWrite    = 2
	accessAppend   = 4
	accessNoFollow = 8
)

// result turns a host function's result (a value, or a negative errno)
// into Go's.
func result(r int64) (int64, error) {
	if r < 0 {
		return 0, Errno(-r)
	}
	return r, nil
}

func status(r int32) error {
	_, err := result(int64(r))
	return err
}

// statRecord is the host's stat record: dev, ino, file type, nlink, size,
// atime, mtime, ctime and mode, little-endian u64s.
type statRecord [72]byte

func (r *statRecord) field(i int) uint64 {
	b := r[8*i:]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (r *statRecord) fill(st *Stat_t) {
	*st = Stat_t{
		Dev:      r.field(0),
		Ino:      r.field(1),
		Filetype: uint8(r.field(2)),
		Nlink:    r.field(3),
		Size:     r.field(4),
		Atime:    r.field(5),
		Mtime:    r.field(6),
		Ctime:    r.field(7),
		// The permission bits: os adds the file type itself.
		Mode: int(r.field(8) & 0o777),
	}
}

// https://github.com/WebAssembly/WASI/blob/a2b96e81c0586125cc4dc79a5be0b78d9a059925/legacy/preview1/docs.md#-fdstat-record
// fdflags must be at offset 2, hence the uint16 type rather than the
// fdflags (uint32) type.
type fdstat struct {
	_                structs.HostLayout
	filetype         filetype
	fdflags          uint16
	rightsBase       rights
	rightsInheriting rights
}

func fd_fdstat_get(fd int32, buf *fdstat) Errno {
	if fd <= 2 {
		buf.filetype = FILETYPE_CHARACTER_DEVICE
		return 0
	}
	var st Stat_t
	if err := Fstat(int(fd), &st); err != nil {
		return err.(Errno)
	}
	buf.filetype = st.Filetype
	return 0
}

// fd_fdstat_set_flags can only make a socket non-blocking, which host
// sockets always are.
func fd_fdstat_set_flags(fd int32, flags fdflags) Errno {
	var st Stat_t
	if flags == FDFLAG_NONBLOCK && Fstat(int(fd), &st) == nil &&
		(st.Filetype == FILETYPE_SOCKET_STREAM || st.Filetype == FILETYPE_SOCKET_DGRAM) {
		return 0
	}
	return ENOSYS
}

// fd_fdstat_get_flags is accessed from internal/syscall/unix
//go:linkname fd_fdstat_get_flags

func fd_fdstat_get_flags(fd int) (uint32, error) {
	var stat fdstat
	errno := fd_fdstat_get(int32(fd), &stat)
	return uint32(stat.fdflags), errnoErr(errno)
}

// fd_fdstat_get_type is accessed from net
//go:linkname fd_fdstat_get_type

func fd_fdstat_get_type(fd int) (uint8, error) {
	var stat fdstat
	errno := fd_fdstat_get(int32(fd), &stat)
	return stat.filetype, errnoErr(errno)
}

type opendir struct {
	fd   int32
	name string
}

// List of preopen directories that were exposed by the runtime. The first one
// is assumed to the be root directory of the file system, and others are seen
// as mount points at sub paths of the root.
var preopens []opendir

// Current working directory. We maintain this as a string and resolve paths in
// the code because wasmtime does not allow relative path lookups outside of the
// scope of a directory; a previous approach we tried consisted in maintaining
// open a file descriptor to the current directory so we could perform relative
// path lookups from that location, but it resulted in breaking path resolution
// from the current directory to its parent.
var cwd string

func init() {
	// Granted directories have descriptors 3, 4, ...
	for i := int32(0); ; i++ {
		name := hostPreopen(i)
		if name == nil {
			break
		}
		preopens = append(preopens, opendir{fd: 3 + i, name: string(name)})
	}

	if cwd, _ = Getenv("PWD"); cwd != "" {
		cwd = joinPath("/", cwd)
	} else if len(preopens) > 0 {
		cwd = preopens[0].name
	}
}

// Provided by package runtime.
func now() (sec int64, nsec int32)

//go:nosplit
func appendCleanPath(buf []byte, path string, lookupParent bool) ([]byte, bool) {
	i := 0
	for i < len(path) {
		for i < len(path) && path[i] == '/' {
			i++
		}

		j := i
		for j < len(path) && path[j] != '/' {
			j++
		}

		s := path[i:j]
		i = j

		switch s {
		case "":
			continue
		case ".":
			continue
		case "..":
			if !lookupParent {
				k := len(buf)
				for k > 0 && buf[k-1] != '/' {
					k--
				}
				for k > 1 && buf[k-1] == '/' {
					k--
				}
				buf = buf[:k]
				if k == 0 {
					lookupParent = true
				} else {
					s = ""
					continue
				}
			}
		default:
			lookupParent = false
		}

		if len(buf) > 0 && buf[len(buf)-1] != '/' {
			buf = append(buf, '/')
		}
		buf = append(buf, s...)
	}
	return buf, lookupParent
}

// joinPath concatenates dir and file paths, producing a cleaned path where
// "." and ".." have been removed, unless dir is relative and the references
// to parent directories in file represented a location relative to a parent
// of dir.
//
// This function is used for path resolution of all wasi functions expecting
// a path argument; the returned string is heap allocated, which we may want
// to optimize in the future. Instead of returning a string, the function
// could append the result to an output buffer that the functions in this
// file can manage to have allocated on the stack (e.g. initializing to a
// fixed capacity). Since it will significantly increase code complexity,
// we prefer to optimize for readability and maintainability at this time.
func joinPath(dir, file string) string {
	buf := make([]byte, 0, len(dir)+len(file)+1)
	if isAbs(dir) {
		buf = append(buf, '/')
	}
	buf, lookupParent := appendCleanPath(buf, dir, false)
	buf, _ = appendCleanPath(buf, file, lookupParent)
	// The appendCleanPath function cleans the path so it does not inject
	// references to the current directory. If both the dir and file args
	// were ".", this results in the output buffer being empty so we handle
	// this condition here.
	if len(buf) == 0 {
		buf = append(buf, '.')
	}
	// If the file ended with a '/' we make sure that the output also ends
	// with a '/'. This is needed to ensure that programs have a mechanism
	// to represent dereferencing symbolic links pointing to directories.
	if buf[len(buf)-1] != '/' && isDir(file) {
		buf = append(buf, '/')
	}
	return unsafe.String(&buf[0], len(buf))
}

func isAbs(path string) bool {
	return stringslite.HasPrefix(path, "/")
}

// inDir reports whether path is dir or inside it (gowasm: gc's wasip1
// code matches any prefix, so /tmp/ab resolved in a grant of /tmp/a).
func inDir(path, dir string) bool {
	return stringslite.HasPrefix(path, dir) &&
		(len(path) == len(dir) || dir[len(dir)-1] == '/' || path[len(dir)] == '/')
}

func isDir(path string) bool {
	return stringslite.HasSuffix(path, "/")
}

// preparePath returns the preopen file descriptor of the directory to perform
// path resolution from, along with the relative expression of path from the
// directory.
//
// If the path argument is not absolute, it is first appended to the current
// working directory before resolution.
func preparePath(path string) (int32, string) {
	var dirFd = int32(-1)
	var dirName string

	dir := "/"
	if !isAbs(path) {
		dir = cwd
	}
	path = joinPath(dir, path)

	for _, p := range preopens {
		if len(p.name) > len(dirName) && inDir(path, p.name) {
			dirFd, dirName = p.fd, p.name
		}
	}

	path = path[len(dirName):]
	for isAbs(path) {
		path = path[1:]
	}
	if len(path) == 0 {
		path = "."
	}

	return dirFd, path
}

func Open(path string, openmode int, perm uint32) (int, error) {
	if path == "" {
		return -1, EINVAL
	}
	dirFd, rel := preparePath(path)
	return Openat(int(dirFd), rel, openmode, perm)
}

func Openat(dirFd int, path string, openmode int, perm uint32) (int, error) {
	var oflags int32
	if (openmode & O_CREATE) != 0 {
		oflags |= OFLAG_CREATE
	}
	if (openmode & O_TRUNC) != 0 {
		oflags |= OFLAG_TRUNC
	}
	if (openmode & O_EXCL) != 0 {
		oflags |= OFLAG_EXCL
	}
	var access int32
	switch openmode & (O_RDONLY | O_WRONLY | O_RDWR) {
	case O_RDONLY:
		access = accessRead
	case O_WRONLY:
		access = accessWrite
	case O_RDWR:
		access = accessRead | accessWrite
	}
	if (openmode & O_DIRECTORY) != 0 {
		if openmode&(O_WRONLY|O_RDWR) != 0 {
			return -1, EISDIR
		}
		oflags |= OFLAG_DIRECTORY
	}
	if (openmode & O_APPEND) != 0 {
		access |= accessAppend
	}
	if openmode&O_NOFOLLOW != 0 {
		access |= accessNoFollow
	}
	fd, err := result(int64(hostPathOpen(int32(dirFd), path, oflags, access, int32(perm))))
	if err != nil {
		return -1, err
	}
	return int(fd), nil
}

func Close(fd int) error {
	return status(hostFdClose(int32(fd)))
}

func CloseOnExec(fd int) {
	// nothing to do - no exec
}

func Mkdir(path string, perm uint32) error {
	if path == "" {
		return EINVAL
	}
	dirFd, rel := preparePath(path)
	return mkdirat(int(dirFd), rel, perm)
}

func ReadDir(fd int, buf []byte, cookie dircookie) (int, error) {
	n, err := result(int64(hostFdReaddir(int32(fd), buf, int64(cookie))))
	return int(n), err
}

type Stat_t struct {
	Dev      uint64
	Ino      uint64
	Filetype uint8
	Nlink    uint64
	Size     uint64
	Atime    uint64
	Mtime    uint64
	Ctime    uint64

	Mode int

	// Uid and Gid are always zero on wasip1 platforms
	Uid uint32
	Gid uint32
}

func Stat(path string, st *Stat_t) error {
	return stat(path, st, true)
}

func Lstat(path string, st *Stat_t) error {
	return stat(path, st, false)
}

func stat(path string, st *Stat_t, follow bool) error {
	if path == "" {
		return EINVAL
	}
	dirFd, rel := preparePath(path)
	return fstatat(int(dirFd), rel, st, follow)
}

func Fstat(fd int, st *Stat_t) error {
	var rec statRecord
	if err := status(hostFdStat(int32(fd), rec[:])); err != nil {
		return err
	}
	rec.fill(st)
	return nil
}

func Unlink(path string) error {
	if path == "" {
		return EINVAL
	}
	dirFd, rel := preparePath(path)
	return unlinkat(int(dirFd), rel, false)
}

func Rmdir(path string) error {
	if path == "" {
		return EINVAL
	}
	dirFd, rel := preparePath(path)
	return unlinkat(int(dirFd), rel, true)
}

func Chmod(path string, mode uint32) error {
	var stat Stat_t
	return Stat(path, &stat)
}

func Fchmod(fd int, mode uint32) error {
	var stat Stat_t
	return Fstat(fd, &stat)
}

func Chown(path string, uid, gid int) error {
	return ENOSYS
}

func Fchown(fd int, uid, gid int) error {
	return ENOSYS
}

func Lchown(path string, uid, gid int) error {
	return ENOSYS
}

// UtimesNano is not in the host ABI yet.
func UtimesNano(path string, ts []Timespec) error {
	return ENOSYS
}

func Rename(from, to string) error {
	if from == "" || to == "" {
		return EINVAL
	}
	oldDirFd, oldRel := preparePath(from)
	newDirFd, newRel := preparePath(to)
	return renameat(int(oldDirFd), oldRel, int(newDirFd), newRel)
}

func Truncate(path string, length int64) error {
	if path == "" {
		return EINVAL
	}
	fd, err := Open(path, O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer Close(fd)
	return Ftruncate(fd, length)
}

func Ftruncate(fd int, length int64) error {
	return status(hostFdTruncate(int32(fd), length))
}

const ImplementsGetwd = true

func Getwd() (string, error) {
	return cwd, nil
}

func Chdir(path string) error {
	if path == "" {
		return EINVAL
	}

	dir := "/"
	if !isAbs(path) {
		dir = cwd
	}
	path = joinPath(dir, path)

	var stat Stat_t
	if err := Stat(path, &stat); err != nil {
		return err
	}
	if stat.Filetype != FILETYPE_DIRECTORY {
		return ENOTDIR
	}
	cwd = path
	return nil
}

func Readlink(path string, buf []byte) (n int, err error) {
	if path == "" {
		return 0, EINVAL
	}
	if len(buf) == 0 {
		return 0, nil
	}
	dirFd, rel := preparePath(path)
	return readlinkat(int(dirFd), rel, buf)
}

func Link(path, link string) error {
	if path == "" || link == "" {
		return EINVAL
	}
	oldDirFd, oldRel := preparePath(path)
	newDirFd, newRel := preparePath(link)
	return linkat(int(oldDirFd), oldRel, int(newDirFd), newRel)
}

func Symlink(path, link string) error {
	if path == "" || link == "" {
		return EINVAL
	}
	dirFd, rel := preparePath(link)
	return symlinkat(path, int(dirFd), rel)
}

// The directory-relative operations, which internal/syscall/unix's *at
// functions (os.Root, os.RemoveAll) use too.

func mkdirat(dirfd int, path string, perm uint32) error {
	return status(hostPathMkdir(int32(dirfd), path, int32(perm)))
}

func fstatat(dirfd int, path string, st *Stat_t, follow bool) error {
	var rec statRecord
	var f int32
	if follow {
		f = 1
	}
	if err := status(hostPathStat(int32(dirfd), path, f, rec[:])); err != nil {
		return err
	}
	rec.fill(st)
	return nil
}

func unlinkat(dirfd int, path string, dir bool) error {
	if dir {
		return status(hostPathRmdir(int32(dirfd), path))
	}
	return status(hostPathUnlink(int32(dirfd), path))
}

func renameat(olddirfd int, oldpath string, newdirfd int, newpath string) error {
	return status(hostPathRename(int32(olddirfd), oldpath, int32(newdirfd), newpath))
}

func linkat(olddirfd int, oldpath string, newdirfd int, newpath string) error {
	return status(hostPathLink(int32(olddirfd), oldpath, int32(newdirfd), newpath))
}

func symlinkat(target string, dirfd int, path string) error {
	return status(hostPathSymlink(target, int32(dirfd), path))
}

func readlinkat(dirfd int, path string, buf []byte) (int, error) {
	r, err := result(int64(hostPathReadlink(int32(dirfd), path, buf)))
	if err == ERANGE {
		// os.Readlink takes n == len(buf) as "try a larger buffer".
		return len(buf), nil
	}
	return int(r), err
}

func Fsync(fd int) error {
	return status(hostFdSync(int32(fd)))
}

func Read(fd int, b []byte) (int, error) {
	// Empty slices may have no array to pass.
	if len(b) == 0 {
		return 0, nil
	}
	var n int32
	if fd == 0 {
		n = runtimeRead(int32(fd), b)
	} else {
		n = hostFdRead(int32(fd), b)
	}
	r, err := result(int64(n))
	return int(r), err
}

func Write(fd int, b []byte) (int, error) {
	// Even an empty write goes to the host: on a datagram socket it sends
	// an empty datagram.
	r, err := result(int64(hostWrite(int32(fd), b)))
	return int(r), err
}

func Pread(fd int, b []byte, offset int64) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	r, err := result(int64(hostFdPread(int32(fd), b, offset)))
	return int(r), err
}

func Pwrite(fd int, b []byte, offset int64) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	r, err := result(int64(hostFdPwrite(int32(fd), b, offset)))
	return int(r), err
}

func Seek(fd int, offset int64, whence int) (int64, error) {
	return result(hostFdSeek(int32(fd), offset, int32(whence)))
}

func Dup(fd int) (int, error) {
	return 0, ENOSYS
}

func Dup2(fd, newfd int) error {
	return ENOSYS
}

func Pipe(fd []int) error {
	return ENOSYS
}

func RandomGet(b []byte) error {
	if n := hostRandom(b); n < 0 {
		return Errno(-n)
	}
	return nil
}
