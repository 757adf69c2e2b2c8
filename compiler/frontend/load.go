package main

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/callgraph/rta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// buildTags select pure-Go code paths in the standard library (crypto's
// purego, math/big's math_big_pure_go instead of assembly).
const buildTags = "purego,math_big_pure_go,gowasm"

// errNoTestFiles is the front end's exit status for a test build of a
// package without test files (`go test` reports "[no test files]").
const errNoTestFiles = 3

// load type-checks the packages named by patterns (plus the runtime) for
// GOOS=wasip1 GOARCH=wasm under goroot and returns the reachable program as
// IR. Errors are printed like `go build` prints them; ok is false then.
// With test set, the one package named is compiled as its test binary
// (the go command's generated test main, the package with its _test.go
// files, and its external test package).
func load(goroot string, patterns []string, test bool) (*Program, bool) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles,
		Env:        append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0", "GOROOT="+goroot, "GOTOOLCHAIN=local", "GOWORK=off"),
		BuildFlags: []string{"-tags=" + buildTags},
		Tests:      test,
	}
	// A first, cheap listing finds the main package so that an extra file
	// importing the runtime can be added to it: the runtime must be part of
	// every program even when nothing imports it.
	probe, err := packages.Load(cfg, patterns...)
	if err != nil {
		// go/packages wraps the go command's own message.
		msg := err.Error()
		if i := strings.Index(msg, "stderr: "); i >= 0 {
			msg = msg[i+len("stderr: "):]
		}
		fmt.Fprintln(os.Stderr, strings.TrimSpace(msg))
		return nil, false
	}
	if !reportErrors(probe) {
		return nil, false
	}
	if test {
		return loadTest(cfg, probe)
	}
	if len(probe) != 1 || probe[0].Name != "main" || len(probe[0].GoFiles) == 0 {
		for _, p := range probe {
			if p.Name != "main" {
				fmt.Fprintf(os.Stderr, "gowasm: package %s is not a main package\n", p.PkgPath)
				return nil, false
			}
		}
		fmt.Fprintln(os.Stderr, "gowasm: exactly one main package must be named")
		return nil, false
	}
	extra := filepath.Join(filepath.Dir(probe[0].GoFiles[0]), "zz_gowasm_runtime.go")
	cfg.Overlay = map[string][]byte{extra: []byte("package main\n\nimport _ \"runtime\"\n")}
	if strings.HasSuffix(patterns[0], ".go") {
		for i, p := range patterns {
			if abs, err := filepath.Abs(p); err == nil {
				patterns[i] = abs
			}
		}
		patterns = append(patterns, extra)
	}
	pkgs, ok := loadSyntax(cfg, patterns)
	if !ok {
		return nil, false
	}
	return build(pkgs[0]), true
}

// loadTest loads the test binary of the one package in probe.
func loadTest(cfg *packages.Config, probe []*packages.Package) (*Program, bool) {
	var paths []string
	for _, p := range probe {
		if !strings.Contains(p.ID, " ") && !strings.HasSuffix(p.ID, ".test") {
			paths = append(paths, p.PkgPath)
		}
	}
	if len(paths) != 1 {
		fmt.Fprintln(os.Stderr, "gowasm: exactly one package must be named for a test build")
		return nil, false
	}
	pkgs, ok := loadSyntax(cfg, paths)
	if !ok {
		return nil, false
	}
	for _, p := range pkgs {
		if p.ID == paths[0]+".test" {
			return build(p), true
		}
	}
	os.Exit(errNoTestFiles)
	return nil, false
}

// loadSyntax loads patterns with syntax and types, with //go:embed
// variables initialized.
func loadSyntax(cfg *packages.Config, patterns []string) ([]*packages.Package, bool) {
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps |
		packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedTypesSizes
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gowasm:", err)
		return nil, false
	}
	if !reportErrors(pkgs) {
		return nil, false
	}
	embeds, ok := embedOverlay(pkgs)
	if !ok {
		return nil, false
	}
	if len(embeds) > 0 {
		// Load again with the embedded variables initialized.
		if cfg.Overlay == nil {
			cfg.Overlay = map[string][]byte{}
		}
		maps.Copy(cfg.Overlay, embeds)
		if pkgs, err = packages.Load(cfg, patterns...); err != nil {
			fmt.Fprintln(os.Stderr, "gowasm:", err)
			return nil, false
		}
		if !reportErrors(pkgs) {
			return nil, false
		}
	}
	return pkgs, true
}

