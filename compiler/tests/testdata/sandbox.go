// Run by compiler/tests/cli.rs under `gowasm-run --dir DIR::/data:ro`: what
// a program may and may not do with a read-only granted directory.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func report(what string, err error) {
	switch {
	case err == nil:
		fmt.Println(what, "ok")
	case errors.Is(err, fs.ErrPermission):
		fmt.Println(what, "permission")
	case errors.Is(err, fs.ErrNotExist):
		fmt.Println(what, "not exist")
	default:
		fmt.Println(what, "error:", err)
	}
}

func main() {
	b, err := os.ReadFile("/data/inside.txt")
	report("read inside "+string(b), err)
	report("create", os.WriteFile("/data/new.txt", []byte("x"), 0o644))
	report("remove", os.Remove("/data/inside.txt"))
	report("mkdir", os.Mkdir("/data/sub", 0o755))
	_, err = os.ReadFile("/data/../outside.txt")
	report("dotdot", err)
	_, err = os.ReadFile("/data/escape")
	report("symlink out", err)
	_, err = os.ReadFile("/etc/hostname")
	report("ungranted", err)
	wd, _ := os.Getwd()
	fmt.Println("cwd", wd)
}
