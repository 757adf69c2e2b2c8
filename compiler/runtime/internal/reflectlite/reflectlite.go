// Package reflectlite is gowasm's replacement for Go's internal/reflectlite:
// the small reflection API that errors, sort and context use, built on the
// runtime's type descriptors and the per-type operations the compiler
// generates for them (runtime._type.ops).
package reflectlite

import (
	"internal/abi"
	"unsafe"
)

// Kind is the kind of a type, numbered as reflect.Kind.
type Kind = abi.Kind

const Ptr = abi.Pointer

const (
	Interface = abi.Interface
	Slice     = abi.Slice
	String    = abi.String
	Struct    = abi.Struct
)

// Implemented in the runtime (runtime/reflect.go). A type is the runtime's
// descriptor, passed as unsafe.Pointer.

//go:linkname typeOf runtime.reflect_typeOf
func typeOf(i any) unsafe.Pointer

//go:linkname typeKind runtime.reflect_typeKind
func typeKind(t unsafe.Pointer) uint8

//go:linkname typeString runtime.reflect_typeString
func typeString(t unsafe.Pointer) string

//go:linkname typePkgPath runtime.reflect_typePkgPath
func typePkgPath(t unsafe.Pointer) string

//go:linkname typeSize runtime.reflect_typeSize
func typeSize(t unsafe.Pointer) uintptr

//go:linkname typeElem runtime.reflect_typeElem
func typeElem(t unsafe.Pointer) unsafe.Pointer

//go:linkname typeComparable runtime.reflect_typeComparable
func typeComparable(t unsafe.Pointer) bool

//go:linkname typeImplements runtime.reflect_typeImplements
func typeImplements(t, iface unsafe.Pointer) bool

//go:linkname typeNumMethod runtime.reflect_typeNumMethod
func typeNumMethod(t unsafe.Pointer) int

//go:linkname valueOp runtime.reflect_valueOp
func valueOp(op int, a, b any, i, j int) (any, int)

// Operations of valueOp.
const (
	opIsNil = iota
	opLen
	opSwap
	opStore
	opLoad
)

// Type is the representation of a Go type.
type Type interface {
	Name() string
	PkgPath() string
	Size() uintptr
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	Comparable() bool
	String() string
	Elem() Type
}

type rtype struct {
	t unsafe.Pointer
}

func toType(t unsafe.Pointer) Type {
	if t == nil {
		return nil
	}
	return rtype{t}
}

// TypeOf returns the dynamic type of i, or nil.
func TypeOf(i any) Type {
	return toType(typeOf(i))
}

func (t rtype) Kind() Kind         { return Kind(typeKind(t.t)) }
func (t rtype) String() string     { return typeString(t.t) }
func (t rtype) PkgPath() string    { return typePkgPath(t.t) }
func (t rtype) Size() uintptr      { return typeSize(t.t) }
func (t rtype) Comparable() bool   { return typeComparable(t.t) }
func (t rtype) NumMethod() int     { return typeNumMethod(t.t) }
func (t rtype) equal(u rtype) bool { return t.t == u.t }

// Name returns the type's name within its package ("" for unnamed types).
func (t rtype) Name() string {
	s := t.String()
	if t.PkgPath() == "" && !isBasic(t.Kind()) {
		return ""
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func isBasic(k Kind) bool {
	return k != 0 && k <= abi.Complex128 || k == abi.String || k == abi.UnsafePointer
}

func (t rtype) Elem() Type {
	e := typeElem(t.t)
	if e == nil {
		panic("reflect: Elem of invalid type " + t.String())
	}
	return rtype{e}
}

func (t rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return typeImplements(t.t, u.(rtype).t)
}

func (t rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.(rtype)
	return t.equal(uu) || uu.Kind() == Interface && typeImplements(t.t, uu.t)
}

// Value is the reflection interface to a Go value.
type Value struct {
	typ unsafe.Pointer
	// v holds the value; ptr, when set, is a pointer to it (the value is
	// addressable and settable).
	v   any
	ptr any
}

// ValueOf returns a Value holding i.
func ValueOf(i any) Value {
	return Value{typ: typeOf(i), v: i}
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (v Value) Kind() Kind {
	if v.typ == nil {
		return 0
	}
	return Kind(typeKind(v.typ))
}

func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.Type", 0})
	}
	return rtype{v.typ}
}

func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) IsNil() bool {
	switch v.Kind() {
	case abi.Chan, abi.Func, abi.Map, abi.Pointer, abi.UnsafePointer, abi.Slice:
		_, n := valueOp(opIsNil, v.v, nil, 0, 0)
		return n != 0
	case abi.Interface:
		return v.v == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.Kind()})
}

func (v Value) Len() int {
	switch v.Kind() {
	case abi.Slice, abi.Array, abi.Map, abi.String, abi.Chan:
		_, n := valueOp(opLen, v.v, nil, 0, 0)
		return n
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

// Elem returns the value the pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case abi.Pointer:
		if v.IsNil() {
			return Value{}
		}
		e, _ := valueOp(opLoad, v.v, nil, 0, 0)
		return Value{typ: typeElem(v.typ), v: e, ptr: v.v}
	case abi.Interface:
		return ValueOf(v.v)
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.Kind()})
}

// Set assigns x to the value v, which must be settable.
func (v Value) Set(x Value) {
	if v.ptr == nil {
		panic("reflect: reflectlite.Value.Set using unaddressable value")
	}
	if x.typ != v.typ && !(Kind(typeKind(v.typ)) == Interface && typeImplements(x.typ, v.typ)) {
		panic("reflect: reflectlite.Value.Set: value of type " + typeString(x.typ) + " is not assignable to type " + typeString(v.typ))
	}
	valueOp(opStore, v.ptr, x.v, 0, 0)
}

// Swapper returns a function that swaps the elements of the slice.
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
