// gowasm-run: --net

// UDP over loopback: datagrams to a bound socket, a connected socket's
// reads and writes, datagram boundaries, a truncated read, and a read
// deadline.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	srv, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	fmt.Println("server on", srv.LocalAddr().Network(), srv.LocalAddr().(*net.UDPAddr).IP)

	go func() {
		buf := make([]byte, 2048)
		for {
			n, from, err := srv.ReadFrom(buf)
			if err != nil {
				return
			}
			srv.WriteTo(append([]byte("echo:"), buf[:n]...), from)
		}
	}()

	c, err := net.DialUDP("udp", nil, srv.LocalAddr().(*net.UDPAddr))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	for _, msg := range []string{"one", "two", "", "a longer datagram of several words"} {
		if _, err := c.Write([]byte(msg)); err != nil {
			fmt.Println("write:", err)
			return
		}
		buf := make([]byte, 100)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, from, err := c.ReadFromUDP(buf)
		fmt.Printf("%q from server %v %v\n", buf[:n], from.Port == srv.LocalAddr().(*net.UDPAddr).Port, err)
	}

	// A reader with a short buffer gets the datagram's start.
	c.Write([]byte("0123456789"))
	small := make([]byte, 8)
	n, err := c.Read(small)
	fmt.Printf("short read %q %v\n", small[:n], err)

	// Nothing arrives: the deadline passes.
	lone, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lone.Close()
	lone.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, _, err = lone.ReadFromUDP(make([]byte, 10))
	fmt.Println("deadline:", errors.Is(err, os.ErrDeadlineExceeded))

	// WriteToUDP from an unconnected socket.
	_, err = lone.WriteToUDP([]byte("direct"), srv.LocalAddr().(*net.UDPAddr))
	fmt.Println("write to:", err)
	lone.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 100)
	n, _, err = lone.ReadFromUDP(buf)
	fmt.Printf("%q %v\n", buf[:n], err)
}
