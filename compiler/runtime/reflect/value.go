// Replaces gc's value.go, which reads and writes values through raw
// pointers in gc's memory layout (Value.ptr, flagIndir). Under WebAssembly
// GC a value has no address: a Value holds it as an interface value, and
// an addressable Value remembers the location it lives in (a pointer, or
// a struct, array or slice and an index). Operations that depend on a
// type's representation call the compiler-generated ops function of the
// type's descriptor (runtime/reflect.go, compiler lower/interfaces.rs).

package reflect

import (
	"errors"
	"iter"
	"math"
	"unsafe"
)

//go:linkname valueOp runtime.reflect_valueOp
func valueOp(op int, a, b any, i, j int) (any, int)

//go:linkname ptrOp runtime.reflect_ptrOp
func ptrOp(a any, i int) any

// callOp calls the func value fn with the arguments in frame, then room
// for the results, which it fills (lower/interfaces.rs, ValueOp::Call).
//
//go:linkname callOp runtime.reflect_call
func callOp(fn any, frame []any)

//go:linkname efaceMake runtime.reflect_efaceMake
func efaceMake(t unsafe.Pointer, p any) any

// payload returns e's payload as a T, which must have the representation
// of e's dynamic type (a named type's underlying basic type, say). The
// compiler supplies the body.
func payload[T any](e any) T {
	var zero T
	return zero
}

// Operations of valueOp; the numbering is the compiler's (lower/interfaces.rs).
const (
	opIsNil         = iota // a: nillable → int 1 if nil
	opLen                  // a: slice, string, array, map → len
	opSwap                 // a: slice; swaps elements i and j
	opStore                // a: pointer; stores b through it
	opLoad                 // a: pointer → the value it points to (a copy)
	opField                // a: struct → field i
	opIndex                // a: array or slice → element i
	opCap                  // a: slice → cap
	opSetField             // a: struct object; sets field i to b
	opSetIndex             // a: array or slice; sets element i to b
	opCopy                 // a: struct or array → a copy
	opDeref                // a: pointer to struct or array → the object itself
	opSlice                // a: slice → a[i:j:k], with j|k<<32 as j
	opMakeSlice            // a: nil slice of the type → make(T, i, j)
	opUnsafePointer        // a: pointer, map, chan, func or slice → its reference
	opCall                 // a: func; calls it with the arguments in b (see callOp)
	opCallMethod           // a: any; calls its method i (see methodCallOp)
	opMethodType           // a: any → an interface value of method i's func type
	opMakeFunc             // a: func; a new func of its type calling b (see makeFuncOp)
)

// Value is the reflection interface to a Go value.
type Value struct {
	t *rtype
	// v holds the value as an interface value of dynamic type t, or, for
	// interface kinds, the interface value itself. An addressable value
	// of a non-aggregate kind is read from its location instead (v is not
	// kept current); a struct or array is its own object, so v stays live.
	v any
	// base and idx locate an addressable value: base is a pointer to it
	// (idx < 0), or the struct, array or slice holding it as field or
	// element idx.
	base any
	idx  int
	flag
}

type flag uintptr

const (
	flagKindWidth      = 5
	flagKindMask  flag = 1<<flagKindWidth - 1
	flagStickyRO  flag = 1 << 5
	flagEmbedRO   flag = 1 << 6
	flagAddr      flag = 1 << 8
	// flagMethod marks a method value (Value.Method): v is the receiver,
	// idx the method's index in the receiver type's sorted method IDs.
	flagMethod flag = 1 << 9
	flagRO     flag = flagStickyRO | flagEmbedRO
)

func (f flag) kind() Kind { return Kind(f & flagKindMask) }

func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
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

func (f flag) mustBe(expected Kind) {
	if Kind(f&flagKindMask) != expected {
		panic(&ValueError{valueMethodName(), f.kind()})
	}
}

