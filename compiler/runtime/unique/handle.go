// Replaces gc's handle.go, which indexes its per-type maps by gc's type
// descriptor (abi.TypeFor) and makes handles of zero-size types from a
// reinterpreted pointer. Here the per-type map is indexed by a typed nil
// pointer held in an interface (one dynamic type per T).

package unique

// Handle is a globally unique identity for some value of type T.
//
// Two handles compare equal exactly if the two values used to create the handles
// would have also compared equal. The comparison of two handles is trivial and
// typically much more efficient than comparing the values used to create them.
type Handle[T comparable] struct {
	value *T
}

// Value returns a shallow copy of the T value that produced the Handle.
// Value is safe for concurrent use by multiple goroutines.
func (h Handle[T]) Value() T {
	return *h.value
}

// Make returns a globally unique handle for a value of type T. Handles
// are equal if and only if the values used to produce them are equal.
// Make is safe for concurrent use by multiple goroutines.
func Make[T comparable](value T) Handle[T] {
	var key any = (*T)(nil)
	ma, ok := uniqueMaps[key]
	if !ok {
		ma = newCanonMap[T]()
		uniqueMaps[key] = ma
	}
	m := ma.(*canonMap[T])
	ptr := m.Load(value)
	if ptr == nil {
		ptr = m.LoadOrStore(clone(value, nil))
	}
	return Handle[T]{ptr}
}

// uniqueMaps holds a *canonMap[T] per type T.
var uniqueMaps = map[any]any{}
