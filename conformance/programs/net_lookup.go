// gowasm-run: --net

// Name lookups through the system's resolver: localhost's addresses, a
// name that does not exist, ports of well-known services, literal
// addresses, and dialing a server by the name localhost.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"time"
)

func main() {
	addrs, err := net.LookupHost("localhost")
	sort.Strings(addrs)
	fmt.Println("localhost:", addrs, err)

	ips, err := net.DefaultResolver.LookupIP(context.Background(), "ip4", "localhost")
	fmt.Println("localhost ip4:", ips, err)

	_, err = net.LookupHost("no-such-host.invalid")
	var dnsErr *net.DNSError
	// The error's text names the DNS server when Go's own resolver
	// answered, not when the system's did.
	fmt.Println("invalid:", errors.As(err, &dnsErr), dnsErr.IsNotFound, dnsErr.Name, dnsErr.Err)

	for _, svc := range []string{"http", "https", "domain", "80"} {
		port, err := net.LookupPort("tcp", svc)
		fmt.Println("port", svc, port, err)
	}

	addrs, err = net.LookupHost("192.0.2.7")
	fmt.Println("literal:", addrs, err)

	tcp, err := net.ResolveTCPAddr("tcp", "localhost:8080")
	fmt.Println("resolve tcp:", tcp.Port, tcp.IP.IsLoopback(), err)
	udp, err := net.ResolveUDPAddr("udp4", "127.0.0.1:53")
	fmt.Println("resolve udp:", udp, err)

	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Write([]byte("hi"))
			c.Close()
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", net.JoinHostPort("localhost", port))
	if err != nil {
		fmt.Println("dial localhost:", err)
		return
	}
	buf := make([]byte, 2)
	n, err := c.Read(buf)
	fmt.Println("dial localhost:", string(buf[:n]), err)
	c.Close()
}
