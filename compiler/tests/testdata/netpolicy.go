// Reports what the network policy lets it do: listen on an ephemeral
// port of 127.0.0.1, listen on all interfaces at the port given first,
// and connect to the address given second.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
	} else {
		fmt.Println("listen ephemeral ok")
		ln.Close()
	}
	ln, err = net.Listen("tcp", ":"+os.Args[1])
	if err != nil {
		fmt.Println(err)
	} else {
		fmt.Println("listen all interfaces at", ln.Addr().(*net.TCPAddr).IP)
		ln.Close()
	}
	c, err := net.Dial("tcp", os.Args[2])
	if err != nil {
		fmt.Println(err)
	} else {
		fmt.Println("connect ok")
		c.Close()
	}
}
