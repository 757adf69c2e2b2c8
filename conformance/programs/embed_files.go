package main

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed testdata/embed/hello.txt
var hello string

//go:embed testdata/embed/hello.txt
var helloBytes []byte

//go:embed testdata/embed
var tree embed.FS

//go:embed all:testdata/embed/sub
var all embed.FS

//go:embed testdata/embed/*.txt testdata/embed/sub/a.txt
var some embed.FS

// An initializer using an embedded variable sees its contents.
var firstLine = strings.SplitN(hello, "\n", 2)[0]

func main() {
	fmt.Printf("%q %d %q\n", hello, len(helloBytes), firstLine)
	for _, c := range []struct {
		name string
		fsys embed.FS
	}{{"tree", tree}, {"all", all}, {"some", some}} {
		fmt.Println("==", c.name)
		fs.WalkDir(c.fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Println("error:", err)
				return err
			}
			info, _ := d.Info()
			fmt.Println(path, d.IsDir(), info.Size(), info.Mode())
			return nil
		})
	}
	data, err := tree.ReadFile("testdata/embed/sub/deeper/b.bin")
	fmt.Printf("%q %v\n", data, err)
	_, err = tree.ReadFile("testdata/embed/sub/_hidden.txt")
	fmt.Println(err)
	entries, err := all.ReadDir("testdata/embed/sub")
	for _, e := range entries {
		fmt.Println(e.Name(), e.IsDir())
	}
	fmt.Println(err)
	matches, err := fs.Glob(tree, "testdata/embed/*/*.txt")
	fmt.Println(matches, err)
	f, err := some.Open("testdata/embed/hello.txt")
	if err == nil {
		st, _ := f.Stat()
		buf := make([]byte, 5)
		n, _ := f.Read(buf)
		fmt.Println(st.Name(), st.Size(), string(buf[:n]))
		f.Close()
	}
	_, err = some.Open("missing")
	fmt.Println(err)
}
