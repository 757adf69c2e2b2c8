package main

import (
	"bufio"
	"bytes"
	"container/heap"
	"container/list"
	"encoding/base64"
	"hash/crc32"
	"hash/fnv"
	"math/rand/v2"
	"path"
	"regexp"
	"strings"
	"unicode/utf16"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.WriteByte('w')
	buf.Write([]byte("orld"))
	println(buf.String(), buf.Len(), bytes.Contains(buf.Bytes(), []byte("lo w")))
	println(bytes.ToUpper([]byte("abc"))[0], string(bytes.TrimSpace([]byte("  x  "))))
	l := list.New()
	l.PushBack(1)
	l.PushFront(0)
	l.PushBack(2)
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(int), " ")
	}
	println()
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 1)
	for h.Len() > 0 {
		print(heap.Pop(h).(int), " ")
	}
	println()
	enc := base64.StdEncoding.EncodeToString([]byte("gowasm!"))
	dec, err := base64.StdEncoding.DecodeString(enc)
	println(enc, string(dec), err == nil)
	println(crc32.ChecksumIEEE([]byte("hello")))
	f := fnv.New64a()
	f.Write([]byte("hello"))
	println(f.Sum64())
	r := rand.New(rand.NewPCG(1, 2))
	println(r.IntN(100), r.IntN(100), r.Float64() < 1)
	println(path.Join("a/b", "../c", "d.go"), path.Ext("x.tar.gz"), path.Base("/a/b/"))
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	m := re.FindStringSubmatch("mail bob@example.com now")
	println(len(m), m[1], m[2], re.MatchString("nope"))
	println(re.ReplaceAllString("a@b.com c@d.com", "$2"))
	sc := bufio.NewScanner(strings.NewReader("line one\nline two\nthree"))
	n := 0
	for sc.Scan() {
		n++
		print("[", sc.Text(), "]")
	}
	println(n)
	u := utf16.Encode([]rune("a😀"))
	println(len(u), u[1], u[2])
}
