// Command httpserver is a small JSON service written as any Go service
// is: net/http's ServeMux, encoding/json, log/slog, and a graceful
// shutdown on SIGINT or SIGTERM. It runs unmodified natively and under
// gowasm-run:
//
//	gowasm build -o httpserver.wasm ./examples/httpserver
//	gowasm-run --listen 127.0.0.1:8080 httpserver.wasm
//	curl -d '{"name":"tea","qty":3}' localhost:8080/items
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"
)

type item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Qty  int    `json:"qty"`
}

// store keeps the items in memory.
type store struct {
	mu    sync.Mutex
	next  int
	items map[int]item
}

func (s *store) add(it item) item {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	it.ID = s.next
	s.items[it.ID] = it
	return it
}

func (s *store) get(id int) (item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	return it, ok
}

func (s *store) remove(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.items[id]
	delete(s.items, id)
	return ok
}

func (s *store) list() []item {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]item, 0, len(s.items))
	for _, it := range s.items {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b item) int { return a.ID - b.ID })
	return out
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func routes(s *store) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.list())
	})
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) {
		var it item
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if it.Name == "" {
			writeError(w, http.StatusUnprocessableEntity, "name is required")
			return
		}
		writeJSON(w, http.StatusCreated, s.add(it))
	})
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		it, ok := s.get(id)
		if !ok {
			writeError(w, http.StatusNotFound, "no such item")
			return
		}
		writeJSON(w, http.StatusOK, it)
	})
	mux.HandleFunc("DELETE /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		if !s.remove(id) {
			writeError(w, http.StatusNotFound, "no such item")
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

// logged logs each request.
func logged(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Debug("request", "method", r.Method, "path", r.URL.Path, "duration", time.Since(start))
	})
}

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	verbose := flag.Bool("v", false, "log every request")
	flag.Parse()
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: level}))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	srv := &http.Server{
		Handler:           logged(log, routes(&store{items: map[int]item{}})),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String())

	select {
	case err := <-served:
		log.Error("serve", "err", err)
		os.Exit(1)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		log.Error("shutdown", "err", err)
		os.Exit(1)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
	log.Info("stopped")
}
