package main

import (
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

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
	// ReflectMethods is set when the program calls methods it finds
	// through reflection: every exported method of a reflected type is
	// then kept (load.go).
	ReflectMethods bool `json:"reflect_methods,omitempty"`
	// ReflectMakeFunc is set when code outside reflect calls
	// reflect.MakeFunc: func types then get the code of made funcs.
	ReflectMakeFunc bool `json:"reflect_make_func,omitempty"`
	// InterfaceTypes are the types reachable code converts to interfaces
	// (RTA's runtime types): an assertion to any other concrete type fails.
	InterfaceTypes []int `json:"interface_types,omitempty"`
}

// The schema's enums are serde's externally tagged form: an object with
// one key, the variant's name, whose value holds the variant's fields. In
// Go, a struct with one pointer field per variant, exactly one of them
// set (omitempty drops the others); a variant without fields is a Unit.

// Unit is the value of a variant without fields (JSON null).
type Unit struct{}

func (Unit) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

var unit = &Unit{}

// Type is one Go type: what every type has, and its kind with what the
// kind has (TypeKind in ir.rs).
type Type struct {
	Str        string   `json:"str"`
	Comparable bool     `json:"comparable,omitempty"`
	Size       int64    `json:"size,omitempty"`
	Align      int64    `json:"align,omitempty"`
	Pointers   bool     `json:"pointers,omitempty"`
	MethodSet  []Method `json:"method_set,omitempty"`
	Kind       TypeKind `json:"kind"`
}

// TypeKind: Basic is go/types' name of a basic kind ("int", "untyped
// rune", "unsafe.Pointer", ...).
type TypeKind struct {
	Basic     string         `json:"Basic,omitempty"`
	Named     *NamedKind     `json:"Named,omitempty"`
	Pointer   *ElemKind      `json:"Pointer,omitempty"`
	Slice     *ElemKind      `json:"Slice,omitempty"`
	Array     *ArrayKind     `json:"Array,omitempty"`
	Map       *MapKind       `json:"Map,omitempty"`
	Chan      *ChanKind      `json:"Chan,omitempty"`
	Struct    *StructKind    `json:"Struct,omitempty"`
	Func      *FuncKind      `json:"Func,omitempty"`
	Interface *InterfaceKind `json:"Interface,omitempty"`
	Tuple     *TupleKind     `json:"Tuple,omitempty"`
}

// The fields of the kinds of types.
type (
	NamedKind struct {
		Underlying int    `json:"underlying"`
		PkgPath    string `json:"pkg_path,omitempty"`
	}
	ElemKind struct {
		Elem int `json:"elem"`
	}
	ArrayKind struct {
		Elem int   `json:"elem"`
		Len  int64 `json:"len"`
	}
	MapKind struct {
		Key  int `json:"key"`
		Elem int `json:"elem"`
	}
	ChanKind struct {
		Elem int `json:"elem"`
		// Dir is Both, Send or Recv.
		Dir string `json:"dir"`
	}
	StructKind struct {
		Fields []Field `json:"fields,omitempty"`
	}
	FuncKind struct {
		Params   []int `json:"params,omitempty"`
		Results  []int `json:"results,omitempty"`
		Variadic bool  `json:"variadic,omitempty"`
	}
	InterfaceKind struct {
		Methods []Method `json:"methods,omitempty"`
	}
	TupleKind struct {
		Elems []int `json:"elems,omitempty"`
	}
)

type Field struct {
	Name string `json:"name"`
	Type int    `json:"type"`
	// PkgPath qualifies an unexported field's name (reflect.StructField).
	PkgPath  string `json:"pkg_path,omitempty"`
	Tag      string `json:"tag,omitempty"`
	Offset   int64  `json:"offset,omitempty"`
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
	// ExprSig is the method expression's type (the receiver first), for
	// reflect's Type.Method: set for exported methods with code when the
	// program looks up methods of types (invokesMethodLookup).
	ExprSig *int `json:"expr_sig,omitempty"`
}

type Global struct {
	Name string `json:"name"`
	// Type is the variable's type; PtrType the type of the SSA value (a
	// pointer to Type).
	Type    int `json:"type"`
	PtrType int `json:"ptr_type"`
}

