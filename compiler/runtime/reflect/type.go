// Replaces gc's type.go, which reads types from gc's abi.Type memory layout
// (name and type offsets into module data). Here a type is the runtime's
// descriptor (runtime._type), which the compiler emits and fills with what
// reflection reports; this file reads it through functions the runtime
// provides (runtime/reflect.go).

// Package reflect implements run-time reflection, allowing a program to
// manipulate objects with arbitrary types.
package reflect

import (
	"iter"
	"strconv"
	"unsafe"
)

// Implemented in the runtime (runtime/reflect.go). A descriptor travels as
// unsafe.Pointer.

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

//go:linkname typeMethods runtime.reflect_typeMethods
func typeMethods(t unsafe.Pointer) []string

//go:linkname typeAlign runtime.reflect_typeAlign
func typeAlign(t unsafe.Pointer) int

//go:linkname typeChanDir runtime.reflect_typeChanDir
func typeChanDir(t unsafe.Pointer) int

//go:linkname typeLen runtime.reflect_typeLen
func typeLen(t unsafe.Pointer) int

//go:linkname typeKey runtime.reflect_typeKey
func typeKey(t unsafe.Pointer) unsafe.Pointer

//go:linkname typePtrTo runtime.reflect_typePtrTo
func typePtrTo(t unsafe.Pointer) unsafe.Pointer

//go:linkname typeNumField runtime.reflect_typeNumField
func typeNumField(t unsafe.Pointer) int

//go:linkname typeField runtime.reflect_typeField
func typeField(t unsafe.Pointer, i int) (name, pkgpath string, typ unsafe.Pointer, tag string, offset uintptr, embedded bool)

//go:linkname typeIn runtime.reflect_typeIn
func typeIn(t unsafe.Pointer) []unsafe.Pointer

//go:linkname typeOut runtime.reflect_typeOut
func typeOut(t unsafe.Pointer) []unsafe.Pointer

//go:linkname typeIsVariadic runtime.reflect_typeIsVariadic
func typeIsVariadic(t unsafe.Pointer) bool

//go:linkname typeCache runtime.reflect_typeCache
func typeCache(t unsafe.Pointer) any

//go:linkname setTypeCache runtime.reflect_setTypeCache
func setTypeCache(t unsafe.Pointer, r any)

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	Methods() iter.Seq[Method]
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	Fields() iter.Seq[StructField]
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Ins() iter.Seq[Type]
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	Outs() iter.Seq[Type]
	OverflowComplex(x complex128) bool
	OverflowFloat(x float64) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	CanSeq() bool
	CanSeq2() bool
	common() *rtype
}

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir             = 1 << iota // <-chan
	SendDir                                 // chan<-
	BothDir = RecvDir | SendDir             // chan
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // method type
	Func    Value // func with receiver as first argument
	Index   int   // index for Type.Method
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool {
	return m.PkgPath == ""
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return f.PkgPath == ""
}

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and
// whether the key was present.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
}

// rtype is the implementation of Type: one per descriptor (the runtime
// keeps it on the descriptor), so Type values compare with ==.
type rtype struct {
	t unsafe.Pointer
}

func toRType(t unsafe.Pointer) *rtype {
	if t == nil {
		return nil
	}
	if r, ok := typeCache(t).(*rtype); ok {
		return r
	}
	r := &rtype{t}
	setTypeCache(t, r)
	return r
}

func toType(t unsafe.Pointer) Type {
	if t == nil {
		return nil
	}
	return toRType(t)
}

// TypeOf returns the reflection Type that represents the dynamic type of i.
func TypeOf(i any) Type {
	return toType(typeOf(i))
}

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() Type {
	var v T
	if t := TypeOf(v); t != nil {
		return t
	}
	return TypeOf((*T)(nil)).Elem()
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) Kind() Kind       { return Kind(typeKind(t.t)) }
func (t *rtype) String() string   { return typeString(t.t) }
func (t *rtype) Size() uintptr    { return typeSize(t.t) }
func (t *rtype) Align() int       { return typeAlign(t.t) }
func (t *rtype) FieldAlign() int  { return typeAlign(t.t) }
func (t *rtype) Comparable() bool { return typeComparable(t.t) }

