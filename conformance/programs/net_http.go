// gowasm-run: --net

// net/http end to end over loopback: a server with a mux and JSON
// handlers, the client with keep-alive (the connection is reused),
// chunked request and response bodies, a large upload and download,
// httptest.NewServer, and a graceful Shutdown.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"time"
)

type item struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func mux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /hello/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello, %s\n", r.PathValue("name"))
	})
	m.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		var it item
		if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		it.Count *= 2
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(it)
	})
	m.HandleFunc("POST /sum", func(w http.ResponseWriter, r *http.Request) {
		h := sha256.New()
		n, err := io.Copy(h, r.Body)
		fmt.Fprintf(w, "%d %x %v chunked=%v", n, h.Sum(nil)[:8], err, len(r.TransferEncoding) > 0)
	})
	m.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("0123456789abcdef"), 4096)
		for i := 0; i < 64; i++ {
			w.Write(chunk)
		}
	})
	return m
}

func show(resp *http.Response, err error) {
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	fmt.Printf("%s %q %q %v\n", resp.Status, resp.Header.Get("Content-Type"), strings.TrimSpace(string(body)), err)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := &http.Server{Handler: mux()}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second}

	show(client.Get(base + "/hello/gopher"))
	show(client.Get(base + "/nowhere"))
	show(client.Post(base+"/echo", "application/json", strings.NewReader(`{"name":"x","count":21}`)))
	show(client.Post(base+"/echo", "application/json", strings.NewReader(`{bad`)))

	// A large upload with a body of unknown length goes chunked.
	big := bytes.Repeat([]byte("upload"), 500000)
	show(client.Post(base+"/sum", "application/octet-stream", io.MultiReader(bytes.NewReader(big))))
	show(client.Post(base+"/sum", "application/octet-stream", bytes.NewReader(big)))

	resp, err := client.Get(base + "/big")
	if err != nil {
		fmt.Println(err)
		return
	}
	h := sha256.New()
	n, err := io.Copy(h, resp.Body)
	resp.Body.Close()
	fmt.Printf("download %d %x %v %v\n", n, h.Sum(nil)[:8], err, resp.TransferEncoding)

	// Keep-alive: the next request reuses the connection.
	var reused bool
	trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", base+"/hello/again", nil)
	show(client.Do(req))
	fmt.Println("reused:", reused)

	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Method", r.Method)
		w.WriteHeader(http.StatusTeapot)
		fmt.Fprint(w, "from httptest")
	}))
	resp, err = http.Get(ts.URL)
	if err == nil {
		fmt.Println("httptest:", resp.StatusCode, resp.Header.Get("X-Method"))
		resp.Body.Close()
	}
	ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println("shutdown:", srv.Shutdown(ctx))
	fmt.Println("serve returned:", <-served)
	_, err = client.Get(base + "/hello/late")
	fmt.Println("after shutdown:", err != nil)
}
