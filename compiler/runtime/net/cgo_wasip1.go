// Copyright 2026 The gowasm Authors. All rights reserved.

//go:build wasip1

// gowasm: the host's resolver stands where gc's cgo resolver stands
// (getaddrinfo and getnameinfo, on a host worker thread: docs/abi.md,
// resolve_start). With netcgo_on.go compiled in (MERGE) net prefers it,
// as a program built with -tags netcgo does; GODEBUG=netdns=go and
// Resolver.PreferGo still choose Go's own resolver.

package net

import (
	"context"
	"internal/byteorder"
	"syscall"
)

const cgoAvailable = true

// runtimeResolve asks the host's resolver; it parks only the calling
// goroutine (provided by the runtime).
func runtimeResolve(name string, what int32, b []byte) int32

// What resolve_start looks up.
const (
	resolveAddrs     = 0
	resolveCanonical = 1
	resolveNames     = 2
	resolvePort      = 3
	resolveIPv4      = 4
	resolveIPv6      = 6
)

// hostResolve looks name up with the host's resolver, giving up when
// ctx is done; size bounds the answer.
func hostResolve(ctx context.Context, name string, what int32, size int) ([]byte, error) {
	type answer struct {
		b   []byte
		err error
	}
	lookup := func() answer {
		b := make([]byte, size)
		n := runtimeResolve(name, what, b)
		if n < 0 {
			err := syscall.Errno(-n)
			switch err {
			case syscall.ENOENT:
				return answer{nil, newDNSError(errNoSuchHost, name, "")}
			case syscall.EAGAIN:
				return answer{nil, &DNSError{Err: "temporary failure in name resolution", Name: name, IsTemporary: true}}
			}
			return answer{nil, newDNSError(err, name, "")}
		}
		return answer{b[:n], nil}
	}
	if ctx.Done() == nil {
		a := lookup()
		return a.b, a.err
	}
	done := make(chan answer, 1)
	go func() { done <- lookup() }()
	select {
	case a := <-done:
		return a.b, a.err
	case <-ctx.Done():
		return nil, newDNSError(mapErr(ctx.Err()), name, "")
	}
}

func cgoLookupHost(ctx context.Context, name string) (hosts []string, err error) {
	addrs, err := cgoLookupIP(ctx, "ip", name)
	for _, addr := range addrs {
		hosts = append(hosts, addr.String())
	}
	return hosts, err
}

func cgoLookupPort(ctx context.Context, network, service string) (port int, err error) {
	b, err := hostResolve(ctx, network+"/"+service, resolvePort, 2)
	if err != nil || len(b) != 2 {
		return 0, &DNSError{Err: "unknown port", Name: network + "/" + service, IsNotFound: true}
	}
	return int(byteorder.LEUint16(b)), nil
}

// addrRecord is the size of resolve_start's address records (the
// socket ABI's: family, port, zone, address).
const addrRecord = 24

func cgoLookupIP(ctx context.Context, network, name string) (addrs []IPAddr, err error) {
	what := int32(resolveAddrs)
	switch network {
	case "ip4":
		what = resolveIPv4
	case "ip6":
		what = resolveIPv6
	}
	b, err := hostResolve(ctx, name, what, 64*addrRecord)
	if err != nil {
		return nil, err
	}
	for ; len(b) >= addrRecord; b = b[addrRecord:] {
		switch byteorder.LEUint16(b) {
		case syscall.AF_INET:
			addrs = append(addrs, IPAddr{IP: IPv4(b[8], b[9], b[10], b[11])})
		case syscall.AF_INET6:
			addrs = append(addrs, IPAddr{IP: copyIP(b[8:24]), Zone: zoneCache.name(int(byteorder.LEUint32(b[4:])))})
		}
	}
	return addrs, nil
}

func cgoLookupCNAME(ctx context.Context, name string) (cname string, err error) {
	b, err := hostResolve(ctx, name, resolveCanonical, 1025)
	if err != nil {
		return "", err
	}
	return absDomainName(string(b)), nil
}

func cgoLookupPTR(ctx context.Context, addr string) (names []string, err error) {
	b, err := hostResolve(ctx, addr, resolveNames, 1025)
	if err != nil {
		return nil, err
	}
	return []string{absDomainName(string(b))}, nil
}
