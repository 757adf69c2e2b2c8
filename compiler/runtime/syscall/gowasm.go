// Copyright 2026 The gowasm Authors. All rights reserved.

//go:build wasip1

package syscall

// The gowasm host ABI functions the syscall package uses (host-abi crate,
// docs/abi.md): byte slices cross as (array, offset, length).

//go:wasmimport gowasm write
func hostWrite(fd int32, b []byte) int32

// runtimeRead reads through the host without blocking other goroutines
// (provided by the runtime).
func runtimeRead(fd int32, b []byte) int32

//go:wasmimport gowasm random
func hostRandom(b []byte) int32

//go:wasmimport gowasm exit
func hostExit(code int32)

//go:wasmimport gowasm clock_now
func hostClockNow(clock int32) int64

// hostHostname is os.Hostname's: the host's name.
//
//go:wasmimport gowasm hostname
func hostHostname() []byte

// hostProcessID is the host process's id (0) or its parent's (1).
//
//go:wasmimport gowasm process_id
func hostProcessID(which int32) int32