type Function struct {
	Name     string   `json:"name"`
	Sig      int      `json:"sig"`
	Params   []Value  `json:"params,omitempty"`
	FreeVars []Value  `json:"free_vars,omitempty"`
	Results  []int    `json:"results,omitempty"`
	Variadic bool     `json:"variadic,omitempty"`
	Blocks   []*Block `json:"blocks,omitempty"`
	Recover  int      `json:"recover"`
	Import   []string `json:"import,omitempty"`
	// Export is the name of a //go:wasmexport function's export.
	Export    string `json:"export,omitempty"`
	Impl      int    `json:"impl"`
	Pos       string `json:"pos,omitempty"`
	NumValues int    `json:"num_values"`
	// GoName is the function's name as gc's runtime reports it
	// (runtime.FuncForPC, tracebacks); File its absolute source file.
	GoName string `json:"go_name,omitempty"`
	File   string `json:"file,omitempty"`
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

// Operand refers to a value: the result of an instruction, a parameter
// or a free variable (Value), a constant, the address of a global, a
// function, or a builtin (the ssa.Builtin's name: "len",
// "ssa:wrapnilchk", unsafe's "Add", ...).
type Operand struct {
	Value   *int   `json:"Value,omitempty"`
	Const   *Const `json:"Const,omitempty"`
	Global  *int   `json:"Global,omitempty"`
	Func    *int   `json:"Func,omitempty"`
	Builtin string `json:"Builtin,omitempty"`
}

// Const is a constant of type T.
type Const struct {
	T     int        `json:"t"`
	Value ConstValue `json:"value"`
}

// ConstValue: Int holds two's complement bits, Float the IEEE bits of the
// value as a float64, Complex the same for each part, String the bytes in
// hex; Nil is nil of a pointer-like type, Zero the zero value of an
// aggregate or basic type.
type ConstValue struct {
	Int     *uint64    `json:"Int,omitempty"`
	Float   *uint64    `json:"Float,omitempty"`
	Complex *[2]uint64 `json:"Complex,omitempty"`
	String  *string    `json:"String,omitempty"`
	Bool    *bool      `json:"Bool,omitempty"`
	Nil     *Unit      `json:"Nil,omitempty"`
	Zero    *Unit      `json:"Zero,omitempty"`
}

// Call is a CallCommon: either a call of Callee, or (Method set) a dynamic
// call of Method on the interface value Recv.
type Call struct {
	Callee *Operand   `json:"callee,omitempty"`
	Recv   *Operand   `json:"recv,omitempty"`
	Method *Method    `json:"method,omitempty"`
	Args   []*Operand `json:"args,omitempty"`
	Sig    int        `json:"sig"`
}

type SelectState struct {
	// Dir is Send or Recv.
	Dir  string   `json:"dir"`
	Chan *Operand `json:"chan"`
	Send *Operand `json:"send,omitempty"`
}

// Instr is one SSA instruction: ID and T are set for instructions that
// produce a value.
type Instr struct {
	ID  int    `json:"id,omitempty"`
	T   int    `json:"t,omitempty"`
	Pos string `json:"pos,omitempty"`
	// Line is the source line, for the module's line table.
	Line int `json:"line,omitempty"`
	Op   Op  `json:"op"`
}

// Op is the instruction's operation, named after its x/tools/go/ssa type.
type Op struct {
	Alloc               *AllocOp      `json:"Alloc,omitempty"`
	Phi                 *PhiOp        `json:"Phi,omitempty"`
	Call                *Call         `json:"Call,omitempty"`
	Go                  *Call         `json:"Go,omitempty"`
	Defer               *Call         `json:"Defer,omitempty"`
	BinOp               *BinOpOp      `json:"BinOp,omitempty"`
	UnOp                *UnOpOp       `json:"UnOp,omitempty"`
	ChangeType          *XOp          `json:"ChangeType,omitempty"`
	Convert             *XOp          `json:"Convert,omitempty"`
	ChangeInterface     *XOp          `json:"ChangeInterface,omitempty"`
	SliceToArrayPointer *XOp          `json:"SliceToArrayPointer,omitempty"`
	MakeInterface       *XOp          `json:"MakeInterface,omitempty"`
	MakeClosure         *MakeClosure  `json:"MakeClosure,omitempty"`
	MakeMap             *MakeMap      `json:"MakeMap,omitempty"`
	MakeChan            *MakeChan     `json:"MakeChan,omitempty"`
	MakeSlice           *MakeSlice    `json:"MakeSlice,omitempty"`
	Slice               *SliceOp      `json:"Slice,omitempty"`
	FieldAddr           *FieldOp      `json:"FieldAddr,omitempty"`
	Field               *FieldOp      `json:"Field,omitempty"`
	IndexAddr           *IndexOp      `json:"IndexAddr,omitempty"`
	Index               *IndexOp      `json:"Index,omitempty"`
	Lookup              *LookupOp     `json:"Lookup,omitempty"`
	Select              *SelectOp     `json:"Select,omitempty"`
	Range               *XOp          `json:"Range,omitempty"`
	Next                *NextOp       `json:"Next,omitempty"`
	TypeAssert          *TypeAssertOp `json:"TypeAssert,omitempty"`
	Extract             *ExtractOp    `json:"Extract,omitempty"`
	Jump                *Unit         `json:"Jump,omitempty"`
	If                  *IfOp         `json:"If,omitempty"`
	Return              *ReturnOp     `json:"Return,omitempty"`
	RunDefers           *Unit         `json:"RunDefers,omitempty"`
	Panic               *XOp          `json:"Panic,omitempty"`
	Send                *SendOp       `json:"Send,omitempty"`
	Store               *StoreOp      `json:"Store,omitempty"`
	MapUpdate           *MapUpdateOp  `json:"MapUpdate,omitempty"`
}

// The operands of the operations (Op in ir.rs documents them).
type (
	AllocOp struct {
		Heap bool `json:"heap,omitempty"`
	}
	PhiOp struct {
		Edges []*Operand `json:"edges"`
	}
	// BinOpOp.Op is a BinOp of ir.rs (binOps), UnOpOp.Op a UnOp (unOps).
	BinOpOp struct {
		Op string   `json:"op"`
		X  *Operand `json:"x"`
		Y  *Operand `json:"y"`
	}
	UnOpOp struct {
		Op      string   `json:"op"`
		X       *Operand `json:"x"`
		CommaOk bool     `json:"comma_ok,omitempty"`
	}
	XOp struct {
		X *Operand `json:"x"`
	}
	MakeClosure struct {
		Func     int        `json:"func"`
		Bindings []*Operand `json:"bindings,omitempty"`
	}
	MakeMap struct {
		Reserve *Operand `json:"reserve"`
	}
	MakeChan struct {
		Size *Operand `json:"size"`
	}
	MakeSlice struct {
		Len *Operand `json:"len"`
		Cap *Operand `json:"cap"`
	}
	SliceOp struct {
		X         *Operand `json:"x"`
		Low       *Operand `json:"low"`
		High      *Operand `json:"high"`
		Max       *Operand `json:"max"`
		Makeslice bool     `json:"makeslice,omitempty"`
	}
	FieldOp struct {
		X     *Operand `json:"x"`
		Field int      `json:"field"`
	}
	IndexOp struct {
		X     *Operand `json:"x"`
		Index *Operand `json:"index"`
	}
	LookupOp struct {
		X       *Operand `json:"x"`
		Index   *Operand `json:"index"`
		CommaOk bool     `json:"comma_ok,omitempty"`
	}
	SelectOp struct {
		States   []SelectState `json:"states,omitempty"`
		Blocking bool          `json:"blocking,omitempty"`
	}
	NextOp struct {
		Iter     *Operand `json:"iter"`
		IsString bool     `json:"is_string,omitempty"`
	}
	TypeAssertOp struct {
		X        *Operand `json:"x"`
		Asserted int      `json:"asserted"`
		CommaOk  bool     `json:"comma_ok,omitempty"`
	}
	ExtractOp struct {
		Tuple *Operand `json:"tuple"`
		Index int      `json:"index"`
	}
	IfOp struct {
		Cond *Operand `json:"cond"`
	}
	ReturnOp struct {
		Results []*Operand `json:"results,omitempty"`
	}
	SendOp struct {
		Chan *Operand `json:"chan"`
		X    *Operand `json:"x"`
	}
	StoreOp struct {
		Addr *Operand `json:"addr"`
		Val  *Operand `json:"val"`
	}
	MapUpdateOp struct {
		Map   *Operand `json:"map"`
		Key   *Operand `json:"key"`
		Value *Operand `json:"value"`
	}
)

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
	// methodExprs: the program looks up methods of types (Type.Method),
	// whose Func and Type are method expressions.
	methodExprs bool
}

