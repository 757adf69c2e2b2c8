// text/template: a report over a list of records, with ranges,
// conditionals and nested fields (no template functions: calls through
// reflection are not supported by gowasm yet). Checksum: the rendered
// length and a hash of the output.
package main

import (
	"strconv"
	"strings"
	"text/template"
)

type Line struct {
	Name  string
	Count int
	Done  bool
}

type Section struct {
	Title string
	Lines []Line
}

type Report struct {
	Owner    string
	Sections []Section
}

const tmpl = `Report for {{.Owner}}
{{range .Sections}}== {{.Title}} ==
{{range .Lines}}{{if .Done}}[x]{{else}}[ ]{{end}} {{.Name}}: {{.Count}}
{{end}}{{end}}`

const renders = 300

func main() {
	t := template.Must(template.New("r").Parse(tmpl))
	var r Report
	r.Owner = "gopher"
	for s := 0; s < 20; s++ {
		sec := Section{Title: "section " + strconv.Itoa(s)}
		for l := 0; l < 25; l++ {
			sec.Lines = append(sec.Lines, Line{Name: "task " + strconv.Itoa(s*25+l), Count: s * l, Done: (s+l)%3 == 0})
		}
		r.Sections = append(r.Sections, sec)
	}
	var total, hash uint64
	var b strings.Builder
	for i := 0; i < renders; i++ {
		b.Reset()
		if err := t.Execute(&b, r); err != nil {
			panic(err)
		}
		out := b.String()
		total += uint64(len(out))
		for k := 0; k < len(out); k += 61 {
			hash = hash*131 + uint64(out[k])
		}
	}
	println(total, hash)
}
