package runtime

// runtime.Pinner, for the embedder's host functions: a host function is
// given handles to the objects its pointer and []byte arguments point
// into, valid during the call; for an object pinned here they stay valid
// after it, until Unpin, so that the host may fill a buffer later. The
// engine's collector may move objects but updates every reference the
// host holds, so pinning changes nothing for the program itself.

// A Pinner is a set of pinned Go objects.
type Pinner struct {
	*pinner
}

type pinner struct {
	refs []any
}

// Pin pins the object pointer points into until Unpin is called. As in
// gc, a nil pointer is ignored, and pointer must be a pointer.
func (p *Pinner) Pin(pointer any) {
	t := efaceType(pointer)
	if t == nil {
		panic(errorString("runtime.Pinner: argument is nil"))
	}
	if t.kind != kindPointer && t.kind != kindUnsafePointer {
		panic(errorString("runtime.Pinner: argument is not a pointer: " + typeName(t)))
	}
	if p.pinner == nil {
		p.pinner = new(pinner)
	}
	hostPin(pointer)
	p.refs = append(p.refs, pointer)
}

// Unpin unpins every object the Pinner pinned.
func (p *Pinner) Unpin() {
	if p.pinner == nil {
		return
	}
	for i, r := range p.refs {
		hostUnpin(r)
		p.refs[i] = nil
	}
	p.refs = p.refs[:0]
}

//go:wasmimport gowasm pin
func hostPin(object any)

//go:wasmimport gowasm unpin
func hostUnpin(object any)
