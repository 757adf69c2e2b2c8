package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// synthesizeGOROOT returns a GOROOT that is the real one with every package
// directory found under overlayDir replaced by the overlay's files: wholesale,
// or, when the overlay directory holds a file named MERGE, file by file (the
// real package's other files are kept).
// Everything else is symlinked, so the tree is cheap; it is cached under
// cacheDir keyed by the real GOROOT, the Go version, the overlay contents
// and layoutVersion.
func synthesizeGOROOT(realRoot, overlayDir, cacheDir string) (string, error) {
	pkgs, digest, err := scanOverlay(overlayDir)
	if err != nil {
		return "", fmt.Errorf("reading runtime overlay: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d", realRoot, runtime.Version(), digest, layoutVersion)
	dest := filepath.Join(cacheDir, "goroot-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dest, ".complete")); err == nil {
		return dest, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(cacheDir, "goroot-tmp-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := mirror(realRoot, tmp, "", pkgs, overlayDir); err != nil {
		return "", fmt.Errorf("synthesizing GOROOT: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		// Another process won the race; its tree is identical.
		if _, statErr := os.Stat(filepath.Join(dest, ".complete")); statErr == nil {
			return dest, nil
		}
		return "", err
	}
	return dest, nil
}

// scanOverlay lists the overlay's package directories (relative, slash
// separated, e.g. "runtime") and a digest of all its files.
func scanOverlay(dir string) (map[string]bool, string, error) {
	pkgs := map[string]bool{}
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(path, ".go") && d.Name() != mergeMarker {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if d.Name() != mergeMarker {
			pkgs[filepath.ToSlash(filepath.Dir(rel))] = true
		}
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
		return nil
	})
	return pkgs, hex.EncodeToString(h.Sum(nil)), err
}

// layoutVersion changes when mirror lays the tree out differently, so
// that trees cached by an older gowasm are not reused.
const layoutVersion = 3

// mirror fills dst (which exists) with the contents of real/rel: entries
// that contain no overlay package are symlinked, overlay package
// directories get the overlay's files plus the real subdirectories. Those
// subdirectories are real directories of hard-linked files (linkTree): the
// go command refuses to embed symlinks or files below a symlinked
// directory, and the embed package's tests embed from its
// internal/embedtest.
func mirror(realRoot, dstRoot, rel string, pkgs map[string]bool, overlayDir string) error {
	entries, err := os.ReadDir(filepath.Join(realRoot, rel))
	if err != nil {
		return err
	}
	srcRel := strings.TrimPrefix(strings.TrimPrefix(rel, "src"), "/")
	replaced := rel != "" && strings.HasPrefix(rel, "src") && pkgs[srcRel]
	overlaid := map[string]bool{}
	merge := false
	if replaced {
		overlayFiles, err := os.ReadDir(filepath.Join(overlayDir, srcRel))
		if err != nil {
			return err
		}
		for _, e := range overlayFiles {
			if e.Name() == mergeMarker {
				merge = true
			}
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
				overlaid[e.Name()] = true
				if err := copyFile(filepath.Join(overlayDir, srcRel, e.Name()), filepath.Join(dstRoot, rel, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	for _, e := range entries {
		childRel := filepath.ToSlash(filepath.Join(rel, e.Name()))
		src := filepath.Join(realRoot, childRel)
		dst := filepath.Join(dstRoot, childRel)
		if replaced && !e.IsDir() && (!merge || overlaid[e.Name()]) {
			continue
		}
		if e.IsDir() && (childRel == "src" || (strings.HasPrefix(childRel, "src/") && touchesOverlay(strings.TrimPrefix(childRel, "src/"), pkgs))) {
			if err := os.Mkdir(dst, 0o755); err != nil {
				return err
			}
			if err := mirror(realRoot, dstRoot, childRel, pkgs, overlayDir); err != nil {
				return err
			}
			continue
		}
		if replaced && e.IsDir() {
			if err := linkTree(src, dst); err != nil {
				return err
			}
			continue
		}
		if err := os.Symlink(src, dst); err != nil {
			return err
		}
	}
	return nil
}

// linkTree recreates the directory tree src at dst with each file a hard
// link to src's, or a copy where src is on another file system.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.Mkdir(filepath.Join(dst, rel), 0o755)
		}
		if os.Link(p, filepath.Join(dst, rel)) == nil {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

// mergeMarker names the file that makes an overlay package directory
// replace only the files it provides.
const mergeMarker = "MERGE"

func touchesOverlay(dir string, pkgs map[string]bool) bool {
	for p := range pkgs {
		if p == dir || strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
