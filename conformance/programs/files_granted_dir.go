// Files in the working directory (a granted directory under gowasm-run):
// create, append, read, seek, stat, walk, list, rename, remove, symlinks,
// temporary files, and the errors Go programs test for.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
	}
}

func main() {
	dir, err := os.MkdirTemp(".", "files-*")
	check(err)
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "a.txt")
	check(os.WriteFile(p, []byte("hello\nworld\n"), 0o644))
	b, err := os.ReadFile(p)
	check(err)
	fmt.Printf("%q\n", b)
	st, err := os.Stat(p)
	check(err)
	fmt.Println(st.Name(), st.Size(), st.Mode(), st.IsDir())
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	check(err)
	fmt.Fprintf(f, "more %d\n", 42)
	check(f.Close())
	f, err = os.Open(p)
	check(err)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}
	off, err := f.Seek(6, io.SeekStart)
	fmt.Println(off, err)
	buf := make([]byte, 5)
	n, err := f.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = f.ReadAt(buf, 0)
	fmt.Println(n, err, string(buf[:n]))
	f.Close()
	check(os.MkdirAll(filepath.Join(dir, "x", "y", "z"), 0o755))
	check(os.WriteFile(filepath.Join(dir, "x", "y", "f"), nil, 0o600))
	var walked []string
	check(filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, rel+fmt.Sprint(d.IsDir()))
		return err
	}))
	fmt.Println(walked)
	entries, err := os.ReadDir(dir)
	check(err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	fmt.Println(names)
	check(os.Rename(p, filepath.Join(dir, "b.txt")))
	_, err = os.Stat(p)
	fmt.Println(errors.Is(err, fs.ErrNotExist), strings.Contains(err.Error(), "no such file"))
	err = os.Remove(filepath.Join(dir, "x"))
	fmt.Println(err != nil)
	_, err = os.Open(filepath.Join(dir, "nope"))
	fmt.Println(err != nil, errors.Is(err, fs.ErrNotExist))
	check(os.Symlink("b.txt", filepath.Join(dir, "link")))
	target, err := os.Readlink(filepath.Join(dir, "link"))
	fmt.Println(target, err)
	li, err := os.Lstat(filepath.Join(dir, "link"))
	fmt.Println(li.Mode()&fs.ModeSymlink != 0, err)
	wd, _ := os.Getwd()
	fmt.Println(filepath.IsAbs(wd))
	tf, err := os.CreateTemp(dir, "t-*.txt")
	check(err)
	tf.WriteString("temp")
	check(tf.Truncate(2))
	tf.Close()
	b, _ = os.ReadFile(tf.Name())
	fmt.Printf("%q\n", b)
}
