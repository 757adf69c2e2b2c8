// Copyright 2018 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// gc's alias.go with AnyOverlap also checking that x and y share their
// array: under gowasm, uintptr(unsafe.Pointer(&s[i])) is not a memory
// address (objects have none) but i's place in the array, the same for
// every array, so gc's comparisons alone find any two slices overlapping.

// Package alias implements memory aliasing tests.
// This code also exists as golang.org/x/crypto/internal/alias.
package alias

import "unsafe"

// AnyOverlap reports whether x and y share memory at any (not necessarily
// corresponding) index. The memory beyond the slice length is ignored.
func AnyOverlap(x, y []byte) bool {
	if len(x) == 0 || len(y) == 0 ||
		uintptr(unsafe.Pointer(&x[0])) > uintptr(unsafe.Pointer(&y[len(y)-1])) ||
		uintptr(unsafe.Pointer(&y[0])) > uintptr(unsafe.Pointer(&x[len(x)-1])) {
		return false
	}
	// The ranges overlap if x and y are in one array; then the later of
	// their starts is an element of both, which pointer equality (array
	// and place) confirms. Places of consecutive elements are
	// elementStep apart (compiler/src/lower/pointers.rs, convert_pointer).
	const elementStep = 2
	d := int(uintptr(unsafe.Pointer(&y[0]))-uintptr(unsafe.Pointer(&x[0]))) / elementStep
	if d >= 0 {
		return &x[d] == &y[0]
	}
	return &x[0] == &y[-d]
}

// InexactOverlap reports whether x and y share memory at any non-corresponding
// index. The memory beyond the slice length is ignored. Note that x and y can
// have different lengths and still not have any inexact overlap.
//
// InexactOverlap can be used to implement the requirements of the crypto/cipher
// AEAD, Block, BlockMode and Stream interfaces.
func InexactOverlap(x, y []byte) bool {
	if len(x) == 0 || len(y) == 0 || &x[0] == &y[0] {
		return false
	}
	return AnyOverlap(x, y)
}
