// gowasm-run: --net

// Deadlines on connections and listeners: reads and accepts that time
// out, a write that times out because the peer does not read, deadlines
// in the past, deadlines cleared, and a read unblocked by Close.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func timeout(err error) string {
	var ne net.Error
	isNet := errors.As(err, &ne)
	return fmt.Sprintf("err=%v timeout=%v deadline=%v", err != nil, isNet && ne.Timeout(), errors.Is(err, os.ErrDeadlineExceeded))
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	tl := ln.(*net.TCPListener)

	tl.SetDeadline(time.Now().Add(20 * time.Millisecond))
	start := time.Now()
	_, err = tl.Accept()
	fmt.Println("accept:", timeout(err), time.Since(start) >= 20*time.Millisecond)
	tl.SetDeadline(time.Time{})

	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			os.Exit(1)
		}
		accepted <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	peer := <-accepted
	defer peer.Close()

	buf := make([]byte, 16)
	c.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	start = time.Now()
	_, err = c.Read(buf)
	fmt.Println("read:", timeout(err), time.Since(start) >= 30*time.Millisecond)

	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println("read, deadline passed:", timeout(err))

	c.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(10 * time.Millisecond)
		peer.Write([]byte("late"))
	}()
	n, err := c.Read(buf)
	fmt.Println("read, deadline cleared:", string(buf[:n]), err)

	// Nobody reads peer's side: the socket buffers fill and the write
	// times out.
	c.SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
	big := make([]byte, 1<<20)
	total := 0
	for {
		n, err := c.Write(big)
		total += n
		if err != nil {
			fmt.Println("write:", timeout(err), total > 0)
			break
		}
	}

	// A deadline extended while a read waits (with a wide margin between
	// the extension and the first deadline: on a loaded machine both
	// timers may be due by the time the program runs again).
	c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	go func() {
		time.Sleep(5 * time.Millisecond)
		c.SetReadDeadline(time.Now().Add(600 * time.Millisecond))
	}()
	start = time.Now()
	_, err = c.Read(buf)
	fmt.Println("read, deadline extended:", timeout(err), time.Since(start) >= 600*time.Millisecond)

	// Close unblocks a waiting read.
	c2, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		time.Sleep(10 * time.Millisecond)
		c2.Close()
	}()
	_, err = c2.Read(buf)
	fmt.Println("read, closed:", errors.Is(err, net.ErrClosed))
}
