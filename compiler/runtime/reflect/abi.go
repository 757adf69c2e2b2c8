// gc's abi.go describes its register-based calling convention, which
// reflect.Value.Call and MakeFunc use to build call frames in memory.
// gowasm calls through WebAssembly; nothing of it applies.

package reflect
