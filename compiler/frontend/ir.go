package main

import (
	"encoding/hex"
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"sort"

	"golang.org/x/tools/go/callgraph/rta"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// The IR schema. compiler/src/ir.rs mirrors it; change both together.

// Program is the whole reachable program.
type Program struct {
	Types     []*Type     `json:"types,omitempty"`
	Globals   []*Global   `json:"globals,omitempty"`
	Functions []*Function `json:"functions,omitempty"`
	// Inits are the package initializers in execution order.
	Inits []int `json:"inits,omitempty"`
	Main  int   `json:"main"`
	// RuntimeFuncs and RuntimeTypes name the runtime package's functions
	// and named types, which the back end uses directly.
	RuntimeFuncs map[string]int `json:"runtime_funcs"`
	RuntimeTypes map[string]int `json:"runtime_types"`
	// InterfaceTypes are the types reachable code converts to interfaces
	// (RTA's runtime types): an assertion to any other concrete type fails.
	InterfaceTypes []int `json:"interface_types,omitempty"`
}

// Type is one Go type. Kind is a basic kind name ("int", "string",
// "unsafe.Pointer", ...) or one of named, pointer, slice, array, map, chan,
// struct, func, interface, tuple.
type Type struct {
	Kind       string   `json:"kind"`
	Str        string   `json:"str"`
	Elem       int      `json:"elem,omitempty"`
	Key        int      `json:"key,omitempty"`
	Len        int64    `json:"len,omitempty"`
	Underlying int      `json:"underlying,omitempty"`
	Fields     []Field  `json:"fields,omitempty"`
	Params     []int    `json:"params,omitempty"`
	Results    []int    `json:"results,omitempty"`
	Variadic   bool     `json:"variadic,omitempty"`
	Methods    []Method `json:"methods,omitempty"`
	Dir        string   `json:"dir,omitempty"`
	Comparable bool     `json:"comparable,omitempty"`
	MethodSet  []Method `json:"method_set,omitempty"`
	PkgPath    string   `json:"pkg_path,omitempty"`
	Elems      []int    `json:"elems,omitempty"`
	Size       int64    `json:"size,omitempty"`
	Pointers   bool     `json:"pointers,omitempty"`
}

type Field struct {
	Name     string `json:"name"`
	Type     int    `json:"type"`
	Embedded bool   `json:"embedded,omitempty"`
}

// Method is an interface method (Func -1) or an entry of a concrete type's
// method set (Func is its code, or -1 when no reachable code calls it).
type Method struct {
	// ID is the name for exported methods and "pkgpath.name" otherwise:
	// two methods match exactly when their IDs are equal.
	ID   string `json:"id"`
	Name string `json:"name"`
	Sig  int    `json:"sig"`
	Func int    `json:"func"`
}

type Global struct {
	Name string `json:"name"`
	// Type is the variable's type; PtrType the type of the SSA value (a
	// pointer to Type).
	Type    int `json:"type"`
	PtrType int `json:"ptr_type"`
}

type Function struct {
	Name      string   `json:"name"`
	Sig       int      `json:"sig"`
	Params    []Value  `json:"params,omitempty"`
	FreeVars  []Value  `json:"free_vars,omitempty"`
	Results   []int    `json:"results,omitempty"`
	Variadic  bool     `json:"variadic,omitempty"`
	Blocks    []*Block `json:"blocks,omitempty"`
	Recover   int      `json:"recover"`
	Import    []string `json:"import,omitempty"`
	Impl      int      `json:"impl"`
	Pos       string   `json:"pos,omitempty"`
	NumValues int      `json:"num_values"`
}

type Value struct {
	ID   int `json:"id"`
	Type int `json:"type"`
}

type Block struct {
	Preds  []int    `json:"preds,omitempty"`
	Succs  []int    `json:"succs,omitempty"`
	Instrs []*Instr `json:"instrs,omitempty"`
}

// Operand refers to a value: exactly one field is set.
type Operand struct {
	V *int   `json:"v,omitempty"`
	C *Const `json:"c,omitempty"`
	G *int   `json:"g,omitempty"`
	F *int   `json:"f,omitempty"`
	B string `json:"b,omitempty"`
}

// Const is a constant of type T. Kind is int, float, complex, string, bool,
// nil (nil of a pointer-like type) or zero (zero value of an aggregate).
// Bits holds ints as two's complement, floats as IEEE bits of float64;
// complex uses Bits (real) and Bits2 (imaginary); Hex holds string bytes.
type Const struct {
	T     int    `json:"t"`
	Kind  string `json:"kind"`
	Bits  uint64 `json:"bits,omitempty"`
	Bits2 uint64 `json:"bits2,omitempty"`
	Hex   string `json:"hex,omitempty"`
}

// Call is a CallCommon: either a call of Callee, or (Method set) a dynamic
// call of Method on the interface value Recv.
type Call struct {
	Callee *Operand  `json:"callee,omitempty"`
	Recv   *Operand  `json:"recv,omitempty"`
	Method *Method   `json:"method,omitempty"`
	Args   []Operand `json:"args,omitempty"`
	Sig    int       `json:"sig"`
}

type SelectState struct {
	Dir  string   `json:"dir"`
	Chan Operand  `json:"chan"`
	Send *Operand `json:"send,omitempty"`
}

// Instr is one SSA instruction; Op is the x/tools/go/ssa type name. ID and
// T are set for instructions that produce a value. CommaOk also marks a
// Slice of make's backing array, Next over a string, and a blocking Select.
type Instr struct {
	Op      string        `json:"op"`
	ID      int           `json:"id"`
	T       int           `json:"t"`
	X       *Operand      `json:"x,omitempty"`
	Y       *Operand      `json:"y,omitempty"`
	Z       *Operand      `json:"z,omitempty"`
	W       *Operand      `json:"w,omitempty"`
	Args    []Operand     `json:"args,omitempty"`
	Call    *Call         `json:"call,omitempty"`
	Tok     string        `json:"tok,omitempty"`
	Index   int           `json:"index,omitempty"`
	Heap    bool          `json:"heap,omitempty"`
	CommaOk bool          `json:"comma_ok,omitempty"`
	Func    int           `json:"func,omitempty"`
	Type2   int           `json:"type2,omitempty"`
	States  []SelectState `json:"states,omitempty"`
	Pos     string        `json:"pos,omitempty"`
}

type writer struct {
	prog    *ssa.Program
	dirs    *directives
	out     *Program
	types   typeutil.Map
	globals map[*ssa.Global]int
	funcs   map[*ssa.Function]int
	queue   []*ssa.Function
	values  map[ssa.Value]int
	reach   map[*ssa.Function]struct{ AddrTaken bool }
}

func newWriter(prog *ssa.Program, dirs *directives) *writer {
	return &writer{prog: prog, dirs: dirs, out: &Program{}, globals: map[*ssa.Global]int{}, funcs: map[*ssa.Function]int{}}
}

func (w *writer) program(res *rta.Result, inits []*ssa.Function, main *ssa.Function, rt *ssa.Package) *Program {
	w.reach = res.Reachable
	w.out.RuntimeFuncs = map[string]int{}
	w.out.RuntimeTypes = map[string]int{}
	// In name order: IDs are assigned on first use, and the module's
	// bytes (the compiled-module cache's key) must not depend on map order.
	names := make([]string, 0, len(rt.Members))
	for name := range rt.Members {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		switch m := rt.Members[name].(type) {
		case *ssa.Function:
			if m.TypeParams().Len() == 0 {
				w.out.RuntimeFuncs[name] = w.funcID(m)
			}
		case *ssa.Type:
			if named, ok := m.Type().(*types.Named); ok && named.TypeParams() == nil {
				w.out.RuntimeTypes[name] = w.typeID(named)
			}
		}
	}
	var fns []*ssa.Function
	for f := range res.Reachable {
		fns = append(fns, f)
	}
	sort.Slice(fns, func(i, j int) bool {
		si, sj := fns[i].String(), fns[j].String()
		if si != sj {
			return si < sj
		}
		return fns[i].Pos() < fns[j].Pos()
	})
	for _, f := range fns {
		w.funcID(f)
	}
	for _, f := range inits {
		w.out.Inits = append(w.out.Inits, w.funcID(f))
	}
	w.out.Main = w.funcID(main)
	// Method sets of the types that can be held by interfaces.
	for i := 0; i < len(w.queue); i++ {
		w.out.Functions[i] = w.function(w.queue[i])
	}
	// Types that can be held by interfaces: most have IDs by now (in the
	// functions' order); the rest get theirs in string order, as the
	// map's order is random and IDs must not depend on it.
	var unseen []types.Type
	res.RuntimeTypes.Iterate(func(t types.Type, _ any) {
		if id, ok := w.types.At(types.Unalias(t)).(int); ok {
			w.out.InterfaceTypes = append(w.out.InterfaceTypes, id)
		} else {
			unseen = append(unseen, t)
		}
	})
	sortTypes(unseen)
	for _, t := range unseen {
		w.out.InterfaceTypes = append(w.out.InterfaceTypes, w.typeID(t))
	}
	sort.Ints(w.out.InterfaceTypes)
	w.fillMethodSets()
	return w.out
}

func (w *writer) funcID(f *ssa.Function) int {
	if id, ok := w.funcs[f]; ok {
		return id
	}
	id := len(w.queue)
	w.funcs[f] = id
	w.queue = append(w.queue, f)
	w.out.Functions = append(w.out.Functions, nil)
	return id
}

func (w *writer) globalID(g *ssa.Global) int {
	if id, ok := w.globals[g]; ok {
		return id
	}
	id := len(w.out.Globals)
	w.globals[g] = id
	w.out.Globals = append(w.out.Globals, &Global{Name: g.Pkg.Pkg.Path() + "." + g.Name(), Type: w.typeID(g.Type().(*types.Pointer).Elem()), PtrType: w.typeID(g.Type())})
	return id
}

func qualifier(p *types.Package) string { return p.Name() }

var sizes = types.SizesFor("gc", "wasm")

func hasSize(t types.Type) bool {
	switch t := t.(type) {
	case *types.Tuple:
		return false
	case *types.Basic:
		return t.Info()&types.IsUntyped == 0
	}
	return true
}

// hasPointers reports whether values of t contain pointers, which decides
// the size-class rounding of append as in gc.
func hasPointers(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() == types.String || t.Kind() == types.UnsafePointer
	case *types.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasPointers(t.Field(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

func (w *writer) typeID(t types.Type) int {
	t = types.Unalias(t)
	if id, ok := w.types.At(t).(int); ok {
		return id
	}
	id := len(w.out.Types)
	w.types.Set(t, id)
	ty := &Type{Str: types.TypeString(t, qualifier), Comparable: types.Comparable(t)}
	if hasSize(t) {
		ty.Size = sizes.Sizeof(t)
		ty.Pointers = hasPointers(t)
	}
	w.out.Types = append(w.out.Types, ty)
	switch t := t.(type) {
	case *types.Basic:
		// Canonical names: byte and rune are uint8 and int32.
		ty.Kind = types.Typ[t.Kind()].Name()
		ty.Str = ty.Kind
		if t.Kind() == types.UnsafePointer {
			ty.Kind = "unsafe.Pointer"
		}
	case *types.Named:
		ty.Kind = "named"
		if t.Obj().Pkg() != nil {
			ty.PkgPath = t.Obj().Pkg().Path()
		}
		ty.Underlying = w.typeID(t.Underlying())
	case *types.Pointer:
		ty.Kind = "pointer"
		ty.Elem = w.typeID(t.Elem())
	case *types.Slice:
		ty.Kind = "slice"
		ty.Elem = w.typeID(t.Elem())
	case *types.Array:
		ty.Kind = "array"
		ty.Elem = w.typeID(t.Elem())
		ty.Len = t.Len()
	case *types.Map:
		ty.Kind = "map"
		ty.Key = w.typeID(t.Key())
		ty.Elem = w.typeID(t.Elem())
	case *types.Chan:
		ty.Kind = "chan"
		ty.Elem = w.typeID(t.Elem())
		ty.Dir = map[types.ChanDir]string{types.SendRecv: "both", types.SendOnly: "send", types.RecvOnly: "recv"}[t.Dir()]
	case *types.Struct:
		ty.Kind = "struct"
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			ty.Fields = append(ty.Fields, Field{Name: f.Name(), Type: w.typeID(f.Type()), Embedded: f.Embedded()})
		}
	case *types.Signature:
		ty.Kind = "func"
		ty.Params = w.tupleIDs(t.Params())
		ty.Results = w.tupleIDs(t.Results())
		ty.Variadic = t.Variadic()
	case *types.Interface:
		ty.Kind = "interface"
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			ty.Methods = append(ty.Methods, Method{ID: m.Id(), Name: m.Name(), Sig: w.typeID(m.Type()), Func: -1})
		}
	case *types.Tuple:
		ty.Kind = "tuple"
		ty.Elems = w.tupleIDs(t)
	default:
		panic(fmt.Sprintf("unexpected type %T %v", t, t))
	}
	return id
}

func (w *writer) tupleIDs(t *types.Tuple) []int {
	ids := make([]int, t.Len())
	for i := range ids {
		ids[i] = w.typeID(t.At(i).Type())
	}
	return ids
}

// fillMethodSets records, for every named type and pointer to named type
// in the table, the reachable methods of its method set.
func (w *writer) fillMethodSets() {
	for done := 0; done < len(w.out.Types); {
		end := len(w.out.Types)
		// In ID order (the map's order is random): the IDs of types and
		// functions first met here must not depend on it.
		batch := make([]types.Type, end-done)
		w.types.Iterate(func(t types.Type, v any) {
			if id := v.(int); id >= done && id < end {
				batch[id-done] = t
			}
		})
		for i, t := range batch {
			id := done + i
			if _, isIface := t.Underlying().(*types.Interface); isIface {
				continue
			}
			mset := w.prog.MethodSets.MethodSet(t)
			for i := 0; i < mset.Len(); i++ {
				sel := mset.At(i)
				// Every method counts for interface satisfaction; only
				// reachable ones (RTA) have code.
				m := sel.Obj()
				entry := Method{ID: m.Id(), Name: m.Name(), Sig: w.typeID(m.Type()), Func: -1}
				if fn := w.prog.MethodValue(sel); fn != nil {
					if _, ok := w.reach[fn]; ok {
						entry.Func = w.funcID(fn)
					}
				}
				w.out.Types[id].MethodSet = append(w.out.Types[id].MethodSet, entry)
			}
		}
		done = end
	}
	// Functions queued while filling method sets.
	for i := range w.queue {
		if w.out.Functions[i] == nil {
			w.out.Functions[i] = w.function(w.queue[i])
		}
	}
}

func (w *writer) function(f *ssa.Function) *Function {
	w.values = map[ssa.Value]int{}
	out := &Function{Name: f.String(), Sig: w.typeID(f.Signature), Recover: -1, Impl: -1}
	if pos := f.Prog.Fset.Position(f.Pos()); pos.IsValid() {
		out.Pos = relPos(pos.String())
	}
	sig := f.Signature
	out.Results = w.tupleIDs(sig.Results())
	out.Variadic = sig.Variadic()
	for _, p := range f.Params {
		out.Params = append(out.Params, Value{ID: w.valueID(p), Type: w.typeID(p.Type())})
	}
	for _, fv := range f.FreeVars {
		out.FreeVars = append(out.FreeVars, Value{ID: w.valueID(fv), Type: w.typeID(fv.Type())})
	}
	if sym := symbol(f); sym != "" {
		if imp, ok := w.dirs.wasmimport[sym]; ok {
			out.Import = imp[:]
		}
	}
	if impl := w.dirs.implementation(w.prog, f); impl != nil {
		out.Impl = w.funcID(impl)
	}
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if v, ok := in.(ssa.Value); ok {
				w.valueID(v)
			}
		}
	}
	for _, b := range f.Blocks {
		ob := &Block{Preds: blockIndexes(b.Preds), Succs: blockIndexes(b.Succs)}
		for _, in := range b.Instrs {
			if oi := w.instr(in); oi != nil {
				ob.Instrs = append(ob.Instrs, oi)
			}
		}
		out.Blocks = append(out.Blocks, ob)
	}
	if f.Recover != nil {
		out.Recover = f.Recover.Index
	}
	out.NumValues = len(w.values)
	return out
}

