// gowasm-run: --net

// TCP over loopback: a listener, concurrent clients, an echo server that
// copies with io.Copy, messages large enough to fill the socket buffers
// (so that writes wait for the peer to read), and the errors of a refused
// connection and of a closed listener.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"sync"
)

func serve(ln net.Listener, done chan<- error) {
	for {
		c, err := ln.Accept()
		if err != nil {
			done <- err
			return
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

func roundTrip(addr string, size int) (string, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	msg := bytes.Repeat([]byte{byte('a' + size%26)}, size)
	go func() {
		c.Write(msg)
		c.(*net.TCPConn).CloseWrite()
	}()
	got, err := io.ReadAll(c)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d bytes echoed, equal %v", len(got), bytes.Equal(got, msg)), nil
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	addr := ln.Addr().(*net.TCPAddr)
	fmt.Println("listening on", addr.IP, addr.Port != 0, ln.Addr().Network())
	done := make(chan error)
	go serve(ln, done)

	var mu sync.Mutex
	var results []string
	var wg sync.WaitGroup
	for i, size := range []int{0, 1, 100, 4096, 65536, 1 << 20, 3<<20 + 7, 12345} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := roundTrip(ln.Addr().String(), size)
			mu.Lock()
			defer mu.Unlock()
			results = append(results, fmt.Sprintf("%d: size %d: %s %v", i, size, r, err))
		}()
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	local, remote := c.LocalAddr().(*net.TCPAddr), c.RemoteAddr().(*net.TCPAddr)
	fmt.Println("local", local.IP, "remote", remote.IP, remote.Port == addr.Port)
	c.Close()

	ln.Close()
	err = <-done
	fmt.Println("accept after close:", errors.Is(err, net.ErrClosed), err != nil)

	_, err = net.Dial("tcp", ln.Addr().String())
	fmt.Println("dial closed port:", err != nil)
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		fmt.Println("op", opErr.Op, "net", opErr.Net)
	}
}
