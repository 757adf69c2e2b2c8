// Copyright 2020 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

//go:build wasip1

// gowasm: $GOROOT/src/internal/syscall/unix/at_wasip1.go over package
// syscall's directory-relative operations (the gowasm host ABI) instead of
// wasi_snapshot_preview1 imports, which take linear-memory pointers.

package unix

import (
	"syscall"
	_ "unsafe" // for go:linkname
)

// The values of these constants are not part of the WASI API.
const (
	// UTIME_OMIT is the sentinel value to indicate that a time value should not
	// be changed. It is useful for example to indicate for example with UtimesNano
	// to avoid changing AccessTime or ModifiedTime.
	// Its value must match syscall/fs_wasip1.go
	UTIME_OMIT = -0x2

	AT_REMOVEDIR        = 0x200
	AT_SYMLINK_NOFOLLOW = 0x100
)

func Unlinkat(dirfd int, path string, flags int) error {
	return unlinkat(dirfd, path, flags&AT_REMOVEDIR != 0)
}

func Openat(dirfd int, path string, flags int, perm uint32) (int, error) {
	return syscall.Openat(dirfd, path, flags, perm)
}

func Fstatat(dirfd int, path string, stat *syscall.Stat_t, flags int) error {
	return fstatat(dirfd, path, stat, flags&AT_SYMLINK_NOFOLLOW == 0)
}

func Readlinkat(dirfd int, path string, buf []byte) (int, error) {
	return readlinkat(dirfd, path, buf)
}

func Mkdirat(dirfd int, path string, mode uint32) error {
	if path == "" {
		return syscall.EINVAL
	}
	return mkdirat(dirfd, path, mode)
}

func Fchmodat(dirfd int, path string, mode uint32, flags int) error {
	// WASI preview 1 doesn't support changing file modes.
	return syscall.ENOSYS
}

func Fchownat(dirfd int, path string, uid, gid int, flags int) error {
	// WASI preview 1 doesn't support changing file ownership.
	return syscall.ENOSYS
}

func Renameat(olddirfd int, oldpath string, newdirfd int, newpath string) error {
	if oldpath == "" || newpath == "" {
		return syscall.EINVAL
	}
	return renameat(olddirfd, oldpath, newdirfd, newpath)
}

func Linkat(olddirfd int, oldpath string, newdirfd int, newpath string, flag int) error {
	if oldpath == "" || newpath == "" {
		return syscall.EINVAL
	}
	return linkat(olddirfd, oldpath, newdirfd, newpath)
}

func Symlinkat(oldpath string, newdirfd int, newpath string) error {
	if oldpath == "" || newpath == "" {
		return syscall.EINVAL
	}
	return symlinkat(oldpath, newdirfd, newpath)
}

// The syscall package's directory-relative operations on the host ABI.

//go:linkname unlinkat syscall.unlinkat
func unlinkat(dirfd int, path string, dir bool) error

//go:linkname fstatat syscall.fstatat
func fstatat(dirfd int, path string, st *syscall.Stat_t, follow bool) error

//go:linkname readlinkat syscall.readlinkat
func readlinkat(dirfd int, path string, buf []byte) (int, error)

//go:linkname mkdirat syscall.mkdirat
func mkdirat(dirfd int, path string, perm uint32) error

//go:linkname renameat syscall.renameat
func renameat(olddirfd int, oldpath string, newdirfd int, newpath string) error

//go:linkname linkat syscall.linkat
func linkat(olddirfd int, oldpath string, newdirfd int, newpath string) error

//go:linkname symlinkat syscall.symlinkat
func symlinkat(target string, dirfd int, path string) error

func errnoErr(errno syscall.Errno) error {
	if errno == 0 {
		return nil
	}
	return errno
}