// build turns the main package main and everything it imports into IR.
func build(main *packages.Package) *Program {
	pkgs := []*packages.Package{main}
	var rtPkg *packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.PkgPath == "runtime" {
			rtPkg = p
		}
	})
	prog, _ := ssautil.AllPackages(pkgs, ssa.InstantiateGenerics|ssa.BuildSerially)
	// One package at a time, in path order: a generic function instantiated
	// from two packages with type arguments spelled through different
	// aliases (fs.DirEntry, os.DirEntry) is named after the first build
	// that instantiates it, and the module's bytes must not depend on
	// which (prog.Build goes through a map).
	all := prog.AllPackages()
	sort.Slice(all, func(i, j int) bool { return all[i].Pkg.Path() < all[j].Pkg.Path() })
	for _, p := range all {
		p.Build()
	}
	mainPkg, rtSSA := prog.Package(main.Types), prog.Package(rtPkg.Types)

	dirs := collectDirectives(pkgs)
	roots := []*ssa.Function{mainPkg.Func("init"), mainPkg.Func("main")}
	// Functions exported with //go:wasmexport are called by the host.
	for _, p := range all {
		for _, m := range p.Members {
			if f, ok := m.(*ssa.Function); ok && dirs.wasmexport[symbol(f)] != "" {
				roots = append(roots, f)
			}
		}
	}
	for _, m := range rtSSA.Members {
		if f, ok := m.(*ssa.Function); ok && f.TypeParams().Len() == 0 {
			roots = append(roots, f)
		}
	}
	// Bodyless functions are implemented elsewhere through //go:linkname:
	// make the implementations reachable too.
	// A program that calls methods found through reflection
	// (reflect.Value.Method, MethodByName) can call any exported method of
	// a type it converts to an interface, as gc's linker assumes too.
	res := rta.Analyze(roots, true)
	var callsMethods, looksUpMethods bool
	for {
		added := false
		add := func(f *ssa.Function) {
			if _, ok := res.Reachable[f]; !ok {
				roots = append(roots, f)
				added = true
			}
		}
		for f := range res.Reachable {
			if impl := dirs.implementation(prog, f); impl != nil {
				add(impl)
			}
		}
		looksUpMethods = invokesMethodLookup(res)
		callsMethods = looksUpMethods || callsReflect(res, func(f *ssa.Function) bool {
			return f.Signature.Recv() != nil && (f.Name() == "Method" || f.Name() == "MethodByName")
		})
		if callsMethods {
			res.RuntimeTypes.Iterate(func(t types.Type, _ any) {
				if types.IsInterface(t) {
					return
				}
				mset := prog.MethodSets.MethodSet(t)
				for i := 0; i < mset.Len(); i++ {
					if sel := mset.At(i); sel.Obj().Exported() {
						if fn := prog.MethodValue(sel); fn != nil {
							add(fn)
						}
					}
				}
			})
		}
		if !added {
			break
		}
		res = rta.Analyze(roots, true)
	}
	// The last analysis was of these roots: its call graph is current.
	called := calledFrom(res, roots)

	var initOrder []*ssa.Function
	seen := map[*ssa.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		sp := prog.Package(p.Types)
		if sp == nil || seen[sp] {
			return
		}
		seen[sp] = true
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			visit(p.Imports[path])
		}
		initOrder = append(initOrder, sp.Func("init"))
	}
	visit(rtPkg) // the runtime first
	visit(main)

	w := newWriter(prog, dirs)
	w.out.ReflectMethods = callsMethods
	w.methodExprs = looksUpMethods
	w.out.ReflectMakeFunc = callsReflect(res, func(f *ssa.Function) bool {
		return f.Signature.Recv() == nil && f.Name() == "MakeFunc"
	})
	return w.program(res, called, initOrder, mainPkg.Func("main"), rtSSA)
}

