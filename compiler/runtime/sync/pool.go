// gowasm replaces Go's pool.go: gc's per-P pool indexes its per-processor
// array with pointer arithmetic through uintptr, which objects under
// WebAssembly GC do not support. Goroutines share one thread, so one free
// list per Pool is enough.

package sync

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. See the standard library's documentation of sync.Pool.
type Pool struct {
	noCopy noCopy

	// items are the pooled objects; victim those of the pool before the
	// last runtime.GC, used once items is empty and dropped at the next
	// (gc's victim cache).
	items  []any
	victim []any

	// New optionally specifies a function to generate
	// a value when Get would otherwise return nil.
	New func() any
}

// allPools are the pools with items or victims: poolCleanup visits them.
var allPools []*Pool

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if len(p.items) == 0 && len(p.victim) == 0 {
		allPools = append(allPools, p)
	}
	p.items = append(p.items, x)
}

// Get selects an arbitrary item from the Pool, removes it from the Pool,
// and returns it to the caller; if the pool is empty it returns the result
// of calling p.New, or nil.
func (p *Pool) Get() any {
	if x, ok := pop(&p.items); ok {
		return x
	}
	if x, ok := pop(&p.victim); ok {
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}

// pop removes and returns the last item of *items.
func pop(items *[]any) (any, bool) {
	n := len(*items)
	if n == 0 {
		return nil, false
	}
	x := (*items)[n-1]
	(*items)[n-1] = nil
	*items = (*items)[:n-1]
	return x, true
}

// poolCleanup runs at runtime.GC, as gc runs it at the start of every
// collection: each pool's items become its victims, its old victims are
// dropped.
func poolCleanup() {
	kept := allPools[:0]
	for _, p := range allPools {
		p.victim, p.items = p.items, nil
		if len(p.victim) > 0 {
			kept = append(kept, p)
		}
	}
	clear(allPools[len(kept):])
	allPools = kept
}

func init() {
	runtime_registerPoolCleanup(poolCleanup)
}

// Implemented in runtime.
func runtime_registerPoolCleanup(cleanup func())
func runtime_procPin() int
func runtime_procUnpin()
