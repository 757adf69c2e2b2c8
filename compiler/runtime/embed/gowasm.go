// Added for gowasm: gc's compiler writes an embed.FS's file list into the
// object file (cmd/compile/internal/staticdata WriteEmbed); gowasm's front
// end gives each embedded FS variable an initializer calling gowasmFS
// (through //go:linkname) with the entries serialized.

package embed

// gowasmFS returns an FS of the entries in packed: for each, its name, a
// NUL, the data's length in decimal, a NUL and the data, in FS's order.
func gowasmFS(packed string) FS {
	var files []file
	for packed != "" {
		name, rest := cutNUL(packed)
		size, rest := cutNUL(rest)
		n := 0
		for _, c := range size {
			n = n*10 + int(c-'0')
		}
		files = append(files, file{name: name, data: rest[:n]})
		packed = rest[n:]
	}
	return FS{files: &files}
}

func cutNUL(s string) (before, after string) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}
