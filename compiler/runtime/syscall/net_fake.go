// Copyright 2026 The gowasm Authors. All rights reserved.

//go:build wasip1

// gowasm: replaces $GOROOT/src/syscall/net_fake.go. The socket constants
// are Linux's numbering, which is the host ABI's (docs/abi.md, "Sockets"):
// they cross the boundary as they are.

package syscall

const (
	AF_UNSPEC = 0x0
	AF_UNIX   = 0x1
	AF_INET   = 0x2
	AF_INET6  = 0xa
)

const (
	SOCK_STREAM    = 0x1
	SOCK_DGRAM     = 0x2
	SOCK_RAW       = 0x3
	SOCK_SEQPACKET = 0x5
	// Host sockets are always non-blocking and never inherited: the
	// flags are accepted and change nothing.
	SOCK_NONBLOCK = 0x800
	SOCK_CLOEXEC  = 0x80000
)

const (
	IPPROTO_IP   = 0x0
	IPPROTO_IPV4 = 0x4
	IPPROTO_IPV6 = 0x29
	IPPROTO_TCP  = 0x6
	IPPROTO_UDP  = 0x11
)

const (
	SOMAXCONN = 0x1000
)

const (
	SOL_SOCKET    = 0x1
	SO_REUSEADDR  = 0x2
	SO_TYPE       = 0x3
	SO_ERROR      = 0x4
	SO_BROADCAST  = 0x6
	SO_SNDBUF     = 0x7
	SO_RCVBUF     = 0x8
	SO_KEEPALIVE  = 0x9
	SO_LINGER     = 0xd
	TCP_NODELAY   = 0x1
	TCP_KEEPIDLE  = 0x4
	TCP_KEEPINTVL = 0x5
	TCP_KEEPCNT   = 0x6
	IPV6_V6ONLY   = 0x1a
)

const (
	_ = iota
	F_DUPFD_CLOEXEC
	SYS_FCNTL = 500 // unsupported
)

type Sockaddr any

type SockaddrInet4 struct {
	Port int
	Addr [4]byte
}

type SockaddrInet6 struct {
	Port   int
	ZoneId uint32
	Addr   [16]byte
}

type SockaddrUnix struct {
	Name string
}

type Linger struct {
	Onoff  int32
	Linger int32
}
