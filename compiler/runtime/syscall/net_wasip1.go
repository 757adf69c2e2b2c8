// Copyright 2026 The gowasm Authors. All rights reserved.

//go:build wasip1

// gowasm: replaces $GOROOT/src/syscall/net_wasip1.go. Sockets are the
// host's (docs/abi.md, "Sockets"), in the same descriptor table as
// files: read and written with Read and Write, always non-blocking,
// registered with the runtime's poller by internal/poll.

package syscall

import "internal/byteorder"

const (
	SHUT_RD   = 0x0
	SHUT_WR   = 0x1
	SHUT_RDWR = 0x2
)

//go:wasmimport gowasm sock_open
func hostSockOpen(family, sotype, proto int32) int32

//go:wasmimport gowasm sock_bind
func hostSockBind(fd int32, addr []byte) int32

//go:wasmimport gowasm sock_listen
func hostSockListen(fd int32, backlog int32) int32

//go:wasmimport gowasm sock_accept
func hostSockAccept(fd int32, peer []byte) int32

//go:wasmimport gowasm sock_connect
func hostSockConnect(fd int32, addr []byte) int32

//go:wasmimport gowasm sock_addr
func hostSockAddr(fd int32, peer int32, addr []byte) int32

//go:wasmimport gowasm sock_getopt
func hostSockGetopt(fd, level, name int32) int64

//go:wasmimport gowasm sock_setopt
func hostSockSetopt(fd, level, name, value int32) int32

//go:wasmimport gowasm sock_recvfrom
func hostSockRecvfrom(fd int32, b []byte, flags int32, from []byte) int32

//go:wasmimport gowasm sock_sendto
func hostSockSendto(fd int32, b []byte, flags int32, to []byte) int32

//go:wasmimport gowasm sock_shutdown
func hostSockShutdown(fd, how int32) int32

// addrSize is the size of the ABI's address record: family (u16), port
// (u16), IPv6 zone (u32), address (16 bytes, IPv4 in the first 4); little
// endian.
const addrSize = 24

type addrRecord [addrSize]byte

func (r *addrRecord) encode(sa Sockaddr) error {
	switch sa := sa.(type) {
	case *SockaddrInet4:
		if sa.Port < 0 || sa.Port > 0xffff {
			return EINVAL
		}
		byteorder.LEPutUint16(r[0:], AF_INET)
		byteorder.LEPutUint16(r[2:], uint16(sa.Port))
		copy(r[8:], sa.Addr[:])
	case *SockaddrInet6:
		if sa.Port < 0 || sa.Port > 0xffff {
			return EINVAL
		}
		byteorder.LEPutUint16(r[0:], AF_INET6)
		byteorder.LEPutUint16(r[2:], uint16(sa.Port))
		byteorder.LEPutUint32(r[4:], sa.ZoneId)
		copy(r[8:], sa.Addr[:])
	default:
		return EAFNOSUPPORT
	}
	return nil
}

func (r *addrRecord) decode() Sockaddr {
	port := int(byteorder.LEUint16(r[2:]))
	switch byteorder.LEUint16(r[0:]) {
	case AF_INET:
		sa := &SockaddrInet4{Port: port}
		copy(sa.Addr[:], r[8:12])
		return sa
	case AF_INET6:
		sa := &SockaddrInet6{Port: port, ZoneId: byteorder.LEUint32(r[4:])}
		copy(sa.Addr[:], r[8:24])
		return sa
	}
	return nil
}

// runtimeSocketMade tells the runtime that the program uses sockets: its
// poller serves internal/poll from then on (provided by the runtime).
func runtimeSocketMade()

func Socket(domain, typ, proto int) (fd int, err error) {
	runtimeSocketMade()
	typ &^= SOCK_NONBLOCK | SOCK_CLOEXEC
	r, err := result(int64(hostSockOpen(int32(domain), int32(typ), int32(proto))))
	return int(r), err
}