func newWriter(prog *ssa.Program, dirs *directives) *writer {
	return &writer{prog: prog, dirs: dirs, out: &Program{}, globals: map[*ssa.Global]int{}, funcs: map[*ssa.Function]int{}}
}

func (w *writer) program(res *rta.Result, called map[*ssa.Function]bool, inits []*ssa.Function, main *ssa.Function, rt *ssa.Package) *Program {
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
	described := describedTypes(w.prog, called, w.out.ReflectMethods)
	described.Iterate(func(t types.Type, _ any) {
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
	// reflect.New, PointerTo and Value.Addr make a *T for any type T
	// reflection reaches: those pointer types are runtime types too (RTA
	// already has *N for named N, with N's methods). Not for pointer
	// types: **T is described only when the program mentions it.
	if reachesPointerTo(res) {
		var ptrs []types.Type
		described.Iterate(func(t types.Type, _ any) {
			if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
				return
			}
			p := types.NewPointer(t)
			if described.At(p) == nil {
				ptrs = append(ptrs, p)
			}
		})
		sortTypes(ptrs)
		for _, p := range ptrs {
			w.out.InterfaceTypes = append(w.out.InterfaceTypes, w.typeID(p))
		}
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
	// A variable declared with //go:linkname to another package's (math/
	// bits's overflowError is the runtime's) is that variable.
	if target, ok := w.dirs.linkname[g.Pkg.Pkg.Path()+"."+g.Name()]; ok {
		if t := lookupGlobal(w.prog, target); t != nil && t != g {
			id := w.globalID(t)
			w.globals[g] = id
			return id
		}
	}
	id := len(w.out.Globals)
	w.globals[g] = id
	w.out.Globals = append(w.out.Globals, &Global{Name: g.Pkg.Pkg.Path() + "." + g.Name(), Type: w.typeID(g.Type().(*types.Pointer).Elem()), PtrType: w.typeID(g.Type())})
	return id
}

func lookupGlobal(prog *ssa.Program, sym string) *ssa.Global {
	g, _ := lookupMember(prog, sym).(*ssa.Global)
	return g
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
	ty := &Type{Str: types.TypeString(unnamedParams(t), qualifier), Comparable: types.Comparable(t)}
	if hasSize(t) {
		ty.Size = sizes.Sizeof(t)
		ty.Align = sizes.Alignof(t)
		ty.Pointers = hasPointers(t)
	}
	w.out.Types = append(w.out.Types, ty)
	switch t := t.(type) {
	case *types.Basic:
		// Canonical names: byte and rune are uint8 and int32.
		name := types.Typ[t.Kind()].Name()
		if t.Kind() == types.UnsafePointer {
			name = "unsafe.Pointer"
		}
		ty.Str = name
		ty.Kind.Basic = name
	case *types.Named:
		k := NamedKind{Underlying: w.typeID(t.Underlying())}
		if t.Obj().Pkg() != nil {
			k.PkgPath = symbolPath(t.Obj().Pkg())
		}
		ty.Kind.Named = &k
	case *types.Pointer:
		ty.Kind.Pointer = &ElemKind{Elem: w.typeID(t.Elem())}
	case *types.Slice:
		ty.Kind.Slice = &ElemKind{Elem: w.typeID(t.Elem())}
	case *types.Array:
		ty.Kind.Array = &ArrayKind{Elem: w.typeID(t.Elem()), Len: t.Len()}
	case *types.Map:
		ty.Kind.Map = &MapKind{Key: w.typeID(t.Key()), Elem: w.typeID(t.Elem())}
	case *types.Chan:
		dir := map[types.ChanDir]string{types.SendRecv: "Both", types.SendOnly: "Send", types.RecvOnly: "Recv"}[t.Dir()]
		ty.Kind.Chan = &ChanKind{Elem: w.typeID(t.Elem()), Dir: dir}
	case *types.Struct:
		var k StructKind
		vars := make([]*types.Var, t.NumFields())
		for i := range vars {
			vars[i] = t.Field(i)
		}
		offsets := sizes.Offsetsof(vars)
		for i, f := range vars {
			field := Field{Name: f.Name(), Type: w.typeID(f.Type()), Tag: t.Tag(i), Offset: offsets[i], Embedded: f.Embedded()}
			if !f.Exported() && f.Pkg() != nil {
				field.PkgPath = symbolPath(f.Pkg())
			}
			k.Fields = append(k.Fields, field)
		}
		ty.Kind.Struct = &k
	case *types.Signature:
		ty.Kind.Func = &FuncKind{Params: w.tupleIDs(t.Params()), Results: w.tupleIDs(t.Results()), Variadic: t.Variadic()}
	case *types.Interface:
		var k InterfaceKind
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			k.Methods = append(k.Methods, Method{ID: m.Id(), Name: m.Name(), Sig: w.typeID(m.Type()), Func: -1})
		}
		ty.Kind.Interface = &k
	case *types.Tuple:
		ty.Kind.Tuple = &TupleKind{Elems: w.tupleIDs(t)}
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
	var exprSigs []int
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
				if w.methodExprs && entry.Func >= 0 && m.Exported() {
					id := w.typeID(methodExprSig(t, m.Type().(*types.Signature)))
					entry.ExprSig = &id
					exprSigs = append(exprSigs, id)
				}
				w.out.Types[id].MethodSet = append(w.out.Types[id].MethodSet, entry)
			}
		}
		done = end
	}
	// reflect's Method(i).Func values are made by the runtime: their
	// types are put in interfaces.
	w.out.InterfaceTypes = append(w.out.InterfaceTypes, exprSigs...)
	sort.Ints(w.out.InterfaceTypes)
	w.out.InterfaceTypes = slices.Compact(w.out.InterfaceTypes)
	// Functions queued while filling method sets.
	for i := range w.queue {
		if w.out.Functions[i] == nil {
			w.out.Functions[i] = w.function(w.queue[i])
		}
	}
}

