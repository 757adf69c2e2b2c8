package main

import (
	"fmt"
	"go/ast"
	"go/types"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// embedOverlay implements //go:embed as a source rewrite: each embedded
// variable gets an initializer holding its files' contents (a string, a
// []byte conversion, or for an embed.FS a call of embed's gowasmFS with
// the files serialized), inserted on the declaration's own line so that
// positions do not move. gc writes the data into the object file instead;
// an initializer has the same effect, as other initializers that use the
// variable depend on it. The rewritten files are returned as an overlay
// for a second load; ok is false after reporting errors as go build does.
func embedOverlay(pkgs []*packages.Package) (overlay map[string][]byte, ok bool) {
	overlay = map[string][]byte{}
	ok = true
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		var errs []string
		for i, file := range p.Syntax {
			name := p.Fset.Position(file.Package).Filename
			src, err := os.ReadFile(name)
			if err != nil || !strings.Contains(string(src), "//go:embed") {
				continue
			}
			out, fileErrs := rewriteEmbeds(p, file, src, filepath.Dir(name), i)
			errs = append(errs, fileErrs...)
			if out != nil {
				overlay[name] = out
			}
		}
		if len(errs) > 0 {
			fmt.Fprintf(os.Stderr, "# %s\n", p.PkgPath)
			for _, e := range errs {
				fmt.Fprintln(os.Stderr, e)
			}
			ok = false
		}
	})
	return overlay, ok
}

// rewriteEmbeds returns file's source (in dir) with an initializer for
// each of its embedded variables (nil if it has none), and the errors
// found; index makes the file's helper declaration's name unique.
func rewriteEmbeds(p *packages.Package, file *ast.File, src []byte, dir string, index int) ([]byte, []string) {
	type edit struct {
		offset int
		text   string
	}
	var edits []edit
	var errs []string
	fsFunc := fmt.Sprintf("gowasmEmbedFS%d", index)
	usesFS := false
	for _, decl := range file.Decls {
		gd, isGen := decl.(*ast.GenDecl)
		if !isGen {
			continue
		}
		for _, spec := range gd.Specs {
			vs, isVar := spec.(*ast.ValueSpec)
			if !isVar {
				continue
			}
			doc := vs.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			patterns, at := embedPatterns(doc)
			if at == nil {
				continue
			}
			pos := relPos(p.Fset.Position(at.Pos()).String())
			fail := func(format string, args ...any) {
				errs = append(errs, pos+": "+fmt.Sprintf(format, args...))
			}
			if len(vs.Names) != 1 || len(vs.Values) != 0 || vs.Type == nil {
				fail("go:embed cannot apply to var with initializer or multiple names")
				continue
			}
			obj := p.TypesInfo.Defs[vs.Names[0]]
			if obj == nil || obj.Parent() != p.Types.Scope() {
				fail("go:embed cannot apply to var inside func")
				continue
			}
			kind := embedKind(obj.Type())
			if kind == "" {
				fail("go:embed cannot apply to var of type %s", obj.Type())
				continue
			}
			files, err := resolveEmbed(dir, patterns)
			if err != nil {
				fail("%v", err)
				continue
			}
			var init string
			switch kind {
			case "string", "[]byte":
				if len(files) != 1 {
					fail("invalid go:embed: multiple files for type %s", obj.Type())
					continue
				}
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(files[0])))
				if err != nil {
					fail("%v", err)
					continue
				}
				// Converted to the variable's type as written, which
				// may be named ([]T of a byte type T, a named string).
				typ := src[p.Fset.Position(vs.Type.Pos()).Offset:p.Fset.Position(vs.Type.End()).Offset]
				init = "(" + string(typ) + ")(" + strconv.Quote(string(data)) + ")"
			case "FS":
				packed, err := packFS(dir, files)
				if err != nil {
					fail("%v", err)
					continue
				}
				usesFS = true
				init = fsFunc + "(" + strconv.Quote(packed) + ")"
			}
			edits = append(edits, edit{p.Fset.Position(vs.Type.End()).Offset, " = " + init})
		}
	}
	if len(edits) == 0 {
		return nil, errs
	}
	out := slices.Clone(src)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = slices.Concat(out[:e.offset], []byte(e.text), out[e.offset:])
	}
	if usesFS {
		out = fmt.Appendf(out, "\n//go:linkname %s embed.gowasmFS\nfunc %s(string) embed.FS\n", fsFunc, fsFunc)
	}
	return out, errs
}

