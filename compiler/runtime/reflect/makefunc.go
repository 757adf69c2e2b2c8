// Replaces gc's makefunc.go, whose MakeFunc and method values are
// assembly stubs (makeFuncStub, methodValueCall) entered through gc's
// register ABI.

package reflect

// MakeFunc returns a new function of the given Type that wraps the
// function fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	panic(unsupported("MakeFunc"))
}