func (f flag) mustBeExported() {
	if f == 0 {
		panic(&ValueError{valueMethodName(), Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + valueMethodName() + " using value obtained using unexported field")
	}
}

func (f flag) mustBeAssignable() {
	if f == 0 {
		panic(&ValueError{valueMethodName(), Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + valueMethodName() + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + valueMethodName() + " using unaddressable value")
	}
}

// valueMethodName names the Value method in panics. gc finds it from the
// call stack; this port says "reflect.Value method" (panics keep their
// text otherwise).
func valueMethodName() string {
	return "reflect.Value method"
}

func aggregate(k Kind) bool { return k == Struct || k == Array }

// val returns the current value.
func (v Value) val() any {
	if v.flag&flagAddr != 0 && !aggregate(v.kind()) {
		if v.idx < 0 {
			x, _ := valueOp(opLoad, v.base, nil, 0, 0)
			return x
		}
		return element(v.base, v.idx)
	}
	return v.v
}

// element reads field or element i of a struct, array or slice.
func element(c any, i int) any {
	op := opIndex
	if Kind(typeKind(typeOf(c))) == Struct {
		op = opField
	}
	x, _ := valueOp(op, c, nil, i, 0)
	return x
}

// store writes x (an interface value of v's type, or for interface kinds
// the interface value to hold) to v's location.
func (v Value) store(x any) {
	switch {
	case v.idx < 0:
		valueOp(opStore, v.base, x, 0, 0)
	case Kind(typeKind(typeOf(v.base))) == Struct:
		valueOp(opSetField, v.base, x, v.idx, 0)
	default:
		valueOp(opSetIndex, v.base, x, v.idx, 0)
	}
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	t := toRType(typeOf(i))
	return Value{t: t, v: i, flag: flag(t.Kind())}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	return Value{t: t, v: zeroOf(t), flag: flag(t.Kind())}
}

// zeroOf returns the zero value of t as an interface value of type t (nil
// for interface types).
func zeroOf(t *rtype) any {
	switch t.Kind() {
	case Interface:
		return nil
	case Struct, Array:
		// The object: a copy of the type's shared zero.
		x, _ := valueOp(opCopy, efaceMake(t.t, nil), nil, 0, 0)
		return x
	}
	// A null payload is every other kind's zero.
	return efaceMake(t.t, nil)
}

// Indirect returns the value that v points to; for a nil pointer the zero
// Value, and v itself if v is not a pointer.
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.flag != 0 }

func (v Value) Kind() Kind { return v.kind() }

func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.t
}

// abiType is the value's type, for iter.go.
func (v Value) abiType() *rtype { return v.t }

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() (i any) {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return v.packEface()
}

// packEface returns v as an interface value; an addressable struct or
// array is copied, since its object can still change.
func (v Value) packEface() any {
	if v.flag&flagMethod != 0 {
		return v.methodFunc()
	}
	x := v.val()
	if v.flag&flagAddr != 0 && aggregate(v.kind()) {
		x, _ = valueOp(opCopy, x, nil, 0, 0)
	}
	return x
}

func (v Value) Bool() bool {
	v.mustBe(Bool)
	return payload[bool](v.val())
}

func (v Value) CanInt() bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

func (v Value) Int() int64 {
	x := v.val()
	switch v.kind() {
	case Int:
		return int64(payload[int](x))
	case Int8:
		return int64(payload[int8](x))
	case Int16:
		return int64(payload[int16](x))
	case Int32:
		return int64(payload[int32](x))
	case Int64:
		return payload[int64](x)
	}
	panic(&ValueError{"reflect.Value.Int", v.kind()})
}

