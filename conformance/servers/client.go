// Command client drives examples/httpserver at the base URL given as its
// argument with a fixed script of requests, printing every response, so
// that the output of a run against the native build and one against the
// gowasm build can be compared (conformance/tests/servers.rs).
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	base   = os.Args[1]
	client = &http.Client{Timeout: 30 * time.Second}
)

func do(method, path, body string) string {
	req, err := http.NewRequest(method, base+path, strings.NewReader(body))
	if err != nil {
		return err.Error()
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return fmt.Sprintf("%s %s %q %q %v", method, path, resp.Status, strings.TrimSpace(string(b)), err)
}

func main() {
	for _, r := range [][3]string{
		{"GET", "/healthz", ""},
		{"POST", "/items", `{"name":"tea","qty":3}`},
		{"POST", "/items", `{"name":"coffee","qty":1}`},
		{"POST", "/items", `{"name":`},
		{"POST", "/items", `{"name":"x","colour":"red"}`},
		{"POST", "/items", `{"qty":2}`},
		{"GET", "/items", ""},
		{"GET", "/items/1", ""},
		{"GET", "/items/99", ""},
		{"GET", "/items/x", ""},
		{"DELETE", "/items/2", ""},
		{"DELETE", "/items/2", ""},
		{"PUT", "/items/1", ""},
		{"GET", "/nowhere", ""},
	} {
		fmt.Println(do(r[0], r[1], r[2]))
	}

	// A body over the server's limit.
	big := `{"name":"` + strings.Repeat("x", 2<<20) + `"}`
	fmt.Println(do("POST", "/items", big)[:60])

	// Concurrent clients.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var names []string
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Post(base+"/items", "application/json",
				bytes.NewReader(fmt.Appendf(nil, `{"name":"item%02d","qty":%d}`, i, i)))
			if err != nil {
				fmt.Println(err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			names = append(names, fmt.Sprint(resp.StatusCode, " item", i))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(names)
	fmt.Println(len(names), names[0], names[len(names)-1])
	resp, err := client.Get(base + "/items")
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println("items listed:", strings.Count(string(b), `"id"`))
	}

	// Keep-alive: a request reuses an idle connection.
	var reused bool
	trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", base+"/healthz", nil)
	if resp, err := client.Do(req); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	fmt.Println("connection reused:", reused)
}
