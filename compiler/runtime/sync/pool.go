// gowasm replaces Go's pool.go: gc's per-P pool indexes its per-processor
// array with pointer arithmetic through uintptr, which objects under
// WebAssembly GC do not support. Goroutines share one thread, so one free
// list per Pool is enough.

package sync

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. See the standard library's documentation of sync.Pool.
type Pool struct {
	noCopy noCopy

	items []any

	// New optionally specifies a function to generate
	// a value when Get would otherwise return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.items = append(p.items, x)
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller; if the pool is empty it returns the result
// of calling p.New, or nil.
func (p *Pool) Get() any {
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}
