// net/netip and net/url: parsing and printing addresses, prefixes and
// URLs (pure Go, no sockets).
package main

import (
	"fmt"
	"net/netip"
	"net/url"
)

func main() {
	a := netip.MustParseAddr("192.168.1.10")
	p := netip.MustParsePrefix("192.168.0.0/16")
	fmt.Println(a, p, p.Contains(a), a.Is4(), netip.MustParseAddrPort("[::1]:80"))
	u, err := url.Parse("https://user@example.com:8443/a/b?x=1&y=2#frag")
	fmt.Println(u.Scheme, u.Host, u.Port(), u.Path, u.Query().Get("y"), u.Fragment, err)
}
