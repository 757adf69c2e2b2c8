package runtime

import "unsafe"

// Reflection support for internal/reflectlite: type descriptors are passed
// as unsafe.Pointer; value operations go through the compiler-generated
// ops function of the value's type.

//go:linkname reflectlite_typeOf internal/reflectlite.typeOf
func reflectlite_typeOf(i any) unsafe.Pointer { return unsafe.Pointer(efaceType(i)) }

//go:linkname reflectlite_typeKind internal/reflectlite.typeKind
func reflectlite_typeKind(t unsafe.Pointer) uint8 { return (*_type)(t).kind }

//go:linkname reflectlite_typeString internal/reflectlite.typeString
func reflectlite_typeString(t unsafe.Pointer) string { return (*_type)(t).str }

//go:linkname reflectlite_typePkgPath internal/reflectlite.typePkgPath
func reflectlite_typePkgPath(t unsafe.Pointer) string { return (*_type)(t).pkgpath }

//go:linkname reflectlite_typeSize internal/reflectlite.typeSize
func reflectlite_typeSize(t unsafe.Pointer) uintptr { return (*_type)(t).size }

//go:linkname reflectlite_typeElem internal/reflectlite.typeElem
func reflectlite_typeElem(t unsafe.Pointer) unsafe.Pointer {
	return unsafe.Pointer((*_type)(t).elem)
}

//go:linkname reflectlite_typeComparable internal/reflectlite.typeComparable
func reflectlite_typeComparable(t unsafe.Pointer) bool {
	tt := (*_type)(t)
	return tt.equal != nil || tt.kind == kindInterface
}

//go:linkname reflectlite_typeImplements internal/reflectlite.typeImplements
func reflectlite_typeImplements(t, iface unsafe.Pointer) bool {
	return missingMethod((*_type)(t), (*_type)(iface)) == ""
}

//go:linkname reflectlite_typeNumMethod internal/reflectlite.typeNumMethod
func reflectlite_typeNumMethod(t unsafe.Pointer) int { return len((*_type)(t).methods) }

//go:linkname reflectlite_valueOp internal/reflectlite.valueOp
func reflectlite_valueOp(op int, a, b any, i, j int) (any, int) {
	t := efaceType(a)
	if t == nil || t.ops == nil {
		panic(plainError("reflect: unsupported operation on " + typeName(t)))
	}
	return t.ops(op, a, b, i, j)
}

func typeName(t *_type) string {
	if t == nil {
		return "nil"
	}
	return t.str
}