func (v Value) CanUint() bool {
	switch v.kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

func (v Value) Uint() uint64 {
	x := v.val()
	switch v.kind() {
	case Uint:
		return uint64(payload[uint](x))
	case Uint8:
		return uint64(payload[uint8](x))
	case Uint16:
		return uint64(payload[uint16](x))
	case Uint32:
		return uint64(payload[uint32](x))
	case Uint64:
		return payload[uint64](x)
	case Uintptr:
		return uint64(payload[uintptr](x))
	}
	panic(&ValueError{"reflect.Value.Uint", v.kind()})
}

func (v Value) CanFloat() bool {
	k := v.kind()
	return k == Float32 || k == Float64
}

func (v Value) Float() float64 {
	switch v.kind() {
	case Float32:
		return float64(payload[float32](v.val()))
	case Float64:
		return payload[float64](v.val())
	}
	panic(&ValueError{"reflect.Value.Float", v.kind()})
}

func (v Value) CanComplex() bool {
	k := v.kind()
	return k == Complex64 || k == Complex128
}

func (v Value) Complex() complex128 {
	switch v.kind() {
	case Complex64:
		return complex128(payload[complex64](v.val()))
	case Complex128:
		return payload[complex128](v.val())
	}
	panic(&ValueError{"reflect.Value.Complex", v.kind()})
}

// String returns the string v holds, or "<T Value>" for other kinds.
func (v Value) String() string {
	if v.kind() == String {
		return payload[string](v.val())
	}
	if v.flag == 0 {
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.t.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return payload[[]byte](v.val())
	case Array:
		if v.t.elem().Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		n := v.Len()
		return payload[[]byte](v.sliceArray(0, n, n))
	}
	panic(&ValueError{"reflect.Value.Bytes", v.kind()})
}

func (v Value) IsNil() bool {
	if v.flag&flagMethod != 0 {
		return false
	}
	switch v.kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Slice:
		_, n := valueOp(opIsNil, v.val(), nil, 0, 0)
		return n != 0
	case Interface:
		return v.val() == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	switch v.kind() {
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		return v.Float() == 0 && !math.Signbit(v.Float())
	case Complex64, Complex128:
		c := v.Complex()
		return real(c) == 0 && imag(c) == 0 && !math.Signbit(real(c)) && !math.Signbit(imag(c))
	case String:
		return v.Len() == 0
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.IsNil()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	panic(&ValueError{"reflect.Value.IsZero", v.Kind()})
}

// SetZero sets v to be the zero value of v's type.
func (v Value) SetZero() {
	v.mustBeAssignable()
	v.assign(zeroOf(v.t))
}

// assign stores x, an interface value of v's type (or for interface
// kinds, the interface value to hold), into v.
func (v Value) assign(x any) {
	v.store(x)
}

func (v Value) Len() int {
	switch v.kind() {
	case Slice, String:
		_, n := valueOp(opLen, v.val(), nil, 0, 0)
		return n
	case Array:
		return v.t.Len()
	case Map:
		return maplen(v.val())
	case Chan:
		return chanlen(v.val())
	case Pointer:
		if v.t.elem().Kind() == Array {
			return v.t.elem().Len()
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

func (v Value) Cap() int {
	switch v.kind() {
	case Slice:
		_, n := valueOp(opCap, v.val(), nil, 0, 0)
		return n
	case Array:
		return v.t.Len()
	case Chan:
		return chancap(v.val())
	case Pointer:
		if v.t.elem().Kind() == Array {
			return v.t.elem().Len()
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Cap", v.kind()})
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.kind() {
	case Interface:
		x := v.val()
		if x == nil {
			return Value{}
		}
		t := toRType(typeOf(x))
		return Value{t: t, v: x, flag: v.flag.ro() | flag(t.Kind())}
	case Pointer:
		p := v.val()
		if _, isNil := valueOp(opIsNil, p, nil, 0, 0); isNil != 0 {
			return Value{}
		}
		et := v.t.elem()
		e := Value{t: et, base: p, idx: -1, flag: v.flag.ro() | flagAddr | flag(et.Kind())}
		if aggregate(et.Kind()) {
			e.v, _ = valueOp(opDeref, p, nil, 0, 0)
		}
		return e
	}
	panic(&ValueError{"reflect.Value.Elem", v.kind()})
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	v.mustBe(Struct)
	if uint(i) >= uint(v.t.NumField()) {
		panic("reflect: Field index out of range")
	}
	ft, fl := v.t.field(i)
	fl |= v.flag & (flagStickyRO | flagAddr)
	obj := v.val()
	f := Value{t: ft, flag: fl}
	if fl&flagAddr == 0 || aggregate(ft.Kind()) {
		f.v, _ = valueOp(opField, obj, nil, i, 0)
	}
	if fl&flagAddr != 0 {
		f.base, f.idx = obj, i
	}
	return f
}

func (v Value) NumField() int {
	v.mustBe(Struct)
	return v.t.NumField()
}

// FieldByIndex returns the nested field corresponding to index, panicking
// on a nil embedded pointer.
func (v Value) FieldByIndex(index []int) Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	v.mustBe(Struct)
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.t.elem().Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex, returning an error for a nil embedded
// pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.mustBe(Struct)
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.t.elem().Kind() == Struct {
			if v.IsNil() {
				return Value{}, errors.New("reflect: indirection through nil pointer to embedded struct field " + v.t.elem().Name())
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

func (v Value) FieldByName(name string) Value {
	if f, ok := v.t.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := v.t.FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// Index returns v's i'th element (array, slice or string).
func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array, Slice:
		if uint(i) >= uint(v.Len()) {
			panic("reflect: " + v.kind().String() + " index out of range")
		}
		et := v.t.elem()
		fl := v.flag&(flagRO|flagAddr) | flag(et.Kind())
		if v.kind() == Slice {
			fl |= flagAddr
		}
		c := v.val()
		e := Value{t: et, flag: fl}
		if fl&flagAddr == 0 || aggregate(et.Kind()) {
			e.v, _ = valueOp(opIndex, c, nil, i, 0)
		}
		if fl&flagAddr != 0 {
			e.base, e.idx = c, i
		}
		return e
	case String:
		s := payload[string](v.val())
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		t := toRType(typeOf(uint8(0)))
		return Value{t: t, v: s[i], flag: v.flag.ro() | flag(Uint8)}
	}
	panic(&ValueError{"reflect.Value.Index", v.kind()})
}

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	switch v.kind() {
	case Slice:
		if i < 0 || j < i || j > v.Cap() {
			panic("reflect.Value.Slice: slice index out of bounds")
		}
		x, _ := valueOp(opSlice, v.val(), nil, i, j|v.Cap()<<32)
		return Value{t: v.t, v: x, flag: v.flag.ro() | flag(Slice)}
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		n := v.Len()
		if i < 0 || j < i || j > n {
			panic("reflect.Value.Slice: slice index out of bounds")
		}
		x := v.sliceArray(i, j, n)
		return Value{t: toRType(typeOf(x)), v: x, flag: v.flag.ro() | flag(Slice)}
	case String:
		s := payload[string](v.val())
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		return Value{t: v.t, v: efaceMake(v.t.t, s[i:j]), flag: v.flag.ro() | flag(String)}
	}
	panic(&ValueError{"reflect.Value.Slice", v.kind()})
}

// sliceArray is the addressable array v sliced [i:j:k], sharing its
// elements.
func (v Value) sliceArray(i, j, k int) any {
	x, _ := valueOp(opSlice, v.val(), nil, i, j|k<<32)
	if x == nil {
		panic(unsupported("slicing an array whose slice type the program never uses"))
	}
	return x
}

// Slice3 returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	v.mustBe(Slice)
	if i < 0 || j < i || k < j || k > v.Cap() {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	x, _ := valueOp(opSlice, v.val(), nil, i, j|k<<32)
	return Value{t: v.t, v: x, flag: v.flag.ro() | flag(Slice)}
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	x, _ := valueOp(opMakeSlice, efaceMake(t.t, nil), nil, len, cap)
	return Value{t: t, v: x, flag: flag(Slice)}
}

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.mustBeAssignable()
	x.mustBeExported()
	v.assign(x.assignTo("reflect.Set", v.t))
}

// assignTo returns v's value as it is stored in a location of type dst.
func (v Value) assignTo(context string, dst *rtype) any {
	switch {
	case directlyAssignable(dst, v.t):
		if dst == v.t || dst.Kind() == Interface {
			return v.packEface()
		}
		return efaceMake(dst.t, v.packEface())
	case dst.Kind() == Interface && implements(dst, v.t):
		if v.Kind() == Interface && v.IsNil() {
			return nil
		}
		return v.packEface()
	}
	panic(context + ": value of type " + v.t.String() + " is not assignable to type " + dst.String())
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable()
	v.mustBe(Bool)
	v.assign(efaceMake(v.t.t, x))
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable()
	var p any
	switch v.kind() {
	case Int:
		p = int(x)
	case Int8:
		p = int8(x)
	case Int16:
		p = int16(x)
	case Int32:
		p = int32(x)
	case Int64:
		p = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.kind()})
	}
	v.assign(efaceMake(v.t.t, p))
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable()
	var p any
	switch v.kind() {
	case Uint:
		p = uint(x)
	case Uint8:
		p = uint8(x)
	case Uint16:
		p = uint16(x)
	case Uint32:
		p = uint32(x)
	case Uint64:
		p = x
	case Uintptr:
		p = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.kind()})
	}
	v.assign(efaceMake(v.t.t, p))
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable()
	switch v.kind() {
	case Float32:
		v.assign(efaceMake(v.t.t, float32(x)))
	case Float64:
		v.assign(efaceMake(v.t.t, x))
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.kind()})
	}
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable()
	switch v.kind() {
	case Complex64:
		v.assign(efaceMake(v.t.t, complex64(x)))
	case Complex128:
		v.assign(efaceMake(v.t.t, x))
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.kind()})
	}
}