// describedTypes are the types that can be the dynamic type of an
// interface or a reflect.Value: those code called from the roots
// (calledFrom) converts to an interface and, transitively, their elements, fields, parameters and
// results, and *N for each named N — RTA's runtime types, except that the
// parameters and results of methods count only when the program calls
// methods it finds through reflection (withMethods; load.go). Otherwise
// reflection never yields a method's type: RTA's rule made fmt's
// unexported (*pp).fmtFloat put float64 in every fmt program, and with
// it the float cases of fmt's type switches and strconv's float code.
func describedTypes(prog *ssa.Program, called map[*ssa.Function]bool, withMethods bool) *typeutil.Map {
	var out typeutil.Map
	var visit func(t types.Type)
	visit = func(t types.Type) {
		t = types.Unalias(t)
		if out.At(t) != nil {
			return
		}
		out.Set(t, true)
		if withMethods {
			mset := prog.MethodSets.MethodSet(t)
			for i := 0; i < mset.Len(); i++ {
				sig := mset.At(i).Type().(*types.Signature)
				if sig.TypeParams() == nil {
					visit(sig.Params())
					visit(sig.Results())
				}
			}
		}
		switch t := t.(type) {
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Signature:
			visit(t.Params())
			visit(t.Results())
		case *types.Named:
			visit(types.NewPointer(t))
			visit(t.Underlying())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				visit(t.At(i).Type())
			}
		}
	}
	for f := range called {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if mi, ok := in.(*ssa.MakeInterface); ok {
					visit(mi.X.Type())
				}
			}
		}
	}
	return &out
}

