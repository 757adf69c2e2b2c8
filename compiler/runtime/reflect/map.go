// Replaces gc's map.go, which walks gc's swiss-table maps
// (internal/runtime/maps). gowasm's maps are the runtime's hmap, reached
// through functions the runtime provides (runtime/reflect.go); keys and
// values cross as interface values of the map's key and element types.

package reflect

import "unsafe"

//go:linkname maplen runtime.reflect_maplen
func maplen(m any) int

//go:linkname makemap runtime.reflect_makemap
func makemap(t unsafe.Pointer, n int) any

//go:linkname mapaccess runtime.reflect_mapaccess
func mapaccess(m any, kt unsafe.Pointer, key any) (any, bool)

//go:linkname mapassign runtime.reflect_mapassign
func mapassign(m any, kt unsafe.Pointer, key, val any)

//go:linkname mapdelete runtime.reflect_mapdelete
func mapdelete(m any, kt unsafe.Pointer, key any)

//go:linkname mapclear runtime.reflect_mapclear
func mapclear(m any)

//go:linkname mapiterinit runtime.reflect_mapiterinit
func mapiterinit(m any) unsafe.Pointer

//go:linkname mapiternext runtime.reflect_mapiternext
func mapiternext(it unsafe.Pointer, kt unsafe.Pointer) (key, val any, ok bool)

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	return MakeMapWithSize(typ, 0)
}

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t: t, v: makemap(t.t, n), flag: flag(Map)}
}

// MapIndex returns the value associated with key in the map v, or the zero
// Value if key is not found or v is nil.
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map)
	kt := v.t.Key().common()
	x, ok := mapaccess(v.val(), kt.t, key.assignTo("reflect.Value.MapIndex", kt))
	if !ok {
		return Value{}
	}
	et := v.t.elem()
	return Value{t: et, v: x, flag: (v.flag | key.flag).ro() | flag(et.Kind())}
}

// MapKeys returns a slice containing all the keys present in the map, in
// unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map)
	kt := v.t.Key().common()
	m := v.val()
	keys := make([]Value, 0, maplen(m))
	it := mapiterinit(m)
	for {
		k, _, ok := mapiternext(it, kt.t)
		if !ok {
			break
		}
		keys = append(keys, Value{t: kt, v: k, flag: v.flag.ro() | flag(kt.Kind())})
	}
	return keys
}

// A MapIter is an iterator for ranging over a map. See Value.MapRange.
type MapIter struct {
	m        Value
	it       unsafe.Pointer
	key, val any
	started  bool
	ok       bool
}

// Key returns the key of iter's current map entry.
func (iter *MapIter) Key() Value {
	if !iter.ok {
		panic("MapIter.Key called before Next")
	}
	kt := iter.m.t.Key().common()
	return Value{t: kt, v: iter.key, flag: iter.m.flag.ro() | flag(kt.Kind())}
}

// Value returns the value of iter's current map entry.
func (iter *MapIter) Value() Value {
	if !iter.ok {
		panic("MapIter.Value called before Next")
	}
	et := iter.m.t.elem()
	return Value{t: et, v: iter.val, flag: iter.m.flag.ro() | flag(et.Kind())}
}

// SetIterKey assigns to v the key of iter's current map entry.
func (v Value) SetIterKey(iter *MapIter) {
	v.Set(iter.Key())
}

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) {
	v.Set(iter.Value())
}

// Next advances the map iterator and reports whether there is another
// entry. It returns false when iter is exhausted.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if !iter.started {
		iter.started = true
		iter.it = mapiterinit(iter.m.val())
	} else if !iter.ok {
		panic("MapIter.Next called on exhausted iterator")
	}
	iter.key, iter.val, iter.ok = mapiternext(iter.it, iter.m.t.Key().common().t)
	return iter.ok
}

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.mustBe(Map)
	}
	*iter = MapIter{m: v}
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.kind()})
	}
	return &MapIter{m: v}
}

// SetMapIndex sets the element associated with key in the map v to elem;
// a zero elem deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map)
	v.mustBeExported()
	key.mustBeExported()
	kt := v.t.Key().common()
	k := key.assignTo("reflect.Value.SetMapIndex", kt)
	if elem.kind() == Invalid {
		mapdelete(v.val(), kt.t, k)
		return
	}
	elem.mustBeExported()
	mapassign(v.val(), kt.t, k, elem.assignTo("reflect.Value.SetMapIndex", v.t.elem()))
}