func (v Value) SetString(x string) {
	v.mustBeAssignable()
	v.mustBe(String)
	v.assign(efaceMake(v.t.t, x))
}

func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable()
	v.mustBe(Slice)
	if v.t.elem().Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	v.assign(efaceMake(v.t.t, x))
}

func (v Value) SetLen(n int) {
	v.mustBeAssignable()
	v.mustBe(Slice)
	if uint(n) > uint(v.Cap()) {
		panic("reflect: slice length out of range in SetLen")
	}
	x, _ := valueOp(opSlice, v.val(), nil, 0, n|v.Cap()<<32)
	v.assign(x)
}

func (v Value) SetCap(n int) {
	v.mustBeAssignable()
	v.mustBe(Slice)
	if n < v.Len() || n > v.Cap() {
		panic("reflect: slice capacity out of range in SetCap")
	}
	x, _ := valueOp(opSlice, v.val(), nil, 0, v.Len()|n<<32)
	v.assign(x)
}

func (v Value) OverflowComplex(x complex128) bool { return v.t.OverflowComplex(x) }
func (v Value) OverflowFloat(x float64) bool      { return v.t.OverflowFloat(x) }
func (v Value) OverflowInt(x int64) bool          { return v.t.OverflowInt(x) }
func (v Value) OverflowUint(x uint64) bool        { return v.t.OverflowUint(x) }

// Pointer returns v's value as a uintptr. Objects under WebAssembly GC
// have no address: nil is 0 and anything else a non-zero placeholder,
// as for uintptr(unsafe.Pointer(p)); a func's is its code's entry program
// counter where the program has a line table (runtime.FuncForPC).
func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer, Func, Slice:
		if v.IsNil() {
			return 0
		}
		if v.kind() == Func && v.flag&flagMethod == 0 {
			if pc := funcPC(v.v); pc != 0 {
				return pc
			}
		}
		return 0xc000010000
	}
	panic(&ValueError{"reflect.Value.Pointer", v.kind()})
}

//go:linkname funcPC runtime.reflect_funcPC
func funcPC(f any) uintptr