func (t *rtype) PkgPath() string {
	if t.Name() == "" {
		return ""
	}
	return typePkgPath(t.t)
}

// Name returns the type's name within its package ("" for unnamed types).
func (t *rtype) Name() string {
	if typePkgPath(t.t) == "" && !t.Kind().basic() {
		return ""
	}
	s := t.String()
	i := len(s) - 1
	brackets := 0
	for i >= 0 && (s[i] != '.' || brackets != 0) {
		switch s[i] {
		case ']':
			brackets++
		case '[':
			brackets--
		}
		i--
	}
	return s[i+1:]
}

func (k Kind) basic() bool {
	return k != Invalid && k <= Complex128 || k == String || k == UnsafePointer
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.Size()) * 8
}

func (t *rtype) mustBe(k Kind, method string) {
	if t.Kind() != k {
		panic("reflect: " + method + " of non-" + k.String() + " type " + t.String())
	}
}

func (t *rtype) ChanDir() ChanDir {
	t.mustBe(Chan, "ChanDir")
	return ChanDir(typeChanDir(t.t))
}

func (t *rtype) IsVariadic() bool {
	t.mustBe(Func, "IsVariadic")
	return typeIsVariadic(t.t)
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(typeElem(t.t))
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) elem() *rtype { return toRType(typeElem(t.t)) }

func (t *rtype) Key() Type {
	t.mustBe(Map, "Key")
	return toType(typeKey(t.t))
}

func (t *rtype) Len() int {
	t.mustBe(Array, "Len")
	return typeLen(t.t)
}

func (t *rtype) NumField() int {
	t.mustBe(Struct, "NumField")
	return typeNumField(t.t)
}

func (t *rtype) Field(i int) StructField {
	t.mustBe(Struct, "Field")
	if i < 0 || i >= typeNumField(t.t) {
		panic("reflect: Field index out of bounds")
	}
	name, pkgpath, typ, tag, offset, embedded := typeField(t.t, i)
	return StructField{
		Name:      name,
		PkgPath:   pkgpath,
		Type:      toType(typ),
		Tag:       StructTag(tag),
		Offset:    offset,
		Index:     []int{i},
		Anonymous: embedded,
	}
}