// calledFrom is the set of functions the roots reach through calls
// (RTA's call graph: static, interface and func-value calls) and taken
// addresses. RTA's reachable set also has every exported method of every
// type converted to an interface, as reflection could call it; gowasm's
// reflection calls those only in programs that look methods up, whose
// roots then hold them (build).
func calledFrom(res *rta.Result, roots []*ssa.Function) map[*ssa.Function]bool {
	seen := map[*ssa.Function]bool{}
	var queue []*ssa.Function
	add := func(f *ssa.Function) {
		if f != nil && !seen[f] {
			seen[f] = true
			queue = append(queue, f)
		}
	}
	for _, f := range roots {
		add(f)
	}
	var operands []*ssa.Value
	for len(queue) > 0 {
		f := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if n := res.CallGraph.Nodes[f]; n != nil {
			for _, e := range n.Out {
				add(e.Callee.Func)
			}
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				for _, op := range in.Operands(operands[:0]) {
					if g, ok := (*op).(*ssa.Function); ok {
						add(g)
					}
				}
			}
		}
	}
	return seen
}

// callsReflect reports whether code outside package reflect statically
// calls a function of reflect that match accepts: Value.Method or
// MethodByName (whose methods may then be called), MakeFunc. RTA alone
// would say so for nearly every program that uses reflect: it keeps every
// method of a type converted to an interface once some interface call
// could reach it.
func callsReflect(res *rta.Result, match func(*ssa.Function) bool) bool {
	return anyCallOutsideReflect(res, func(caller *ssa.Function, call *ssa.CallCommon) bool {
		// Not from synthetic wrappers: reflect's own pointer-receiver
		// wrappers of Value.Method are reachable in every fmt program.
		if caller.Pkg == nil {
			return false
		}
		callee := call.StaticCallee()
		return callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "reflect" && match(callee)
	})
}

// anyCallOutsideReflect reports whether a reachable function outside
// package reflect makes a call that match accepts.
func anyCallOutsideReflect(res *rta.Result, match func(caller *ssa.Function, call *ssa.CallCommon) bool) bool {
	for f := range res.Reachable {
		if f.Pkg != nil && f.Pkg.Pkg.Path() == "reflect" {
			continue
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if call, ok := in.(ssa.CallInstruction); ok && match(f, call.Common()) {
					return true
				}
			}
		}
	}
	return false
}

// invokesMethodLookup reports whether reachable code outside reflect
// calls, through an interface, a method Method or MethodByName whose first
// result is a reflect.Method (reflect.Type's, or any interface declaring
// them so: gc's linker keeps every exported method for the same calls).
func invokesMethodLookup(res *rta.Result) bool {
	return anyCallOutsideReflect(res, func(_ *ssa.Function, call *ssa.CallCommon) bool {
		if !call.IsInvoke() || call.Method.Name() != "Method" && call.Method.Name() != "MethodByName" {
			return false
		}
		results := call.Method.Type().(*types.Signature).Results()
		if results.Len() == 0 {
			return false
		}
		named, ok := types.Unalias(results.At(0).Type()).(*types.Named)
		return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "reflect" && named.Obj().Name() == "Method"
	})
}

// reportErrors prints package errors the way `go build` does and reports
// whether there were none.
func reportErrors(pkgs []*packages.Package) bool {
	ok := true
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 {
			return
		}
		ok = false
		fmt.Fprintf(os.Stderr, "# %s\n", p.PkgPath)
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = relPos(e.Pos) + ": " + msg
			}
			if !seen[msg] {
				seen[msg] = true
				fmt.Fprintln(os.Stderr, msg)
			}
		}
	})
	return ok
}

// relPos shortens an absolute file position to one relative to the current
// directory, as the go command prints it.
func relPos(pos string) string {
	wd, err := os.Getwd()
	if err == nil && strings.HasPrefix(pos, wd+"/") {
		return "./" + strings.TrimPrefix(pos, wd+"/")
	}
	return pos
}