func blockIndexes(bs []*ssa.BasicBlock) []int {
	out := make([]int, len(bs))
	for i, b := range bs {
		out[i] = b.Index
	}
	return out
}

func (w *writer) valueID(v ssa.Value) int {
	if id, ok := w.values[v]; ok {
		return id
	}
	id := len(w.values)
	w.values[v] = id
	return id
}

func (w *writer) operand(v ssa.Value) *Operand {
	switch v := v.(type) {
	case *ssa.Const:
		return &Operand{C: w.constant(v)}
	case *ssa.Global:
		id := w.globalID(v)
		return &Operand{G: &id}
	case *ssa.Function:
		id := w.funcID(v)
		return &Operand{F: &id}
	case *ssa.Builtin:
		return &Operand{B: v.Name()}
	default:
		id, ok := w.values[v]
		if !ok {
			panic(fmt.Sprintf("value %v (%T) used before definition", v, v))
		}
		return &Operand{V: &id}
	}
}

func (w *writer) operands(vs []ssa.Value) []Operand {
	out := make([]Operand, len(vs))
	for i, v := range vs {
		out[i] = *w.operand(v)
	}
	return out
}

func (w *writer) constant(c *ssa.Const) *Const {
	out := &Const{T: w.typeID(c.Type())}
	if c.Value == nil {
		switch c.Type().Underlying().(type) {
		case *types.Struct, *types.Array:
			out.Kind = "zero"
		case *types.Basic:
			out.Kind = "zero"
		default:
			out.Kind = "nil"
		}
		return out
	}
	basic, _ := c.Type().Underlying().(*types.Basic)
	switch c.Value.Kind() {
	case constant.Bool:
		out.Kind = "bool"
		if constant.BoolVal(c.Value) {
			out.Bits = 1
		}
	case constant.String:
		out.Kind = "string"
		out.Hex = hex.EncodeToString([]byte(constant.StringVal(c.Value)))
	case constant.Int, constant.Float, constant.Complex:
		switch {
		case basic != nil && basic.Info()&types.IsComplex != 0:
			out.Kind = "complex"
			re, im := constant.Real(c.Value), constant.Imag(c.Value)
			if basic.Kind() == types.Complex64 {
				r, _ := constant.Float32Val(re)
				i, _ := constant.Float32Val(im)
				out.Bits, out.Bits2 = math.Float64bits(float64(r)), math.Float64bits(float64(i))
			} else {
				r, _ := constant.Float64Val(re)
				i, _ := constant.Float64Val(im)
				out.Bits, out.Bits2 = math.Float64bits(r), math.Float64bits(i)
			}
		case basic != nil && basic.Info()&types.IsFloat != 0:
			out.Kind = "float"
			if basic.Kind() == types.Float32 {
				f, _ := constant.Float32Val(constant.ToFloat(c.Value))
				out.Bits = math.Float64bits(float64(f))
			} else {
				f, _ := constant.Float64Val(constant.ToFloat(c.Value))
				out.Bits = math.Float64bits(f)
			}
		default:
			out.Kind = "int"
			v := constant.ToInt(c.Value)
			if i, ok := constant.Int64Val(v); ok {
				out.Bits = uint64(i)
			} else {
				u, _ := constant.Uint64Val(v)
				out.Bits = u
			}
		}
	default:
		panic(fmt.Sprintf("unexpected constant %v", c))
	}
	return out
}