// field returns field i's type and reflect flags.
func (t *rtype) field(i int) (*rtype, flag) {
	_, pkgpath, typ, _, _, embedded := typeField(t.t, i)
	ft := toRType(typ)
	fl := flag(ft.Kind())
	if pkgpath != "" {
		if embedded {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	return ft, fl
}

func (t *rtype) FieldByIndex(index []int) StructField {
	t.mustBe(Struct, "FieldByIndex")
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 {
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
		}
		f = ft.Field(x)
		ft = f.Type
	}
	if len(index) > 1 {
		f.Index = append([]int(nil), index...)
	}
	return f
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	t.mustBe(Struct, "FieldByName")
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// FieldByNameFunc finds the field as the Go language does: breadth first
// through embedded structs, a name found twice at one depth annihilating
// both (gc's algorithm over this package's Type API).
func (t *rtype) FieldByNameFunc(match func(string) bool) (result StructField, ok bool) {
	t.mustBe(Struct, "FieldByNameFunc")
	type fieldScan struct {
		typ   *rtype
		index []int
	}
	current := []fieldScan{}
	next := []fieldScan{{typ: t}}
	var nextCount map[*rtype]int
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current, next = next, current[:0]
		count := nextCount
		nextCount = nil
		for _, scan := range current {
			st := scan.typ
			if visited[st] {
				continue
			}
			visited[st] = true
			for i := 0; i < typeNumField(st.t); i++ {
				fname, _, ftyp, _, _, embedded := typeField(st.t, i)
				var ntyp *rtype
				if embedded {
					ntyp = toRType(ftyp)
					if ntyp.Kind() == Pointer {
						ntyp = ntyp.elem()
					}
				}
				if match(fname) {
					if count[st] > 1 || ok {
						return StructField{}, false
					}
					result = st.Field(i)
					result.Index = nil
					result.Index = append(result.Index, scan.index...)
					result.Index = append(result.Index, i)
					ok = true
					continue
				}
				if ok || ntyp == nil || ntyp.Kind() != Struct {
					continue
				}
				if nextCount[ntyp] > 0 {
					nextCount[ntyp] = 2
					continue
				}
				if nextCount == nil {
					nextCount = map[*rtype]int{}
				}
				nextCount[ntyp] = 1
				if count[st] > 1 {
					nextCount[ntyp] = 2
				}
				var index []int
				index = append(index, scan.index...)
				index = append(index, i)
				next = append(next, fieldScan{ntyp, index})
			}
		}
		if ok {
			break
		}
	}
	return
}

func (t *rtype) NumIn() int {
	t.mustBe(Func, "NumIn")
	return len(typeIn(t.t))
}

func (t *rtype) In(i int) Type {
	t.mustBe(Func, "In")
	return toType(typeIn(t.t)[i])
}

func (t *rtype) NumOut() int {
	t.mustBe(Func, "NumOut")
	return len(typeOut(t.t))
}

func (t *rtype) Out(i int) Type {
	t.mustBe(Func, "Out")
	return toType(typeOut(t.t)[i])
}

func (t *rtype) Fields() iter.Seq[StructField] {
	t.mustBe(Struct, "Fields")
	return func(yield func(StructField) bool) {
		for i := range t.NumField() {
			if !yield(t.Field(i)) {
				return
			}
		}
	}
}

func (t *rtype) Methods() iter.Seq[Method] {
	return func(yield func(Method) bool) {
		for i := range t.NumMethod() {
			if !yield(t.Method(i)) {
				return
			}
		}
	}
}

func (t *rtype) Ins() iter.Seq[Type] {
	t.mustBe(Func, "Ins")
	return func(yield func(Type) bool) {
		for i := range t.NumIn() {
			if !yield(t.In(i)) {
				return
			}
		}
	}
}

func (t *rtype) Outs() iter.Seq[Type] {
	t.mustBe(Func, "Outs")
	return func(yield func(Type) bool) {
		for i := range t.NumOut() {
			if !yield(t.Out(i)) {
				return
			}
		}
	}
}

// NumMethod counts the exported methods of the method set (for an
// interface type, all of its methods), as gc does.
func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return len(typeMethods(t.t))
	}
	n := 0
	for _, id := range typeMethods(t.t) {
		if methodExported(id) {
			n++
		}
	}
	return n
}

// methodExported reports whether a method ID names an exported method
// (unexported IDs are "pkgpath.name").
func methodExported(id string) bool {
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			return false
		}
	}
	return true
}

// Method returns the i'th method of the method set (exported ones, in
// name order; every method of an interface type). Name, PkgPath and
// Index are set, and for a non-interface type Type (the method
// expression's, receiver first) and Func (a func value calling the
// method on its first argument).
func (t *rtype) Method(i int) Method {
	n := 0
	for k, id := range typeMethods(t.t) {
		if t.Kind() == Interface || methodExported(id) {
			if n == i {
				return t.methodOf(id, k, i)
			}
			n++
		}
	}
	panic("reflect: Method index out of range")
}

// methodOf is Method number i, k in the sorted IDs.
func (t *rtype) methodOf(id string, k, i int) Method {
	m := Method{Name: methodName(id), Index: i}
	if !methodExported(id) {
		m.PkgPath = id[:len(id)-len(m.Name)-1]
	}
	if t.Kind() != Interface {
		mt, _ := valueOp(opMethodType, zeroOf(t), nil, k, 1)
		ft := toRType(typeOf(mt))
		f := makeFuncOp(mt, methodCall{nil, k}.call)
		m.Type, m.Func = ft, Value{t: ft, v: f, flag: flag(Func)}
	}
	return m
}

// MethodByName finds the exported method name of the method set (of any
// method, for an interface type), as Method does.
func (t *rtype) MethodByName(name string) (Method, bool) {
	n := 0
	for k, id := range typeMethods(t.t) {
		if t.Kind() == Interface || methodExported(id) {
			if methodName(id) == name {
				return t.methodOf(id, k, n), true
			}
			n++
		}
	}
	return Method{}, false
}

