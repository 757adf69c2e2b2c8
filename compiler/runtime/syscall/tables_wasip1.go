// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

//go:build wasip1

// gowasm: $GOROOT/src/syscall/tables_wasip1.go with the error strings of
// Linux (zerrors_linux_amd64.go) instead of WASI's capitalized ones: gowasm
// runs on Linux hosts and native Go on Linux is the oracle, so
// "open x: no such file or directory" reads as a native program's.

package syscall

import "runtime"

// TODO: Auto-generate some day. (Hard-coded in binaries so not likely to change.)
const (
	E2BIG           Errno = 1
	EACCES          Errno = 2
	EADDRINUSE      Errno = 3
	EADDRNOTAVAIL   Errno = 4
	EAFNOSUPPORT    Errno = 5
	EAGAIN          Errno = 6
	EALREADY        Errno = 7
	EBADF           Errno = 8
	EBADMSG         Errno = 9
	EBUSY           Errno = 10
	ECANCELED       Errno = 11
	ECHILD          Errno = 12
	ECONNABORTED    Errno = 13
	ECONNREFUSED    Errno = 14
	ECONNRESET      Errno = 15
	EDEADLK         Errno = 16
	EDESTADDRREQ    Errno = 17
	EDOM            Errno = 18
	EDQUOT          Errno = 19
	EEXIST          Errno = 20
	EFAULT          Errno = 21
	EFBIG           Errno = 22
	EHOSTUNREACH    Errno = 23
	EIDRM           Errno = 24
	EILSEQ          Errno = 25
	EINPROGRESS     Errno = 26
	EINTR           Errno = 27
	EINVAL          Errno = 28
	EIO             Errno = 29
	EISCONN         Errno = 30
	EISDIR          Errno = 31
	ELOOP           Errno = 32
	EMFILE          Errno = 33
	EMLINK          Errno = 34
	EMSGSIZE        Errno = 35
	EMULTIHOP       Errno = 36
	ENAMETOOLONG    Errno = 37
	ENETDOWN        Errno = 38
	ENETRESET       Errno = 39
	ENETUNREACH     Errno = 40
	ENFILE          Errno = 41
	ENOBUFS         Errno = 42
	ENODEV          Errno = 43
	ENOENT          Errno = 44
	ENOEXEC         Errno = 45
	ENOLCK          Errno = 46
	ENOLINK         Errno = 47
	ENOMEM          Errno = 48
	ENOMSG          Errno = 49
	ENOPROTOOPT     Errno = 50
	ENOSPC          Errno = 51
	ENOSYS          Errno = 52
	ENOTCONN        Errno = 53
	ENOTDIR         Errno = 54
	ENOTEMPTY       Errno = 55
	ENOTRECOVERABLE Errno = 56
	ENOTSOCK        Errno = 57
	ENOTSUP         Errno = 58
	ENOTTY          Errno = 59
	ENXIO           Errno = 60
	EOVERFLOW       Errno = 61
	EOWNERDEAD      Errno = 62
	EPERM           Errno = 63
	EPIPE           Errno = 64
	EPROTO          Errno = 65
	EPROTONOSUPPORT Errno = 66
	EPROTOTYPE      Errno = 67
	ERANGE          Errno = 68
	EROFS           Errno = 69
	ESPIPE          Errno = 70
	ESRCH           Errno = 71
	ESTALE          Errno = 72
	ETIMEDOUT       Errno = 73
	ETXTBSY         Errno = 74
	EXDEV           Errno = 75
	ENOTCAPABLE     Errno = 76
	EBADFD          Errno = 77
	// needed by src/net/error_unix_test.go
	EOPNOTSUPP = ENOTSUP
)

