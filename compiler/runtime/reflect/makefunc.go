// Replaces gc's makefunc.go, whose MakeFunc and method values are
// assembly stubs (makeFuncStub, methodValueCall) entered through gc's
// register ABI. Here a made func is a closure whose code, generated per
// signature (lower/interfaces.rs, ValueOp::MakeFunc), boxes its arguments
// into a frame and calls a Go handler with it.

package reflect

// makeFuncOp returns a new func value of fn's (func) type that calls h
// with its arguments, then room for its results, which h fills.
//
//go:linkname makeFuncOp runtime.reflect_makeFunc
func makeFuncOp(fn any, h func(frame []any)) any

// MakeFunc returns a new function of the given Type that wraps the
// function fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	nin, nout := t.NumIn(), t.NumOut()
	h := func(frame []any) {
		args := make([]Value, nin)
		for i := range args {
			args[i] = received(t.In(i).common(), frame[i])
		}
		results := fn(args)
		if len(results) != nout {
			panic("reflect: wrong return count from function created by MakeFunc")
		}
		for j, r := range results {
			if !r.IsValid() {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned zero Value")
			}
			if r.flag&flagRO != 0 {
				panic("reflect: function created by MakeFunc using " + funcName(fn) + " returned value obtained from unexported field")
			}
			frame[nin+j] = r.assignTo("reflect.MakeFunc", t.Out(j).common())
		}
	}
	return Value{t: t, v: makeFuncOp(efaceMake(t.t, nil), h), flag: flag(Func)}
}

// funcName names f for MakeFunc's messages (gc's runtime.FuncForPC name
// is not known here).
func funcName(f func([]Value) []Value) string {
	return "func"
}

// methodFunc is the method value v (flagMethod) as a func value of the
// method's type.
func (v Value) methodFunc() any {
	recv, k := v.v, v.idx
	mt, _ := valueOp(opMethodType, recv, nil, k, 0)
	return makeFuncOp(mt, func(frame []any) { methodCallOp(recv, k, frame) })
}