func (w *writer) call(c *ssa.CallCommon) *Call {
	out := &Call{Args: w.operands(c.Args), Sig: w.typeID(c.Signature())}
	if c.IsInvoke() {
		out.Recv = w.operand(c.Value)
		m := c.Method
		out.Method = &Method{ID: m.Id(), Name: m.Name(), Sig: w.typeID(m.Type()), Func: -1}
	} else {
		out.Callee = w.operand(c.Value)
	}
	return out
}

func (w *writer) pos(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	return relPos(w.prog.Fset.Position(p).String())
}

func (w *writer) instr(in ssa.Instruction) *Instr {
	out := &Instr{}
	if v, ok := in.(ssa.Value); ok {
		out.ID = w.values[v]
		out.T = w.typeID(v.Type())
	}
	switch in := in.(type) {
	case *ssa.DebugRef:
		return nil
	case *ssa.Alloc:
		out.Op = "Alloc"
		out.Heap = in.Heap
	case *ssa.Phi:
		out.Op = "Phi"
		out.Args = w.operands(in.Edges)
	case *ssa.Call:
		out.Op = "Call"
		out.Call = w.call(in.Common())
		out.Pos = w.pos(in.Pos())
	case *ssa.Go:
		out.Op = "Go"
		out.Call = w.call(in.Common())
	case *ssa.Defer:
		out.Op = "Defer"
		out.Call = w.call(in.Common())
	case *ssa.BinOp:
		out.Op = "BinOp"
		out.Tok = in.Op.String()
		out.X, out.Y = w.operand(in.X), w.operand(in.Y)
	case *ssa.UnOp:
		out.Op = "UnOp"
		out.Tok = in.Op.String()
		out.X = w.operand(in.X)
		out.CommaOk = in.CommaOk
	case *ssa.ChangeType:
		out.Op = "ChangeType"
		out.X = w.operand(in.X)
	case *ssa.Convert:
		out.Op = "Convert"
		out.X = w.operand(in.X)
	case *ssa.MultiConvert:
		panic("MultiConvert in instantiated code")
	case *ssa.ChangeInterface:
		out.Op = "ChangeInterface"
		out.X = w.operand(in.X)
	case *ssa.SliceToArrayPointer:
		out.Op = "SliceToArrayPointer"
		out.X = w.operand(in.X)
	case *ssa.MakeInterface:
		out.Op = "MakeInterface"
		out.X = w.operand(in.X)
	case *ssa.MakeClosure:
		out.Op = "MakeClosure"
		out.Func = w.funcID(in.Fn.(*ssa.Function))
		out.Args = w.operands(in.Bindings)
	case *ssa.MakeMap:
		out.Op = "MakeMap"
		if in.Reserve != nil {
			out.X = w.operand(in.Reserve)
		}
	case *ssa.MakeChan:
		out.Op = "MakeChan"
		out.X = w.operand(in.Size)
	case *ssa.MakeSlice:
		out.Op = "MakeSlice"
		out.X, out.Y = w.operand(in.Len), w.operand(in.Cap)
	case *ssa.Slice:
		out.Op = "Slice"
		out.X = w.operand(in.X)
		// make([]T, n, constant) is built as new([constant]T)[:n]; its
		// bounds failures must read as makeslice's.
		if a, ok := in.X.(*ssa.Alloc); ok && a.Comment == "makeslice" {
			out.CommaOk = true
		}
		if in.Low != nil {
			out.Y = w.operand(in.Low)
		}
		if in.High != nil {
			out.Z = w.operand(in.High)
		}
		if in.Max != nil {
			out.W = w.operand(in.Max)
		}
	case *ssa.FieldAddr:
		out.Op = "FieldAddr"
		out.X = w.operand(in.X)
		out.Index = in.Field
	case *ssa.Field:
		out.Op = "Field"
		out.X = w.operand(in.X)
		out.Index = in.Field
	case *ssa.IndexAddr:
		out.Op = "IndexAddr"
		out.X, out.Y = w.operand(in.X), w.operand(in.Index)
	case *ssa.Index:
		out.Op = "Index"
		out.X, out.Y = w.operand(in.X), w.operand(in.Index)
	case *ssa.Lookup:
		out.Op = "Lookup"
		out.X, out.Y = w.operand(in.X), w.operand(in.Index)
		out.CommaOk = in.CommaOk
	case *ssa.Select:
		out.Op = "Select"
		out.CommaOk = in.Blocking
		for _, st := range in.States {
			s := SelectState{Chan: *w.operand(st.Chan), Dir: map[types.ChanDir]string{types.SendOnly: "send", types.RecvOnly: "recv"}[st.Dir]}
			if st.Send != nil {
				s.Send = w.operand(st.Send)
			}
			out.States = append(out.States, s)
		}
	case *ssa.Range:
		out.Op = "Range"
		out.X = w.operand(in.X)
	case *ssa.Next:
		out.Op = "Next"
		out.X = w.operand(in.Iter)
		out.CommaOk = in.IsString
	case *ssa.TypeAssert:
		out.Op = "TypeAssert"
		out.X = w.operand(in.X)
		out.Type2 = w.typeID(in.AssertedType)
		out.CommaOk = in.CommaOk
	case *ssa.Extract:
		out.Op = "Extract"
		out.X = w.operand(in.Tuple)
		out.Index = in.Index
	case *ssa.Jump:
		out.Op = "Jump"
	case *ssa.If:
		out.Op = "If"
		out.X = w.operand(in.Cond)
	case *ssa.Return:
		out.Op = "Return"
		out.Args = w.operands(in.Results)
	case *ssa.RunDefers:
		out.Op = "RunDefers"
	case *ssa.Panic:
		out.Op = "Panic"
		out.X = w.operand(in.X)
	case *ssa.Send:
		out.Op = "Send"
		out.X, out.Y = w.operand(in.Chan), w.operand(in.X)
	case *ssa.Store:
		out.Op = "Store"
		out.X, out.Y = w.operand(in.Addr), w.operand(in.Val)
	case *ssa.MapUpdate:
		out.Op = "MapUpdate"
		out.X, out.Y, out.Z = w.operand(in.Map), w.operand(in.Key), w.operand(in.Value)
	default:
		panic(fmt.Sprintf("unexpected instruction %T: %v", in, in))
	}
	return out
}

// sortTypes orders types by their string, then by the position of their
// declaration (local types of different functions can share a string).
func sortTypes(ts []types.Type) {
	pos := func(t types.Type) token.Pos {
		if n, ok := t.(*types.Named); ok {
			return n.Obj().Pos()
		}
		return token.NoPos
	}
	sort.SliceStable(ts, func(i, j int) bool {
		si, sj := ts[i].String(), ts[j].String()
		if si != sj {
			return si < sj
		}
		return pos(ts[i]) < pos(ts[j])
	})
}
