// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// gowasm: $GOROOT/src/syscall/os_wasip1.go with ProcExit on the gowasm host ABI.

package syscall

func ProcExit(code int32) {
	hostExit(code)
}
