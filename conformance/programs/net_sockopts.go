// gowasm-run: --net

// The socket options Go programs set: no-delay, keep-alive and its
// period and configuration, linger, buffer sizes; a Dialer with a
// timeout and keep-alive settings, a ListenConfig with a Control
// function, IPv6 loopback and a dual-stack listener on all interfaces.
package main

import (
	"context"
	"fmt"
	"net"
	"syscall"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()

	d := net.Dialer{
		Timeout: 5 * time.Second,
		KeepAliveConfig: net.KeepAliveConfig{
			Enable:   true,
			Idle:     30 * time.Second,
			Interval: 10 * time.Second,
			Count:    3,
		},
	}
	c, err := d.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	tc := c.(*net.TCPConn)
	fmt.Println("nodelay:", tc.SetNoDelay(false), tc.SetNoDelay(true))
	fmt.Println("keepalive:", tc.SetKeepAlive(true), tc.SetKeepAlivePeriod(20*time.Second))
	fmt.Println("keepalive config:", tc.SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Idle: time.Minute, Interval: 5 * time.Second, Count: 4}))
	fmt.Println("linger:", tc.SetLinger(5), tc.SetLinger(-1))
	fmt.Println("buffers:", tc.SetReadBuffer(64<<10), tc.SetWriteBuffer(64<<10))
	raw, err := tc.SyscallConn()
	fmt.Println("raw conn:", err)
	var nodelay int
	raw.Control(func(fd uintptr) {
		nodelay, err = syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY)
	})
	fmt.Println("TCP_NODELAY:", nodelay != 0, err)
	tc.Close()

	c2, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
	fmt.Println("dial timeout:", err)
	c2.Close()

	var controlled bool
	lc := net.ListenConfig{Control: func(network, address string, c syscall.RawConn) error {
		controlled = true
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
		})
	}}
	ln2, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	fmt.Println("listen config:", err, controlled)
	ln2.Close()

	ln6, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		fmt.Println("ipv6:", err)
	} else {
		c6, err := net.Dial("tcp", ln6.Addr().String())
		fmt.Println("ipv6:", ln6.Addr().(*net.TCPAddr).IP, err)
		c6.Close()
		ln6.Close()
	}

	all, err := net.Listen("tcp", ":0")
	if err != nil {
		fmt.Println("all interfaces:", err)
		return
	}
	port := all.Addr().(*net.TCPAddr).Port
	c4, err := net.Dial("tcp", fmt.Sprint("127.0.0.1:", port))
	fmt.Println("all interfaces, dial 127.0.0.1:", err)
	c4.Close()
	all.Close()
}