// UnsafePointer returns v's value as an unsafe.Pointer, which identifies
// the object (for a slice, its first element); converted to uintptr it is
// a placeholder, as addresses are.
func (v Value) UnsafePointer() unsafe.Pointer {
	if v.flag&flagMethod != 0 {
		// gc returns the code pointer every method value shares.
		return unsafe.Pointer(&methodValueCall)
	}
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer, Func, Slice:
		p, _ := valueOp(opUnsafePointer, v.val(), nil, 0, 0)
		return payload[unsafe.Pointer](p)
	}
	panic(&ValueError{"reflect.Value.UnsafePointer", v.kind()})
}

// methodValueCall stands for the code of method values (gc's
// methodValueCall stub) in UnsafePointer.
var methodValueCall byte

func (v Value) UnsafeAddr() uintptr { panic(unsupported("Value.UnsafeAddr")) }

func (v Value) SetPointer(x unsafe.Pointer) { panic(unsupported("Value.SetPointer")) }

func (v Value) InterfaceData() [2]uintptr { panic(unsupported("Value.InterfaceData")) }

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	pt := v.t.ptrTo()
	var p any
	switch {
	case v.idx < 0:
		// base is the pointer v was reached through, maybe of a named
		// pointer type.
		p = efaceMake(pt.t, v.base)
	default:
		p = ptrOp(v.base, v.idx)
	}
	return Value{t: pt, v: p, flag: v.flag.ro() | flag(Pointer)}
}

func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid:
		return false
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Comparable() {
				return false
			}
		}
		return true
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	}
	return v.t.Comparable()
}

// Equal reports whether v is equal to u, as Go's == does.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.Type() != u.Type() {
		return false
	}
	return v.packEface() == u.packEface()
}

func (v Value) NumMethod() int {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.t.NumMethod()
}

// Method returns a function value for v's i'th exported method (in name
// order), bound to v.
func (v Value) Method(i int) Value {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	recv, ids := v.receiver("Method")
	n := 0
	for k, id := range ids {
		if methodExported(id) {
			if n == i {
				return v.methodValue(recv, k)
			}
			n++
		}
	}
	panic("reflect: Method index out of range")
}

// MethodByName returns a function value for v's exported method name,
// bound to v, or the zero Value when there is none.
func (v Value) MethodByName(name string) Value {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	recv, ids := v.receiver("MethodByName")
	for k, id := range ids {
		if id == name {
			return v.methodValue(recv, k)
		}
	}
	return Value{}
}

// receiver is the value whose methods v has (an interface's dynamic
// value) and its type's sorted method IDs.
func (v Value) receiver(op string) (any, []string) {
	if v.flag&flagMethod != 0 {
		panic("reflect: " + op + " of method value")
	}
	recv := v.packEface()
	if v.kind() == Interface && recv == nil {
		panic("reflect: " + op + " of nil interface value")
	}
	return recv, typeMethods(typeOf(recv))
}

// methodValue is method k (of the sorted IDs) of recv, bound to it.
func (v Value) methodValue(recv any, k int) Value {
	mt, _ := valueOp(opMethodType, recv, nil, k, 0)
	return Value{t: toRType(typeOf(mt)), v: recv, idx: k, flag: v.flag.ro() | flagMethod | flag(Func)}
}

// callMethod calls the method value v with the arguments and room for
// the results in frame.
func (v Value) callMethod(frame []any) {
	methodCallOp(v.v, v.idx, frame)
}

//go:linkname methodCallOp runtime.reflect_callMethod
func methodCallOp(recv any, i int, frame []any)

func (v Value) Methods() iter.Seq2[Method, Value] {
	panic(unsupported("Value.Methods"))
}

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.flag.mustBe(Func)
	v.mustBeExported()
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with the input arguments in,
// assigning the slice in[len(in)-1] to v's final variadic argument.
func (v Value) CallSlice(in []Value) []Value {
	v.flag.mustBe(Func)
	v.mustBeExported()
	return v.call("CallSlice", in)
}

// call checks the arguments as gc's reflect does, packs a variadic tail
// into a slice, and calls through the func type's operations.
func (v Value) call(op string, in []Value) []Value {
	t := v.t
	if v.IsNil() {
		panic("reflect: call of nil function")
	}
	isSlice := op == "CallSlice"
	n := t.NumIn()
	isVariadic := t.IsVariadic()
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), t.In(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if !isSlice && isVariadic {
		m := len(in) - n
		slice := MakeSlice(t.In(n), m, m)
		elem := t.In(n).Elem()
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.Type(); !xt.AssignableTo(elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		origIn := in
		in = make([]Value, n+1)
		copy(in[:n], origIn)
		in[n] = slice
	}
	nin, nout := t.NumIn(), t.NumOut()
	frame := make([]any, nin+nout)
	for i, x := range in {
		frame[i] = x.assignTo("reflect.Value.Call", t.In(i).(*rtype))
	}
	if v.flag&flagMethod != 0 {
		v.callMethod(frame)
	} else {
		callOp(v.val(), frame)
	}
	out := make([]Value, nout)
	for i := range out {
		out[i] = makeValue(t.Out(i).(*rtype), frame[nin+i], 0)
	}
	return out
}

func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField, Value) bool) {
		for i := range v.NumField() {
			if !yield(t.Field(i), v.Field(i)) {
				return
			}
		}
	}
}

