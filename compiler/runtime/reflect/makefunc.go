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
	h := makeFuncCall{t, fn}
	return Value{t: t, v: makeFuncOp(efaceMake(t.t, nil), h.call), flag: flag(Func)}
}

// makeFuncCall is a made func's type and implementation. Its bound call
// method is the made func's handler; recover sees through both
// (lower/mod.rs recover_wrapper) as through gc's makeFuncStub, so the
// implementation of a deferred made func can recover.
type makeFuncCall struct {
	t  *rtype
	fn func(args []Value) (results []Value)
}

func (c makeFuncCall) call(frame []any) {
	// Making the arguments calls methods, which would clear recover's
	// permission: it is taken here and given back for the call of fn.
	armed := takeRecoverArmed()
	t := c.t
	nin, nout := t.NumIn(), t.NumOut()
	args := make([]Value, nin)
	for i := range args {
		args[i] = received(t.In(i).common(), frame[i])
	}
	rearmRecover(armed)
	results := c.fn(args)
	if len(results) != nout {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	for j, r := range results {
		if !r.IsValid() {
			panic("reflect: function created by MakeFunc using " + funcName(c.fn) + " returned zero Value")
		}
		if r.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using " + funcName(c.fn) + " returned value obtained from unexported field")
		}
		frame[nin+j] = r.assignTo("reflect.MakeFunc", t.Out(j).common())
	}
}

//go:linkname takeRecoverArmed runtime.takeRecoverArmed
func takeRecoverArmed() bool

//go:linkname rearmRecover runtime.rearmRecover
func rearmRecover(armed bool)

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
	return makeFuncOp(mt, methodCall{recv, k}.call)
}

// methodCall is a method's index and, for a method value, its receiver
// (nil for a method expression, whose first argument is the receiver).
// Its bound call method is the made func's handler; recover sees through
// both (lower/mod.rs recover_wrapper) as through gc's methodValueCall: a
// deferred method value or expression made by reflect can recover.
type methodCall struct {
	recv any
	k    int
}

func (c methodCall) call(frame []any) {
	if c.recv == nil {
		methodCallOp(frame[0], c.k, frame[1:])
		return
	}
	methodCallOp(c.recv, c.k, frame)
}
