// gc's badlinkname.go exports internals (rtype methods, Value.pointer) by
// //go:linkname for third-party packages that reach into gc's layout.
// They have no meaning over gowasm's descriptors.

package reflect