// methodName strips the package path from a method ID.
func methodName(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '.' {
			return id[i+1:]
		}
	}
	return id
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func implements(iface, t *rtype) bool {
	return typeImplements(t.t, iface.t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return directlyAssignable(u.common(), t) || u.Kind() == Interface && implements(u.common(), t)
}

// directlyAssignable reports whether a value of type v can be assigned to
// type t without conversion through an interface: identical types, or
// identical underlying types when one of them is unnamed.
func directlyAssignable(t, v *rtype) bool {
	if t == v {
		return true
	}
	if t.Name() != "" && v.Name() != "" || t.Kind() != v.Kind() {
		return false
	}
	if t.Kind() == Chan && v.ChanDir() == BothDir && t.elem() == v.elem() {
		return true
	}
	return haveIdenticalUnderlyingType(t, v)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
}

func (t *rtype) OverflowComplex(x complex128) bool {
	k := t.Kind()
	switch k {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic("reflect: OverflowComplex of non-complex type " + t.String())
}

func (t *rtype) OverflowFloat(x float64) bool {
	k := t.Kind()
	switch k {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic("reflect: OverflowFloat of non-float type " + t.String())
}

func (t *rtype) OverflowInt(x int64) bool {
	k := t.Kind()
	switch k {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := t.Size() * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowInt of non-int type " + t.String())
}

func (t *rtype) OverflowUint(x uint64) bool {
	k := t.Kind()
	switch k {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := t.Size() * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowUint of non-uint type " + t.String())
}

func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
}

func (t *rtype) CanSeq() bool {
	switch t.Kind() {
	case Int8, Int16, Int32, Int64, Int, Uint8, Uint16, Uint32, Uint64, Uint, Uintptr, Array, Slice, Chan, String, Map:
		return true
	case Func:
		return canRangeFunc(t)
	case Pointer:
		return t.elem().Kind() == Array
	}
	return false
}

func (t *rtype) CanSeq2() bool {
	switch t.Kind() {
	case Array, Slice, String, Map:
		return true
	case Func:
		return canRangeFunc2(t)
	case Pointer:
		return t.elem().Kind() == Array
	}
	return false
}

// canRangeFunc reports whether t is func(yield func(T) bool).
func canRangeFunc(t *rtype) bool {
	return isRangeFunc(t, 1)
}

// canRangeFunc2 reports whether t is func(yield func(K, V) bool).
func canRangeFunc2(t *rtype) bool {
	return isRangeFunc(t, 2)
}

func isRangeFunc(t *rtype, n int) bool {
	if t.Kind() != Func || t.NumIn() != 1 || t.NumOut() != 0 {
		return false
	}
	y := t.In(0)
	if y.Kind() != Func || y.NumIn() != n || y.NumOut() != 1 {
		return false
	}
	return y.Out(0).Kind() == Bool
}

// PointerTo returns the pointer type with element t. Types exist only as
// the compiler described them: a program that uses PointerTo, New or
// Value.Addr has *T for every type T reflection can reach.
func PointerTo(t Type) Type {
	return t.common().ptrTo()
}

func (t *rtype) ptrTo() *rtype {
	p := typePtrTo(t.t)
	if p == nil {
		panic("reflect: *" + t.String() + " is not a type of this program (gowasm describes only the types reflection can reach)")
	}
	return toRType(p)
}

// PtrTo is the old name for PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type { panic(unsupported("SliceOf")) }

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type { panic(unsupported("MapOf")) }

// ChanOf returns the channel type with the given direction and element type.
func ChanOf(dir ChanDir, t Type) Type { panic(unsupported("ChanOf")) }

// FuncOf returns the function type with the given argument and result types.
func FuncOf(in, out []Type, variadic bool) Type { panic(unsupported("FuncOf")) }

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type { panic(unsupported("ArrayOf")) }

// StructOf returns the struct type containing fields.
func StructOf(fields []StructField) Type { panic(unsupported("StructOf")) }

// unsupported is the panic value of what this port does not provide yet.
func unsupported(what string) string {
	return "reflect: " + what + " is not supported by gowasm"
}
