// Replaces gc's canonmap.go, a concurrent hash-trie that hashes keys with
// the hash function of gc's map type descriptor and holds its values
// through weak pointers. Here: a Go map (goroutines share one thread)
// holding its values strongly.

package unique

// canonMap is a map of canonical values of type T.
type canonMap[T comparable] struct {
	m map[T]*T
}

func newCanonMap[T comparable]() *canonMap[T] {
	return &canonMap[T]{m: map[T]*T{}}
}

// Load returns the canonical pointer for key, or nil.
func (m *canonMap[T]) Load(key T) *T {
	return m.m[key]
}

// LoadOrStore returns the canonical pointer for key, making one if there
// is none.
func (m *canonMap[T]) LoadOrStore(key T) *T {
	if p, ok := m.m[key]; ok {
		return p
	}
	p := new(T)
	*p = key
	m.m[key] = p
	return p
}