// storesBlankField reports whether s stores into a field named _ (only a
// composite literal can).
func storesBlankField(s *ssa.Store) bool {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	st, ok := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	return ok && st.Field(fa.Field).Name() == "_"
}

// methodExprSig is the type of the method expression recv.m: m's
// signature with the receiver as first parameter.
func methodExprSig(recv types.Type, sig *types.Signature) *types.Signature {
	params := []*types.Var{types.NewParam(token.NoPos, nil, "", recv)}
	for i := 0; i < sig.Params().Len(); i++ {
		params = append(params, sig.Params().At(i))
	}
	return types.NewSignatureType(nil, nil, nil, types.NewTuple(params...), sig.Results(), sig.Variadic())
}

func (w *writer) function(f *ssa.Function) *Function {
	w.values = map[ssa.Value]int{}
	out := &Function{Name: f.String(), Sig: w.typeID(f.Signature), Recover: -1, Impl: -1}
	if pos := f.Prog.Fset.Position(f.Pos()); pos.IsValid() {
		out.Pos = relPos(pos.String())
		out.File = sourceFile(pos.Filename)
	}
	out.GoName = goName(f)
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
		out.Export = w.dirs.wasmexport[sym]
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
		return &Operand{Const: w.constant(v)}
	case *ssa.Global:
		id := w.globalID(v)
		return &Operand{Global: &id}
	case *ssa.Function:
		id := w.funcID(v)
		return &Operand{Func: &id}
	case *ssa.Builtin:
		return &Operand{Builtin: v.Name()}
	default:
		id, ok := w.values[v]
		if !ok {
			panic(fmt.Sprintf("value %v (%T) used before definition", v, v))
		}
		return &Operand{Value: &id}
	}
}