// TODO: Auto-generate some day. (Hard-coded in binaries so not likely to change.)
var errorstr = [...]string{
	E2BIG:           "argument list too long",
	EACCES:          "permission denied",
	EADDRINUSE:      "address already in use",
	EADDRNOTAVAIL:   "cannot assign requested address",
	EAFNOSUPPORT:    "address family not supported by protocol",
	EAGAIN:          "resource temporarily unavailable",
	EALREADY:        "operation already in progress",
	EBADF:           "bad file descriptor",
	EBADFD:          "file descriptor in bad state",
	EBADMSG:         "bad message",
	EBUSY:           "device or resource busy",
	ECANCELED:       "operation canceled",
	ECHILD:          "no child processes",
	ECONNABORTED:    "software caused connection abort",
	ECONNREFUSED:    "connection refused",
	ECONNRESET:      "connection reset by peer",
	EDEADLK:         "resource deadlock avoided",
	EDESTADDRREQ:    "destination address required",
	EDOM:            "numerical argument out of domain",
	EDQUOT:          "disk quota exceeded",
	EEXIST:          "file exists",
	EFAULT:          "bad address",
	EFBIG:           "file too large",
	EHOSTUNREACH:    "no route to host",
	EIDRM:           "identifier removed",
	EILSEQ:          "invalid or incomplete multibyte or wide character",
	EINPROGRESS:     "operation now in progress",
	EINTR:           "interrupted system call",
	EINVAL:          "invalid argument",
	EIO:             "input/output error",
	EISCONN:         "transport endpoint is already connected",
	EISDIR:          "is a directory",
	ELOOP:           "too many levels of symbolic links",
	EMFILE:          "too many open files",
	EMLINK:          "too many links",
	EMSGSIZE:        "message too long",
	EMULTIHOP:       "multihop attempted",
	ENAMETOOLONG:    "file name too long",
	ENETDOWN:        "network is down",
	ENETRESET:       "network dropped connection on reset",
	ENETUNREACH:     "network is unreachable",
	ENFILE:          "too many open files in system",
	ENOBUFS:         "no buffer space available",
	ENODEV:          "no such device",
	ENOENT:          "no such file or directory",
	ENOEXEC:         "exec format error",
	ENOLCK:          "no locks available",
	ENOLINK:         "link has been severed",
	ENOMEM:          "cannot allocate memory",
	ENOMSG:          "no message of desired type",
	ENOPROTOOPT:     "protocol not available",
	ENOSPC:          "no space left on device",
	ENOSYS:          "Not implemented on " + runtime.GOOS,
	ENOTCONN:        "transport endpoint is not connected",
	ENOTDIR:         "not a directory",
	ENOTEMPTY:       "directory not empty",
	ENOTRECOVERABLE: "state not recoverable",
	ENOTSOCK:        "socket operation on non-socket",
	ENOTSUP:         "operation not supported",
	ENOTTY:          "inappropriate ioctl for device",
	ENXIO:           "no such device or address",
	EOVERFLOW:       "value too large for defined data type",
	EOWNERDEAD:      "owner died",
	EPERM:           "operation not permitted",
	EPIPE:           "broken pipe",
	EPROTO:          "protocol error",
	EPROTONOSUPPORT: "protocol not supported",
	EPROTOTYPE:      "protocol wrong type for socket",
	ERANGE:          "numerical result out of range",
	EROFS:           "read-only file system",
	ESPIPE:          "illegal seek",
	ESRCH:           "no such process",
	ESTALE:          "stale file handle",
	ETIMEDOUT:       "connection timed out",
	ETXTBSY:         "text file busy",
	EXDEV:           "invalid cross-device link",
	ENOTCAPABLE:     "Capabilities insufficient",
}

// Do the interface allocations only once for common
// Errno values.
var (
	errEAGAIN error = EAGAIN
	errEINVAL error = EINVAL
	errENOENT error = ENOENT
)

// errnoErr returns common boxed Errno values, to prevent
// allocations at runtime.
//
// We set both noinline and nosplit to reduce code size, this function has many
// call sites in the syscall package, inlining it causes a significant increase
// of the compiled code; the function call ultimately does not make a difference
// in the performance of syscall functions since the time is dominated by calls
// to the imports and path resolution.
//
//go:noinline
//go:nosplit
func errnoErr(e Errno) error {
	switch e {
	case 0:
		return nil
	case EAGAIN:
		return errEAGAIN
	case EINVAL:
		return errEINVAL
	case ENOENT:
		return errENOENT
	}
	return e
}
