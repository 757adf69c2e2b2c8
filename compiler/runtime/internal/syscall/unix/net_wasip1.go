// Copyright 2026 The gowasm Authors. All rights reserved.

//go:build wasip1

// gowasm: replaces $GOROOT/src/internal/syscall/unix/net_wasip1.go
// (ENOSYS stubs): the address-family-specific calls internal/poll makes
// for UDP are syscall's, which reach the host's sockets.

package unix

import "syscall"

func RecvfromInet4(fd int, p []byte, flags int, from *syscall.SockaddrInet4) (int, error) {
	n, sa, err := syscall.Recvfrom(fd, p, flags)
	if sa, ok := sa.(*syscall.SockaddrInet4); ok {
		*from = *sa
	}
	return n, err
}

func RecvfromInet6(fd int, p []byte, flags int, from *syscall.SockaddrInet6) (n int, err error) {
	n, sa, err := syscall.Recvfrom(fd, p, flags)
	if sa, ok := sa.(*syscall.SockaddrInet6); ok {
		*from = *sa
	}
	return n, err
}

func SendtoInet4(fd int, p []byte, flags int, to *syscall.SockaddrInet4) (err error) {
	return syscall.Sendto(fd, p, flags, to)
}

func SendtoInet6(fd int, p []byte, flags int, to *syscall.SockaddrInet6) (err error) {
	return syscall.Sendto(fd, p, flags, to)
}

func SendmsgNInet4(fd int, p, oob []byte, to *syscall.SockaddrInet4, flags int) (n int, err error) {
	return syscall.SendmsgN(fd, p, oob, to, flags)
}

func SendmsgNInet6(fd int, p, oob []byte, to *syscall.SockaddrInet6, flags int) (n int, err error) {
	return syscall.SendmsgN(fd, p, oob, to, flags)
}

func RecvmsgInet4(fd int, p, oob []byte, flags int, from *syscall.SockaddrInet4) (n, oobn int, recvflags int, err error) {
	n, err = RecvfromInet4(fd, p, flags, from)
	return n, 0, 0, err
}

func RecvmsgInet6(fd int, p, oob []byte, flags int, from *syscall.SockaddrInet6) (n, oobn int, recvflags int, err error) {
	n, err = RecvfromInet6(fd, p, flags, from)
	return n, 0, 0, err
}