func Bind(fd int, sa Sockaddr) error {
	var r addrRecord
	if err := r.encode(sa); err != nil {
		return err
	}
	return status(hostSockBind(int32(fd), r[:]))
}

func StopIO(fd int) error {
	return ENOSYS
}

func Listen(fd int, backlog int) error {
	return status(hostSockListen(int32(fd), int32(backlog)))
}

func Accept(fd int) (int, Sockaddr, error) {
	var r addrRecord
	nfd, err := result(int64(hostSockAccept(int32(fd), r[:])))
	if err != nil {
		return -1, nil, err
	}
	return int(nfd), r.decode(), nil
}

func Connect(fd int, sa Sockaddr) error {
	var r addrRecord
	if err := r.encode(sa); err != nil {
		return err
	}
	return status(hostSockConnect(int32(fd), r[:]))
}

func sockAddr(fd int, peer int32) (Sockaddr, error) {
	var r addrRecord
	if err := status(hostSockAddr(int32(fd), peer, r[:])); err != nil {
		return nil, err
	}
	return r.decode(), nil
}

func Getsockname(fd int) (Sockaddr, error) { return sockAddr(fd, 0) }

func Getpeername(fd int) (Sockaddr, error) { return sockAddr(fd, 1) }

func Recvfrom(fd int, p []byte, flags int) (n int, from Sockaddr, err error) {
	var r addrRecord
	m, err := result(int64(hostSockRecvfrom(int32(fd), p, int32(flags), r[:])))
	if err != nil {
		return 0, nil, err
	}
	return int(m), r.decode(), nil
}

func Sendto(fd int, p []byte, flags int, to Sockaddr) error {
	_, err := sendto(fd, p, flags, to)
	return err
}

// sendto sends to the given address, or to the connected peer when to is
// nil.
func sendto(fd int, p []byte, flags int, to Sockaddr) (int, error) {
	var rec []byte
	if to != nil {
		var r addrRecord
		if err := r.encode(to); err != nil {
			return 0, err
		}
		rec = r[:]
	}
	n, err := result(int64(hostSockSendto(int32(fd), p, int32(flags), rec)))
	return int(n), err
}

// Recvmsg and SendmsgN carry no control messages: the host ABI has none.

func Recvmsg(fd int, p, oob []byte, flags int) (n, oobn, recvflags int, from Sockaddr, err error) {
	n, from, err = Recvfrom(fd, p, flags)
	return n, 0, 0, from, err
}

func SendmsgN(fd int, p, oob []byte, to Sockaddr, flags int) (n int, err error) {
	if len(oob) > 0 {
		return 0, EOPNOTSUPP
	}
	return sendto(fd, p, flags, to)
}

func GetsockoptInt(fd, level, opt int) (value int, err error) {
	r, err := result(hostSockGetopt(int32(fd), int32(level), int32(opt)))
	return int(r), err
}

func SetsockoptInt(fd, level, opt int, value int) error {
	return status(hostSockSetopt(int32(fd), int32(level), int32(opt), int32(value)))
}

// SetsockoptLinger passes the linger time, or -1 for off.
func SetsockoptLinger(fd, level, opt int, l *Linger) error {
	v := int32(-1)
	if l.Onoff != 0 {
		v = l.Linger
	}
	return status(hostSockSetopt(int32(fd), int32(level), int32(opt), v))
}

// SetsockoptInet4Addr sets multicast options, which the host does not
// offer (net's multicast socket options are wasip1's stubs).
func SetsockoptInet4Addr(fd, level, opt int, value [4]byte) error {
	return ENOPROTOOPT
}

func SetReadDeadline(fd int, t int64) error {
	return ENOSYS
}

func SetWriteDeadline(fd int, t int64) error {
	return ENOSYS
}

func Shutdown(fd int, how int) error {
	return status(hostSockShutdown(int32(fd), int32(how)))
}