// directives holds the //go: comments the back end needs.
type directives struct {
	// linkname maps "pkgpath.name" of a function declared in source to the
	// symbol named by its //go:linkname directive.
	linkname map[string]string
	// pushed maps a symbol to the functions whose //go:linkname names it
	// (push-style: the implementation names the declaration it provides).
	pushed map[string][]string
	// wasmimport maps "pkgpath.name" to [module, name].
	wasmimport map[string][2]string
	// wasmexport maps "pkgpath.name" to the name it is exported as.
	wasmexport map[string]string
}

func collectDirectives(pkgs []*packages.Package) *directives {
	d := &directives{linkname: map[string]string{}, pushed: map[string][]string{}, wasmimport: map[string][2]string{}, wasmexport: map[string]string{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, file := range p.Syntax {
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					fields := strings.Fields(c.Text)
					if len(fields) == 3 && fields[0] == "//go:linkname" {
						local := p.PkgPath + "." + fields[1]
						d.linkname[local] = fields[2]
						// A function naming itself (maps.clone: "provided by
						// the runtime") must not hide the runtime's push.
						if local != fields[2] {
							d.pushed[fields[2]] = append(d.pushed[fields[2]], local)
						}
					}
				}
			}
			for _, decl := range file.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Doc == nil || fd.Recv != nil {
					continue
				}
				for _, c := range fd.Doc.List {
					fields := strings.Fields(c.Text)
					if len(fields) == 3 && fields[0] == "//go:wasmimport" {
						d.wasmimport[p.PkgPath+"."+fd.Name.Name] = [2]string{fields[1], fields[2]}
					}
					if len(fields) == 2 && fields[0] == "//go:wasmexport" {
						d.wasmexport[p.PkgPath+"."+fd.Name.Name] = fields[1]
					}
				}
			}
		}
	})
	return d
}

// symbol is the linker name of a package-level function.
func symbol(f *ssa.Function) string {
	if f.Pkg == nil || f.Signature.Recv() != nil || f.Parent() != nil || len(f.TypeArgs()) > 0 {
		return ""
	}
	return f.Pkg.Pkg.Path() + "." + f.Name()
}

// implementation returns the function that provides the body of the
// bodyless function f, or nil.
func (d *directives) implementation(prog *ssa.Program, f *ssa.Function) *ssa.Function {
	if len(f.Blocks) > 0 {
		return nil
	}
	sym := symbol(f)
	if sym == "" {
		return nil
	}
	for _, impl := range d.pushed[sym] {
		if g := lookupFunc(prog, impl); g != nil && len(g.Blocks) > 0 {
			return g
		}
	}
	if target, ok := d.linkname[sym]; ok {
		if g := lookupFunc(prog, target); g != nil && g != f {
			if len(g.Blocks) > 0 {
				return g
			}
			// The target may itself be bodyless and pushed from elsewhere.
			return d.implementation(prog, g)
		}
		// Both sides may name a symbol neither declares (runtime/pprof's
		// pprof_cyclesPerSecond and the runtime's both name
		// runtime/pprof.runtime_cyclesPerSecond).
		for _, impl := range d.pushed[target] {
			if g := lookupFunc(prog, impl); g != nil && g != f && len(g.Blocks) > 0 {
				return g
			}
		}
	}
	return nil
}

func lookupFunc(prog *ssa.Program, sym string) *ssa.Function {
	f, _ := lookupMember(prog, sym).(*ssa.Function)
	return f
}

// lookupMember finds the package member a linker symbol ("pkgpath.name")
// names, or nil.
func lookupMember(prog *ssa.Program, sym string) ssa.Member {
	dot := strings.LastIndex(sym, ".")
	if dot < 0 {
		return nil
	}
	for _, p := range prog.AllPackages() {
		if p.Pkg.Path() == sym[:dot] {
			return p.Members[sym[dot+1:]]
		}
	}
	return nil
}