// embedPatterns returns the patterns of the //go:embed lines of doc and the
// first such line (nil if there is none).
func embedPatterns(doc *ast.CommentGroup) ([]string, *ast.Comment) {
	if doc == nil {
		return nil, nil
	}
	var patterns []string
	var first *ast.Comment
	for _, c := range doc.List {
		rest, found := strings.CutPrefix(c.Text, "//go:embed")
		if !found || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		if first == nil {
			first = c
		}
		patterns = append(patterns, splitPatterns(rest)...)
	}
	return patterns, first
}

// splitPatterns splits a //go:embed line into patterns: space-separated,
// each possibly a Go string literal.
func splitPatterns(s string) []string {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return out
		}
		if s[0] == '"' || s[0] == '`' {
			end := strings.IndexByte(s[1:], s[0])
			if end >= 0 {
				if q, err := strconv.Unquote(s[:end+2]); err == nil {
					out = append(out, q)
					s = s[end+2:]
					continue
				}
			}
		}
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}

// embedKind tells what an embedded variable of type t holds: "string",
// "[]byte", "FS", or "" if it cannot be embedded.
func embedKind(t types.Type) string {
	if named, isNamed := t.(*types.Named); isNamed {
		obj := named.Obj()
		if obj.Pkg() != nil && obj.Pkg().Path() == "embed" && obj.Name() == "FS" {
			return "FS"
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.String {
			return "string"
		}
	case *types.Slice:
		if b, isBasic := u.Elem().Underlying().(*types.Basic); isBasic && b.Kind() == types.Byte {
			return "[]byte"
		}
	}
	return ""
}

// resolveEmbed returns the files (slash paths relative to dir) the
// patterns name, with cmd/go's rules: a directory contributes the files
// below it except those (and directories) whose names start with '.' or
// '_' (unless the pattern has the prefix "all:") and nested modules.
func resolveEmbed(dir string, patterns []string) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	add := func(rel string) {
		if !seen[rel] {
			seen[rel] = true
			files = append(files, rel)
		}
	}
	for _, pattern := range patterns {
		glob, all := strings.CutPrefix(pattern, "all:")
		if _, err := path.Match(glob, ""); err != nil || glob == "." || !fs.ValidPath(glob) {
			return nil, fmt.Errorf("pattern %s: invalid pattern syntax", pattern)
		}
		matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(glob)))
		if err != nil {
			return nil, fmt.Errorf("pattern %s: %v", pattern, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("pattern %s: no matching files found", pattern)
		}
		for _, m := range matches {
			rel, err := filepath.Rel(dir, m)
			if err != nil {
				return nil, err
			}
			rel = filepath.ToSlash(rel)
			info, err := os.Lstat(m)
			if err != nil {
				return nil, err
			}
			switch {
			case info.Mode().IsRegular():
				add(rel)
			case info.IsDir():
				n := len(files)
				err := filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
					if err != nil {
						return err
					}
					base := d.Name()
					if p != m && !all && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
						if d.IsDir() {
							return filepath.SkipDir
						}
						return nil
					}
					if d.IsDir() {
						if p != m {
							if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
								return filepath.SkipDir
							}
						}
						return nil
					}
					if !d.Type().IsRegular() {
						return fmt.Errorf("cannot embed irregular file %s", p)
					}
					r, err := filepath.Rel(dir, p)
					if err != nil {
						return err
					}
					add(filepath.ToSlash(r))
					return nil
				})
				if err != nil {
					return nil, fmt.Errorf("pattern %s: %v", pattern, err)
				}
				if len(files) == n {
					return nil, fmt.Errorf("pattern %s: cannot embed directory %s: contains no embeddable files", pattern, rel)
				}
			default:
				return nil, fmt.Errorf("pattern %s: cannot embed irregular file %s", pattern, rel)
			}
		}
	}
	return files, nil
}

// packFS serializes an embed.FS's entries for embed's gowasmFS: each
// file and each directory above one ("name/"), in embed's order (by
// directory, then by name), as name, NUL, data length in decimal, NUL,
// data.
func packFS(dir string, files []string) (string, error) {
	entries := map[string]bool{}
	for _, f := range files {
		entries[f] = true
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			entries[d+"/"] = true
		}
	}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		di, ei := splitEmbedName(names[i])
		dj, ej := splitEmbedName(names[j])
		return di < dj || di == dj && ei < ej
	})
	var b strings.Builder
	for _, n := range names {
		var data []byte
		if !strings.HasSuffix(n, "/") {
			var err error
			data, err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
			if err != nil {
				return "", err
			}
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%s", n, len(data), data)
	}
	return b.String(), nil
}

// splitEmbedName is embed's split: an entry's directory ("." at the top)
// and last element, without a directory's trailing slash.
func splitEmbedName(name string) (dir, elem string) {
	name = strings.TrimSuffix(name, "/")
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return ".", name
	}
	return name[:i], name[i+1:]
}
