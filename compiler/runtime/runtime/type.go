package runtime

// _type describes a Go type at run time. The compiler emits one immutable
// instance per type that can be held by an interface (or that the runtime
// needs) and fills every field; an interface value is a reference to one of
// these plus a payload reference.
type _type struct {
	kind uint8
	// id numbers the descriptors of a program densely; generated dispatch
	// code switches on it.
	id      uint32
	size    uintptr
	str     string
	pkgpath string
	elem    *_type
	// methods lists the method IDs (names, or "pkgpath.name" for
	// unexported methods) of the method set, sorted; for interface types,
	// the methods the interface requires.
	methods []string
	// equal compares two interface values of this dynamic type; nil when
	// the type is not comparable.
	equal func(a, b any) bool
	// hash hashes an interface value of this dynamic type; nil when the
	// type is not comparable.
	hash func(a any, seed uintptr) uintptr
	// ops performs reflective operations (see reflect.go) on values of
	// this type; set for pointer, slice, map, chan and func types when the
	// program uses reflection.
	ops func(op int, a, b any, i, j int) (any, int)
	// ptrops makes pointers: new(T) for a pointer type, &a.f for a
	// struct, &a[i] for a slice or array; set in programs that use
	// reflect.New, PointerTo or Value.Addr.
	ptrops func(op int, a, b any, i, j int) (any, int)

	// Filled only in programs that use package reflect (reflect.go).
	align    uint8
	dir      uint8 // channel direction, as reflect.ChanDir
	variadic bool
	len      int // array length
	key      *_type
	ptrTo    *_type // *T, in programs using reflect.New, PointerTo or Value.Addr
	fields   []structField
	in, out  []*_type
	// rtype is package reflect's *rtype for this descriptor, made on
	// first use so that reflect.Type values of one type are equal.
	rtype any
}

// structField describes a struct field for reflect.
type structField struct {
	name     string
	pkgpath  string // set for unexported fields
	typ      *_type
	tag      string
	offset   uintptr
	embedded bool
}

// Kinds, numbered as reflect.Kind.
const (
	kindInvalid = iota
	kindBool
	kindInt
	kindInt8
	kindInt16
	kindInt32
	kindInt64
	kindUint
	kindUint8
	kindUint16
	kindUint32
	kindUint64
	kindUintptr
	kindFloat32
	kindFloat64
	kindComplex64
	kindComplex128
	kindArray
	kindChan
	kindFunc
	kindInterface
	kindMap
	kindPointer
	kindSlice
	kindString
	kindStruct
	kindUnsafePointer
)

// missingMethod returns a method the interface type iface requires that t
// lacks.
func missingMethod(t, iface *_type) string {
	j := 0
	for _, m := range iface.methods {
		for j < len(t.methods) && t.methods[j] < m {
			j++
		}
		if j == len(t.methods) || t.methods[j] != m {
			return methodName(m)
		}
	}
	return ""
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

// efaceeq implements == on interface values.
func efaceeq(a, b any) bool {
	ta, tb := efaceType(a), efaceType(b)
	if ta != tb {
		return false
	}
	if ta == nil {
		return true
	}
	if ta.equal == nil {
		panicuncomparable(ta)
	}
	return ta.equal(a, b)
}

// efacehash hashes an interface value for use as a map key.
func efacehash(a any, seed uintptr) uintptr {
	t := efaceType(a)
	if t == nil {
		return seed
	}
	if t.hash == nil {
		panicunhashable(t)
	}
	return t.hash(a, seed)
}

// Hash helpers used by the compiler-generated hash functions.

func memhash64(x uint64, seed uintptr) uintptr {
	h := uint64(seed) ^ (x * 0x9E3779B97F4A7C15)
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 32
	return uintptr(h)
}

func strhash(s string, seed uintptr) uintptr {
	h := uint64(seed) ^ 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return memhash64(h, uintptr(len(s)))
}

var nanSeq uint64

// f64hash hashes a float so that +0 and -0 collide and every NaN differs.
func f64hash(f float64, seed uintptr) uintptr {
	switch {
	case f == 0:
		return memhash64(0, seed)
	case f != f:
		nanSeq++
		return memhash64(nanSeq*0x9E3779B97F4A7C15, seed)
	}
	return memhash64(float64bits(f), seed)
}

// identity hashing: objects under WebAssembly GC have no address, so the
// compiler gives hashable pointer targets an id assigned on first use.
var nextObjectID uint32

func newObjectID() uint32 {
	nextObjectID++
	return nextObjectID
}