// optOperand is the operand of v, nil for none.
func (w *writer) optOperand(v ssa.Value) *Operand {
	if v == nil {
		return nil
	}
	return w.operand(v)
}

func (w *writer) operands(vs []ssa.Value) []*Operand {
	out := make([]*Operand, len(vs))
	for i, v := range vs {
		out[i] = w.operand(v)
	}
	return out
}

func (w *writer) constant(c *ssa.Const) *Const {
	out := &Const{T: w.typeID(c.Type())}
	v := &out.Value
	if c.Value == nil {
		switch c.Type().Underlying().(type) {
		case *types.Struct, *types.Array, *types.Basic:
			v.Zero = unit
		default:
			v.Nil = unit
		}
		return out
	}
	basic, _ := c.Type().Underlying().(*types.Basic)
	switch c.Value.Kind() {
	case constant.Bool:
		b := constant.BoolVal(c.Value)
		v.Bool = &b
	case constant.String:
		h := hex.EncodeToString([]byte(constant.StringVal(c.Value)))
		v.String = &h
	case constant.Int, constant.Float, constant.Complex:
		switch {
		case basic != nil && basic.Info()&types.IsComplex != 0:
			re, im := constant.Real(c.Value), constant.Imag(c.Value)
			var parts [2]uint64
			if basic.Kind() == types.Complex64 {
				r, _ := constant.Float32Val(re)
				i, _ := constant.Float32Val(im)
				parts = [2]uint64{math.Float64bits(float64(r)), math.Float64bits(float64(i))}
			} else {
				r, _ := constant.Float64Val(re)
				i, _ := constant.Float64Val(im)
				parts = [2]uint64{math.Float64bits(r), math.Float64bits(i)}
			}
			v.Complex = &parts
		case basic != nil && basic.Info()&types.IsFloat != 0:
			var bits uint64
			if basic.Kind() == types.Float32 {
				f, _ := constant.Float32Val(constant.ToFloat(c.Value))
				bits = math.Float64bits(float64(f))
			} else {
				f, _ := constant.Float64Val(constant.ToFloat(c.Value))
				bits = math.Float64bits(f)
			}
			v.Float = &bits
		default:
			n := constant.ToInt(c.Value)
			var bits uint64
			if i, ok := constant.Int64Val(n); ok {
				bits = uint64(i)
			} else {
				bits, _ = constant.Uint64Val(n)
			}
			v.Int = &bits
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

// binOps and unOps name go/token's operators as ir.rs's BinOp and UnOp.
var binOps = map[token.Token]string{
	token.ADD: "Add", token.SUB: "Sub", token.MUL: "Mul", token.QUO: "Quo", token.REM: "Rem",
	token.AND: "And", token.OR: "Or", token.XOR: "Xor", token.SHL: "Shl", token.SHR: "Shr",
	token.AND_NOT: "AndNot", token.EQL: "Eql", token.NEQ: "Neq", token.LSS: "Lss",
	token.LEQ: "Leq", token.GTR: "Gtr", token.GEQ: "Geq",
}

var unOps = map[token.Token]string{
	token.NOT: "Not", token.SUB: "Neg", token.XOR: "Complement", token.MUL: "Deref", token.ARROW: "Recv",
}

func (w *writer) instr(in ssa.Instruction) *Instr {
	out := &Instr{}
	p := in.Pos()
	if _, ok := in.(*ssa.RunDefers); ok {
		// Deferred calls run at the return that follows (gc: the return
		// statement's line, or the closing brace's).
		if b := in.Block(); b != nil && len(b.Instrs) > 0 {
			p = b.Instrs[len(b.Instrs)-1].Pos()
		}
		if !p.IsValid() {
			switch syntax := in.Parent().Syntax().(type) {
			case *ast.FuncDecl:
				p = syntax.Body.Rbrace
			case *ast.FuncLit:
				p = syntax.Body.Rbrace
			}
		}
	}
	if p.IsValid() {
		out.Line = w.prog.Fset.Position(p).Line
	}
	if v, ok := in.(ssa.Value); ok {
		out.ID = w.values[v]
		out.T = w.typeID(v.Type())
	}
	op := &out.Op
	x := func(v ssa.Value) *XOp { return &XOp{X: w.operand(v)} }
	switch in := in.(type) {
	case *ssa.DebugRef:
		return nil
	case *ssa.Alloc:
		op.Alloc = &AllocOp{Heap: in.Heap}
	case *ssa.Phi:
		op.Phi = &PhiOp{Edges: w.operands(in.Edges)}
	case *ssa.Call:
		op.Call = w.call(in.Common())
		out.Pos = w.pos(in.Pos())
	case *ssa.Go:
		op.Go = w.call(in.Common())
	case *ssa.Defer:
		op.Defer = w.call(in.Common())
	case *ssa.BinOp:
		op.BinOp = &BinOpOp{Op: binOps[in.Op], X: w.operand(in.X), Y: w.operand(in.Y)}
	case *ssa.UnOp:
		op.UnOp = &UnOpOp{Op: unOps[in.Op], X: w.operand(in.X), CommaOk: in.CommaOk}
	case *ssa.ChangeType:
		op.ChangeType = x(in.X)
	case *ssa.Convert:
		op.Convert = x(in.X)
	case *ssa.MultiConvert:
		panic("MultiConvert in instantiated code")
	case *ssa.ChangeInterface:
		op.ChangeInterface = x(in.X)
	case *ssa.SliceToArrayPointer:
		op.SliceToArrayPointer = x(in.X)
	case *ssa.MakeInterface:
		op.MakeInterface = x(in.X)
	case *ssa.MakeClosure:
		op.MakeClosure = &MakeClosure{Func: w.funcID(in.Fn.(*ssa.Function)), Bindings: w.operands(in.Bindings)}
	case *ssa.MakeMap:
		op.MakeMap = &MakeMap{Reserve: w.optOperand(in.Reserve)}
	case *ssa.MakeChan:
		op.MakeChan = &MakeChan{Size: w.operand(in.Size)}
	case *ssa.MakeSlice:
		op.MakeSlice = &MakeSlice{Len: w.operand(in.Len), Cap: w.operand(in.Cap)}
	case *ssa.Slice:
		// make([]T, n, constant) is built as new([constant]T)[:n]; its
		// bounds failures must read as makeslice's.
		a, ok := in.X.(*ssa.Alloc)
		op.Slice = &SliceOp{
			X:         w.operand(in.X),
			Low:       w.optOperand(in.Low),
			High:      w.optOperand(in.High),
			Max:       w.optOperand(in.Max),
			Makeslice: ok && a.Comment == "makeslice",
		}
	case *ssa.FieldAddr:
		op.FieldAddr = &FieldOp{X: w.operand(in.X), Field: in.Field}
	case *ssa.Field:
		op.Field = &FieldOp{X: w.operand(in.X), Field: in.Field}
	case *ssa.IndexAddr:
		op.IndexAddr = &IndexOp{X: w.operand(in.X), Index: w.operand(in.Index)}
	case *ssa.Index:
		op.Index = &IndexOp{X: w.operand(in.X), Index: w.operand(in.Index)}
	case *ssa.Lookup:
		op.Lookup = &LookupOp{X: w.operand(in.X), Index: w.operand(in.Index), CommaOk: in.CommaOk}
	case *ssa.Select:
		sel := &SelectOp{Blocking: in.Blocking}
		for _, st := range in.States {
			s := SelectState{Chan: w.operand(st.Chan), Dir: map[types.ChanDir]string{types.SendOnly: "Send", types.RecvOnly: "Recv"}[st.Dir]}
			if st.Send != nil {
				s.Send = w.operand(st.Send)
			}
			sel.States = append(sel.States, s)
		}
		op.Select = sel
	case *ssa.Range:
		op.Range = x(in.X)
	case *ssa.Next:
		op.Next = &NextOp{Iter: w.operand(in.Iter), IsString: in.IsString}
	case *ssa.TypeAssert:
		op.TypeAssert = &TypeAssertOp{X: w.operand(in.X), Asserted: w.typeID(in.AssertedType), CommaOk: in.CommaOk}
	case *ssa.Extract:
		op.Extract = &ExtractOp{Tuple: w.operand(in.Tuple), Index: in.Index}
	case *ssa.Jump:
		op.Jump = unit
	case *ssa.If:
		op.If = &IfOp{Cond: w.operand(in.Cond)}
	case *ssa.Return:
		op.Return = &ReturnOp{Results: w.operands(in.Results)}
	case *ssa.RunDefers:
		op.RunDefers = unit
	case *ssa.Panic:
		op.Panic = x(in.X)
	case *ssa.Send:
		op.Send = &SendOp{Chan: w.operand(in.Chan), X: w.operand(in.X)}
	case *ssa.Store:
		if storesBlankField(in) {
			// A composite literal's value for a blank field is not kept
			// (gc): blank fields stay zero, so == and hashing, which skip
			// them, can compare every field.
			return nil
		}
		op.Store = &StoreOp{Addr: w.operand(in.Addr), Val: w.operand(in.Val)}
	case *ssa.MapUpdate:
		op.MapUpdate = &MapUpdateOp{Map: w.operand(in.Map), Key: w.operand(in.Key), Value: w.operand(in.Value)}
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

// reachesPointerTo reports whether reachable code can make pointer types
// through reflection.
func reachesPointerTo(res *rta.Result) bool {
	for f := range res.Reachable {
		if f.Pkg != nil && f.Pkg.Pkg.Path() == "reflect" {
			switch f.String() {
			case "reflect.New", "reflect.PointerTo", "(reflect.Value).Addr":
				return true
			}
		}
	}
	return false
}

// goName names f as gc's runtime does: pkg.F, pkg.T.M, pkg.(*T).M,
// pkg.F.func1 for closures (pkg.F.func1.2 nested), pkg.F[...] for
// instances. Method wrappers, method values and method expressions get
// no name: gc hides their frames from runtime.Callers and tracebacks.
func goName(f *ssa.Function) string {
	for _, wrapper := range []string{"wrapper for ", "thunk for ", "bound method wrapper for "} {
		if strings.HasPrefix(f.Synthetic, wrapper) {
			return ""
		}
	}
	if parent := f.Parent(); parent != nil {
		name := f.Name()
		n := name[strings.LastIndex(name, "$")+1:]
		if parent.Parent() == nil {
			return goName(parent) + ".func" + n
		}
		return goName(parent) + "." + n
	}
	name := f.Name()
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i] + "[...]"
	}
	if recv := f.Signature.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		var pkg, tname string
		if n, ok := t.(*types.Named); ok {
			tname = n.Obj().Name()
			if n.TypeArgs().Len() > 0 || n.TypeParams().Len() > 0 {
				tname += "[...]"
			}
			if n.Obj().Pkg() != nil {
				pkg = symbolPath(n.Obj().Pkg())
			}
		} else {
			tname = types.TypeString(t, nil)
		}
		if star != "" {
			tname = "(*" + tname + ")"
		}
		return pkg + "." + tname + "." + name
	}
	if strings.HasPrefix(name, "init#") {
		n, _ := strconv.Atoi(name[len("init#"):])
		name = "init." + strconv.Itoa(n-1)
	}
	if f.Pkg != nil {
		return symbolPath(f.Pkg.Pkg) + "." + name
	}
	if o := f.Object(); o != nil && o.Pkg() != nil {
		return symbolPath(o.Pkg()) + "." + name
	}
	return name
}

// symbolPath is the package prefix of gc's symbol names: the import
// path, "main" for a main package.
func symbolPath(p *types.Package) string {
	if p.Name() == "main" {
		return "main"
	}
	return p.Path()
}

// realGOROOT and syntheticGOROOT map the files of the synthesized GOROOT
// the program is loaded from back to the installation's, as gc reports
// them.
var realGOROOT, syntheticGOROOT string

func sourceFile(name string) string {
	if syntheticGOROOT != "" && strings.HasPrefix(name, syntheticGOROOT+"/") {
		return realGOROOT + name[len(syntheticGOROOT):]
	}
	return name
}

// unnamedParams is t spelled as gc's runtime spells types: the parameter
// and result names of its func types dropped (types that differ only in
// those names are one type, which the first spelling met would name) and
// byte and rune as uint8 and int32.
func unnamedParams(t types.Type) types.Type {
	switch t := t.(type) {
	case *types.Basic:
		return types.Typ[t.Kind()]
	case *types.Signature:
		tuple := func(tu *types.Tuple) *types.Tuple {
			vars := make([]*types.Var, tu.Len())
			for i := range vars {
				vars[i] = types.NewParam(token.NoPos, nil, "", unnamedParams(tu.At(i).Type()))
			}
			return types.NewTuple(vars...)
		}
		return types.NewSignatureType(nil, nil, nil, tuple(t.Params()), tuple(t.Results()), t.Variadic())
	case *types.Pointer:
		return types.NewPointer(unnamedParams(t.Elem()))
	case *types.Slice:
		return types.NewSlice(unnamedParams(t.Elem()))
	case *types.Array:
		return types.NewArray(unnamedParams(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(unnamedParams(t.Key()), unnamedParams(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), unnamedParams(t.Elem()))
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), unnamedParams(f.Type()), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	}
	return t
}
