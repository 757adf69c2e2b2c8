// Replaces gc's clone.go, which finds the string fields of a value through
// gc's type descriptors and field offsets and copies them, so that a
// canonical value does not keep a larger backing array alive. Here values
// are kept as they are: a canonical string may retain the array it was
// sliced from.

package unique

// cloneSeq is gc's list of string offsets to clone; nothing is cloned here.
type cloneSeq struct{}

// clone returns value itself.
func clone[T comparable](value T, seq *cloneSeq) T {
	return value
}
