package runtime

import "unsafe"

// Reflection support for packages reflect and internal/reflectlite, which
// pull these functions with //go:linkname. Type descriptors travel as
// unsafe.Pointer; values as interface values whose dynamic type is the
// value's type (so the payload has that type's representation). Operations
// that depend on a type's representation go through the compiler-generated
// ops function of the type's descriptor.

// efaceMake returns an interface value of dynamic type t holding p's
// payload, which must have t's representation. Implemented by the
// compiler.
func efaceMake(t *_type, p any) any

func reflect_typeOf(i any) unsafe.Pointer { return unsafe.Pointer(efaceType(i)) }

func reflect_typeKind(t unsafe.Pointer) uint8 { return (*_type)(t).kind }

func reflect_typeString(t unsafe.Pointer) string { return (*_type)(t).str }

func reflect_typePkgPath(t unsafe.Pointer) string { return (*_type)(t).pkgpath }

func reflect_typeSize(t unsafe.Pointer) uintptr { return (*_type)(t).size }

func reflect_typeElem(t unsafe.Pointer) unsafe.Pointer {
	return unsafe.Pointer((*_type)(t).elem)
}

func reflect_typeComparable(t unsafe.Pointer) bool {
	tt := (*_type)(t)
	return tt.equal != nil || tt.kind == kindInterface
}

func reflect_typeImplements(t, iface unsafe.Pointer) bool {
	return missingMethod((*_type)(t), (*_type)(iface)) == ""
}

func reflect_typeNumMethod(t unsafe.Pointer) int { return len((*_type)(t).methods) }

func reflect_typeMethods(t unsafe.Pointer) []string { return (*_type)(t).methods }

func reflect_typeAlign(t unsafe.Pointer) int { return int((*_type)(t).align) }

func reflect_typeChanDir(t unsafe.Pointer) int { return int((*_type)(t).dir) }

func reflect_typeLen(t unsafe.Pointer) int { return (*_type)(t).len }

func reflect_typeKey(t unsafe.Pointer) unsafe.Pointer { return unsafe.Pointer((*_type)(t).key) }

func reflect_typePtrTo(t unsafe.Pointer) unsafe.Pointer { return unsafe.Pointer((*_type)(t).ptrTo) }

func reflect_typeNumField(t unsafe.Pointer) int { return len((*_type)(t).fields) }

func reflect_typeField(t unsafe.Pointer, i int) (name, pkgpath string, typ unsafe.Pointer, tag string, offset uintptr, embedded bool) {
	f := &(*_type)(t).fields[i]
	return f.name, f.pkgpath, unsafe.Pointer(f.typ), f.tag, f.offset, f.embedded
}

func reflect_typeIn(t unsafe.Pointer) []unsafe.Pointer { return descriptorList((*_type)(t).in) }

func reflect_typeOut(t unsafe.Pointer) []unsafe.Pointer { return descriptorList((*_type)(t).out) }

func descriptorList(ts []*_type) []unsafe.Pointer {
	ps := make([]unsafe.Pointer, len(ts))
	for i, t := range ts {
		ps[i] = unsafe.Pointer(t)
	}
	return ps
}

func reflect_typeIsVariadic(t unsafe.Pointer) bool { return (*_type)(t).variadic }

func reflect_typeCache(t unsafe.Pointer) any { return (*_type)(t).rtype }

func reflect_setTypeCache(t unsafe.Pointer, r any) { (*_type)(t).rtype = r }

func reflect_efaceMake(t unsafe.Pointer, p any) any { return efaceMake((*_type)(t), p) }

func reflect_valueOp(op int, a, b any, i, j int) (any, int) {
	t := efaceType(a)
	if t == nil || t.ops == nil {
		panic(plainError("reflect: unsupported operation on " + typeName(t)))
	}
	return t.ops(op, a, b, i, j)
}

// reflectCallFrame carries reflect.Value.Call's arguments and results
// through a func type's operations: the arguments, as interface values of
// the parameter types, then one slot per result.
type reflectCallFrame []any

// The operation numbers of ValueOp::Call, CallMethod and MakeFunc
// (lower/interfaces.rs).
const (
	opCall       = 15
	opCallMethod = 16
	opMakeFunc   = 18
)

// reflectFuncHandler is the Go side of a func made by reflect: it gets the
// arguments and fills the results in a reflectCallFrame.
type reflectFuncHandler func(frame []any)

func reflect_makeFunc(fn any, h func(frame []any)) any {
	f, _ := reflect_valueOp(opMakeFunc, fn, reflectFuncHandler(h), 0, 0)
	return f
}

func reflect_call(fn any, frame []any) {
	reflect_valueOp(opCall, fn, reflectCallFrame(frame), 0, 0)
}

func reflect_callMethod(recv any, i int, frame []any) {
	reflect_valueOp(opCallMethod, recv, reflectCallFrame(frame), i, 0)
}

// reflectCallBlocked is called when a function called through
// reflect.Value.Call blocks: its caller, generated code, cannot be
// resumed.
func reflectCallBlocked() {
	fatal("reflect.Value.Call of a function that blocks (waits on a channel, lock, timer or I/O) is not supported by gowasm")
}