// Convert returns the value v converted to type t.
func (v Value) Convert(t Type) Value {
	op := convertOp(t.common(), v.t)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.t.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t.common())
}

// CanConvert reports whether v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	return convertOp(t.common(), v.t) != nil
}

// convertOp returns the function converting a value of type src to dst,
// or nil if the conversion is not allowed.
func convertOp(dst, src *rtype) func(Value, *rtype) Value {
	switch sk, dk := src.Kind(), dst.Kind(); {
	case isIntKind(sk) && isNumeric(dk), isUintKind(sk) && isNumeric(dk), isFloatKind(sk) && isNumeric(dk) && !isComplexKind(dk), isComplexKind(sk) && isComplexKind(dk):
		return convertNumber
	case (isIntKind(sk) || isUintKind(sk)) && dk == String:
		return func(v Value, t *rtype) Value {
			var r rune
			if isIntKind(v.kind()) {
				r = rune(v.Int())
				if int64(r) != v.Int() {
					r = 0xFFFD
				}
			} else {
				r = rune(v.Uint())
				if uint64(r) != v.Uint() {
					r = 0xFFFD
				}
			}
			return makeValue(t, efaceMake(t.t, string(r)), v.flag.ro())
		}
	case sk == String && dk == Slice && dst.elem().Kind() == Uint8 && dst.elem().PkgPath() == "":
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, []byte(v.String())), v.flag.ro())
		}
	case sk == String && dk == Slice && dst.elem().Kind() == Int32 && dst.elem().PkgPath() == "":
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, []rune(v.String())), v.flag.ro())
		}
	case sk == Slice && dk == String && src.elem().Kind() == Uint8 && src.elem().PkgPath() == "":
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, string(payload[[]byte](v.val()))), v.flag.ro())
		}
	case sk == Slice && dk == String && src.elem().Kind() == Int32 && src.elem().PkgPath() == "":
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, string(payload[[]rune](v.val()))), v.flag.ro())
		}
	}
	if haveIdenticalUnderlyingType(dst, src) ||
		dst.Kind() == Chan && directlyAssignable(dst, src) {
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, v.packEface()), v.flag.ro())
		}
	}
	if dst.Kind() == Pointer && dst.Name() == "" && src.Kind() == Pointer && src.Name() == "" &&
		haveIdenticalUnderlyingType(dst.elem(), src.elem()) {
		return func(v Value, t *rtype) Value {
			return makeValue(t, efaceMake(t.t, v.packEface()), v.flag.ro())
		}
	}
	if dst.Kind() == Interface && implements(dst, src) {
		return func(v Value, t *rtype) Value {
			x := v.packEface()
			if v.Kind() == Interface && v.IsNil() {
				x = nil
			}
			return makeValue(t, x, v.flag.ro())
		}
	}
	return nil
}

// haveIdenticalUnderlyingType reports whether the underlying types of a
// and b are identical: the same kind and structure, with element, field,
// parameter and method types that are themselves identical (descriptors
// are unique per type, so those compare by pointer).
func haveIdenticalUnderlyingType(a, b *rtype) bool {
	if a == b {
		return true
	}
	if a.Kind() != b.Kind() {
		return false
	}
	if a.Kind().basic() {
		return true
	}
	switch a.Kind() {
	case Array:
		return a.Len() == b.Len() && a.elem() == b.elem()
	case Chan:
		return a.ChanDir() == b.ChanDir() && a.elem() == b.elem()
	case Map:
		return a.Key() == b.Key() && a.elem() == b.elem()
	case Pointer, Slice:
		return a.elem() == b.elem()
	case Struct:
		if a.NumField() != b.NumField() {
			return false
		}
		for i := 0; i < a.NumField(); i++ {
			fa, fb := a.Field(i), b.Field(i)
			if fa.Name != fb.Name || fa.Type != fb.Type || fa.Tag != fb.Tag || fa.Anonymous != fb.Anonymous || fa.PkgPath != fb.PkgPath {
				return false
			}
		}
		return true
	case Func:
		if a.IsVariadic() != b.IsVariadic() || a.NumIn() != b.NumIn() || a.NumOut() != b.NumOut() {
			return false
		}
		for i := 0; i < a.NumIn(); i++ {
			if a.In(i) != b.In(i) {
				return false
			}
		}
		for i := 0; i < a.NumOut(); i++ {
			if a.Out(i) != b.Out(i) {
				return false
			}
		}
		return true
	case Interface:
		if a.NumMethod() != b.NumMethod() {
			return false
		}
		for i := 0; i < a.NumMethod(); i++ {
			ma, mb := a.Method(i), b.Method(i)
			if ma.Name != mb.Name || ma.PkgPath != mb.PkgPath || ma.Type != mb.Type {
				return false
			}
		}
		return true
	}
	return false
}

func makeValue(t *rtype, x any, ro flag) Value {
	return Value{t: t, v: x, flag: ro | flag(t.Kind())}
}

