// gowasm-run: --net

// Half-close: the client closes its write side and the server, having read
// to EOF, still answers; reads after the peer closes, writes after the
// peer resets, and Close from another goroutine.
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
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
			go func() {
				defer c.Close()
				req, err := io.ReadAll(c)
				if err != nil {
					fmt.Println("server read:", err)
					return
				}
				fmt.Fprintf(c, "got %d bytes: %s", len(req), strings.ToUpper(string(req)))
			}()
		}
	}()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	tc := c.(*net.TCPConn)
	fmt.Fprint(tc, "half closed")
	fmt.Println("close write:", tc.CloseWrite())
	resp, err := io.ReadAll(tc)
	fmt.Printf("response %q %v\n", resp, err)
	_, err = tc.Write([]byte("more"))
	fmt.Println("write after close write:", err != nil, errors.Is(err, syscall.EPIPE))
	n, err := tc.Read(make([]byte, 1))
	fmt.Println("read at EOF:", n, err)
	tc.Close()

	// The peer closes with unread data: our writes end in a reset.
	c2, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	tc2 := c2.(*net.TCPConn)
	fmt.Println("close read:", tc2.CloseRead())
	n, err = tc2.Read(make([]byte, 1))
	fmt.Println("read after close read:", n, err)
	tc2.Close()

	// Writes to a peer that is gone.
	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		c, err := ln2.Accept()
		if err == nil {
			// Reset the connection once the client has started writing.
			c.Read(make([]byte, 1))
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
		}
	}()
	c3, err := net.Dial("tcp", ln2.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	var werr error
	for i := 0; i < 5000 && werr == nil; i++ {
		_, werr = c3.Write(make([]byte, 1024))
		time.Sleep(time.Millisecond)
	}
	fmt.Println("write to reset peer:", errors.Is(werr, syscall.ECONNRESET) || errors.Is(werr, syscall.EPIPE))
	c3.Close()
	ln2.Close()
}