// reflect_ptrOp makes a pointer: new(T) for a (nil) pointer a, &a.field_i
// for a struct, &a[i] for a slice or array.
func reflect_ptrOp(a any, i int) any {
	t := efaceType(a)
	if t == nil || t.ptrops == nil {
		panic(plainError("reflect: cannot make a pointer from " + typeName(t)))
	}
	p, _ := t.ptrops(0, a, nil, i, 0)
	return p
}

func typeName(t *_type) string {
	if t == nil {
		return "nil"
	}
	return t.str
}

// Maps: m is an interface value holding the map (payload *hmap); keys
// and values are interface values of the key and element types (the
// interface itself for interface types), as the map stores them.

func reflect_maplen(m any) int { return maplen(payload[*hmap](m)) }

func reflect_makemap(t unsafe.Pointer, n int) any {
	return efaceMake((*_type)(t), makemap(n))
}

// mapKeyPath tells the map path the compiler uses for keys of type kt:
// strings and 64-bit integers are held unboxed.
func mapKeyPath(kt *_type) int {
	switch kt.kind {
	case kindString:
		return 1
	case kindInt, kindInt64, kindUint, kindUint64, kindUintptr:
		return 2
	}
	return 0
}

func reflect_mapaccess(m any, kt unsafe.Pointer, key any) (any, bool) {
	h := payload[*hmap](m)
	switch mapKeyPath((*_type)(kt)) {
	case 1:
		return mapaccess_faststr(h, payload[string](key))
	case 2:
		return mapaccess_fast64(h, payload[int64](key))
	}
	return mapaccess(h, key)
}

func reflect_mapassign(m any, kt unsafe.Pointer, key, val any) {
	h := payload[*hmap](m)
	switch mapKeyPath((*_type)(kt)) {
	case 1:
		k := payload[string](key)
		if hash, found := mapassign_faststr(h, k, val); !found {
			mapinsert_faststr(h, k, val, hash)
		}
	case 2:
		k := payload[int64](key)
		if hash, found := mapassign_fast64(h, k, val); !found {
			mapinsert_fast64(h, k, val, hash)
		}
	default:
		mapassign(h, key, val)
	}
}

func reflect_mapdelete(m any, kt unsafe.Pointer, key any) {
	h := payload[*hmap](m)
	switch mapKeyPath((*_type)(kt)) {
	case 1:
		mapdelete_faststr(h, payload[string](key))
	case 2:
		mapdelete_fast64(h, payload[int64](key))
	default:
		mapdelete(h, key)
	}
}

func reflect_mapclear(m any) { mapclear(payload[*hmap](m)) }

func reflect_mapiterinit(m any) unsafe.Pointer {
	return unsafe.Pointer(mapiterinit(payload[*hmap](m)))
}

// reflect_mapiternext returns the next entry's key (boxed as kt) and
// value.
func reflect_mapiternext(it unsafe.Pointer, kt unsafe.Pointer) (key, val any, ok bool) {
	i := (*hiter)(it)
	e := i.nextEntry()
	if e == nil {
		return nil, nil, false
	}
	switch {
	case i.m.strKeys:
		return efaceMake((*_type)(kt), e.skey), e.val, true
	case i.m.intKeys:
		k := (*_type)(kt)
		if k.kind == kindInt || k.kind == kindInt64 {
			return efaceMake(k, int64(e.hash)), e.val, true
		}
		return efaceMake(k, uint64(e.hash)), e.val, true
	}
	return e.key, e.val, true
}

// Channels: c is an interface value holding the channel (payload *hchan).

func reflect_chanlen(c any) int { return chanlen(payload[*hchan](c)) }

func reflect_chancap(c any) int { return chancap(payload[*hchan](c)) }

func reflect_makechan(t unsafe.Pointer, size int) any {
	// Every channel is an *hchan: a chan struct{}'s payload serves any
	// channel type (converting the *hchan itself would describe the
	// runtime's channel struct to reflection).
	return efaceMake((*_type)(t), make(chan struct{}, size))
}

// Received and sent elements are interface values of the element type (the
// interface itself for interface types), as channels hold them; a receive
// from a closed channel gives nil.

func reflect_chanrecv(c any, nb bool) (selected bool, x any, ok bool) {
	selected, ok, x = chanrecv(payload[*hchan](c), !nb)
	return
}

func reflect_chansend(c, x any, nb bool) bool {
	return chansend(payload[*hchan](c), x, !nb)
}

func reflect_chanclose(c any) { closechan(payload[*hchan](c)) }

// reflect_select runs reflect.Select's send and receive cases (a nil
// chans[i]: a case that never proceeds); -1 when none is ready and block is
// false.
func reflect_select(chans []any, send []bool, elems []any, block bool) (int, any, bool) {
	cases := newselect(len(chans))
	for i, c := range chans {
		var hc *hchan
		if c != nil {
			hc = payload[*hchan](c)
		}
		selectcase(cases, i, hc, send[i], elems[i])
	}
	k, ok, x := selectgo(cases, block)
	return k, x, ok
}

// reflect_mapident identifies a map by its runtime object (DeepEqual).
func reflect_mapident(m any) any { return payload[*hmap](m) }