func isIntKind(k Kind) bool     { return k >= Int && k <= Int64 }
func isUintKind(k Kind) bool    { return k >= Uint && k <= Uintptr }
func isFloatKind(k Kind) bool   { return k == Float32 || k == Float64 }
func isComplexKind(k Kind) bool { return k == Complex64 || k == Complex128 }
func isNumeric(k Kind) bool     { return k >= Int && k <= Complex128 }

func convertNumber(v Value, t *rtype) Value {
	var x any
	sk := v.kind()
	switch dk := t.Kind(); {
	case isComplexKind(dk):
		c := v.Complex()
		if dk == Complex64 {
			x = complex64(c)
		} else {
			x = c
		}
	case isFloatKind(sk):
		f := v.Float()
		x = numberFromFloat(dk, f)
	case isIntKind(sk):
		x = numberFromInt(dk, v.Int())
	default:
		x = numberFromUint(dk, v.Uint())
	}
	return makeValue(t, efaceMake(t.t, x), v.flag.ro())
}

func numberFromInt(k Kind, i int64) any {
	switch k {
	case Float32:
		return float32(i)
	case Float64:
		return float64(i)
	}
	return numberFromUint(k, uint64(i))
}

func numberFromUint(k Kind, u uint64) any {
	switch k {
	case Int:
		return int(u)
	case Int8:
		return int8(u)
	case Int16:
		return int16(u)
	case Int32:
		return int32(u)
	case Int64:
		return int64(u)
	case Uint:
		return uint(u)
	case Uint8:
		return uint8(u)
	case Uint16:
		return uint16(u)
	case Uint32:
		return uint32(u)
	case Uint64:
		return u
	case Uintptr:
		return uintptr(u)
	case Float32:
		return float32(u)
	case Float64:
		return float64(u)
	}
	panic("reflect: bad number kind " + k.String())
}

func numberFromFloat(k Kind, f float64) any {
	switch k {
	case Float32:
		return float32(f)
	case Float64:
		return f
	case Int:
		return int(f)
	case Int8:
		return int8(f)
	case Int16:
		return int16(f)
	case Int32:
		return int32(f)
	case Int64:
		return int64(f)
	case Uint:
		return uint(f)
	case Uint8:
		return uint8(f)
	case Uint16:
		return uint16(f)
	case Uint32:
		return uint32(f)
	case Uint64:
		return uint64(f)
	case Uintptr:
		return uintptr(f)
	}
	panic("reflect: bad number kind " + k.String())
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice)
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice)
	t.mustBe(Slice)
	ns, nt := s.Len(), t.Len()
	s = s.extendSlice(nt)
	Copy(s.Slice(ns, ns+nt), t)
	return s
}

// extendSlice returns s extended by n elements, reallocated as append
// does when the capacity does not suffice.
func (v Value) extendSlice(n int) Value {
	l, c := v.Len(), v.Cap()
	if l+n <= c {
		return v.Slice(0, l+n)
	}
	newCap := c * 2
	if c >= 256 {
		newCap = c + (c+3*256)/4
	}
	if newCap < l+n {
		newCap = l + n
	}
	s := MakeSlice(v.t, l+n, newCap)
	Copy(s, v)
	s.flag |= v.flag.ro()
	return s
}

// Grow increases the slice's capacity, if necessary, to guarantee space
// for another n elements.
func (v Value) Grow(n int) {
	v.mustBeAssignable()
	v.mustBe(Slice)
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	if v.Len()+n > v.Cap() {
		s := v.extendSlice(n)
		v.assign(s.Slice(0, v.Len()).val())
	}
}

// Clear clears the contents of a map or zeros the contents of a slice.
func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		for i := 0; i < v.Len(); i++ {
			v.Index(i).SetZero()
		}
	case Map:
		mapclear(v.val())
	default:
		panic(&ValueError{"reflect.Value.Clear", v.Kind()})
	}
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted. It returns the number of elements
// copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array {
		dst.mustBeAssignable()
	}
	dst.mustBeExported()
	sk := src.kind()
	if sk != Array && sk != Slice && sk != String {
		panic(&ValueError{"reflect.Copy", sk})
	}
	src.mustBeExported()
	n := min(dst.Len(), src.Len())
	// Overlapping slices copy as memmove does.
	if dk == Slice && sk == Slice && n > 0 {
		tmp := make([]any, n)
		for i := range tmp {
			tmp[i] = src.Index(i).packEface()
		}
		for i, x := range tmp {
			dst.Index(i).assign(x)
		}
		return n
	}
	for i := 0; i < n; i++ {
		dst.Index(i).assign(src.Index(i).packEface())
	}
	return n
}

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	pt := typ.common().ptrTo()
	p := ptrOp(efaceMake(pt.t, nil), 0)
	return Value{t: pt, v: p, flag: flag(Pointer)}
}

