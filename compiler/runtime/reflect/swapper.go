// Replaces gc's swapper.go, which swaps raw memory through the slice
// header. Here the slice type's compiler-generated ops swap elements.

package reflect

// Swapper returns a function that swaps the elements in the provided
// slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	n := v.Len()
	return func(i, j int) {
		if uint(i) >= uint(n) || uint(j) >= uint(n) {
			panic("reflect: slice index out of range")
		}
		valueOp(opSwap, slice, nil, i, j)
	}
}
