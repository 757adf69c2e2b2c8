package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"math/big"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/template"
	"unique"
)

type Item struct {
	XMLName xml.Name `xml:"item"`
	Name    string   `xml:"name,attr"`
	Price   float64  `xml:"price"`
	Tags    []string `xml:"tag"`
}

type notFound struct{ key string }

func (e *notFound) Error() string { return "not found: " + e.key }

func main() {
	// text/template with fields only
	t := template.Must(template.New("t").Parse("Hello {{.Name}}! {{range .Tags}}[{{.}}]{{end}}\n"))
	if err := t.Execute(os.Stdout, Item{Name: "gopher", Tags: []string{"a", "b"}}); err != nil {
		fmt.Println("template error:", err)
	}
	// slog without time
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	logger := slog.New(h)
	logger.Info("hello", "count", 3, "user", "ann", slog.Group("req", "id", 7, "ok", true))
	jh := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	slog.New(jh).Warn("careful", "n", 1.5, "list", []int{1, 2})
	// log with prefix, no time
	l := log.New(os.Stdout, "app: ", 0)
	l.Printf("value %d", 42)
	// errors
	err := fmt.Errorf("lookup: %w", &notFound{"k"})
	var nf *notFound
	fmt.Println(errors.As(err, &nf), nf.key, errors.Is(err, err), errors.Join(errors.New("a"), errors.New("b")))
	// sort.Slice, DeepEqual
	people := []struct {
		Name string
		Age  int
	}{{"b", 2}, {"a", 1}, {"c", 3}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people, reflect.DeepEqual(people[0], struct {
		Name string
		Age  int
	}{"a", 1}), reflect.DeepEqual(map[string][]int{"x": {1}}, map[string][]int{"x": {1}}))
	// flag
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	n := fs.Int("n", 5, "count")
	name := fs.String("name", "def", "name")
	v := fs.Bool("v", false, "verbose")
	fs.Parse([]string{"-n", "9", "-v", "-name=zed", "rest"})
	fmt.Println(*n, *name, *v, fs.Args())
	// sha256, hex
	sum := sha256.Sum256([]byte("abc"))
	fmt.Println(hex.EncodeToString(sum[:]))
	// math/big
	f := new(big.Int).MulRange(1, 30)
	fmt.Println(f, f.BitLen(), new(big.Rat).SetFrac64(10, 4))
	// xml
	out, err := xml.MarshalIndent(Item{Name: "pen", Price: 1.25, Tags: []string{"x", "y"}}, "", " ")
	fmt.Println(string(out), err)
	var it Item
	err = xml.Unmarshal(out, &it)
	fmt.Println(it.Name, it.Price, it.Tags, err)
	// csv
	r := csv.NewReader(strings.NewReader("a,b\n\"c,d\",e\n"))
	recs, err := r.ReadAll()
	fmt.Println(recs, err)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"x", "y,z"})
	w.Flush()
	fmt.Print(buf.String())
	// binary
	var bb bytes.Buffer
	binary.Write(&bb, binary.LittleEndian, struct {
		A uint16
		B int32
	}{1, -2})
	fmt.Println(bb.Bytes(), binary.BigEndian.Uint32([]byte{1, 2, 3, 4}))
	// unique
	h1, h2 := unique.Make("x"), unique.Make("x")
	fmt.Println(h1 == h2, h1.Value())
}