// NewAt returns a Value representing a pointer to a value of the
// specified type, using p as that pointer.
func NewAt(typ Type, p unsafe.Pointer) Value { panic(unsupported("NewAt")) }

// SliceAt returns a Value representing a slice whose underlying data
// starts at p.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value { panic(unsupported("SliceAt")) }

// TypeAssert is semantically equivalent to v2, ok := v.Interface().(T).
func TypeAssert[T any](v Value) (T, bool) {
	x, ok := v.Interface().(T)
	return x, ok
}

// StringHeader is the runtime representation of a string.
//
// Deprecated: Use unsafe.String or unsafe.StringData instead.
type StringHeader struct {
	Data uintptr
	Len  int
}

// SliceHeader is the runtime representation of a slice.
//
// Deprecated: Use unsafe.Slice or unsafe.SliceData instead.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// Channels.

//go:linkname chanlen runtime.reflect_chanlen
func chanlen(c any) int

//go:linkname chancap runtime.reflect_chancap
func chancap(c any) int

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir // direction of case
	Chan Value     // channel to use (for send or receive)
	Send Value     // value to send (for send)
}

//go:linkname chanrecv runtime.reflect_chanrecv
func chanrecv(c any, nb bool) (selected bool, x any, ok bool)

//go:linkname chansend runtime.reflect_chansend
func chansend(c, x any, nb bool) bool

//go:linkname chanclose runtime.reflect_chanclose
func chanclose(c any)

//go:linkname makechan runtime.reflect_makechan
func makechan(t unsafe.Pointer, size int) any

//go:linkname rselect runtime.reflect_select
func rselect(chans []any, send []bool, elems []any, block bool) (chosen int, x any, ok bool)

// Select executes a select operation described by the list of cases.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	// The runtime's select takes the send and receive cases; a default
	// case makes it non-blocking.
	var (
		index       []int
		chans       []any
		send        []bool
		elems       []any
		haveDefault = -1
	)
	for i, c := range cases {
		var ch, elem any
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")
		case SelectDefault:
			if haveDefault >= 0 {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = i
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
			continue
		case SelectSend:
			if c.Chan.IsValid() {
				c.Chan.mustBe(Chan)
				c.Chan.mustBeExported()
				if c.Chan.t.ChanDir()&SendDir == 0 {
					panic("reflect.Select: SendDir case using recv-only channel")
				}
				if !c.Send.IsValid() {
					panic("reflect.Select: SendDir case missing Send value")
				}
				c.Send.mustBeExported()
				ch = c.Chan.val()
				elem = c.Send.assignTo("reflect.Select", c.Chan.t.elem())
			}
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			if c.Chan.IsValid() {
				c.Chan.mustBe(Chan)
				c.Chan.mustBeExported()
				if c.Chan.t.ChanDir()&RecvDir == 0 {
					panic("reflect.Select: RecvDir case using send-only channel")
				}
				ch = c.Chan.val()
			}
		}
		index = append(index, i)
		chans = append(chans, ch)
		send = append(send, c.Dir == SelectSend)
		elems = append(elems, elem)
	}
	k, x, ok := rselect(chans, send, elems, haveDefault < 0)
	if k < 0 {
		return haveDefault, Value{}, false
	}
	chosen = index[k]
	if c := cases[chosen]; c.Dir == SelectRecv {
		recv = received(c.Chan.t.elem(), x)
	}
	return chosen, recv, ok
}

// received is the Value of x received from a channel of element type t
// (nil when the channel was closed).
func received(t *rtype, x any) Value {
	if x == nil {
		x = zeroOf(t)
	}
	return Value{t: t, v: x, flag: flag(t.Kind())}
}

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	return Value{t: t, v: makechan(t.t, buffer), flag: flag(Chan)}
}

// Send sends x on the channel v.
func (v Value) Send(x Value) {
	v.mustBe(Chan)
	v.mustBeExported()
	v.send(x, false)
}

// TrySend attempts to send x on the channel v but will not block.
func (v Value) TrySend(x Value) bool {
	v.mustBe(Chan)
	v.mustBeExported()
	return v.send(x, true)
}

func (v Value) send(x Value, nb bool) bool {
	if v.t.ChanDir()&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported()
	return chansend(v.val(), x.assignTo("reflect.Value.Send", v.t.elem()), nb)
}

// Recv receives and returns a value from the channel v.
func (v Value) Recv() (x Value, ok bool) {
	v.mustBe(Chan)
	v.mustBeExported()
	return v.recv(false)
}

// TryRecv attempts to receive a value from the channel v but will not
// block; when it would block, x is the zero Value.
func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe(Chan)
	v.mustBeExported()
	return v.recv(true)
}

func (v Value) recv(nb bool) (Value, bool) {
	if v.t.ChanDir()&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	selected, x, ok := chanrecv(v.val(), nb)
	if !selected {
		return Value{}, false
	}
	return received(v.t.elem(), x), ok
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe(Chan)
	v.mustBeExported()
	if v.t.ChanDir()&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	chanclose(v.val())
}
