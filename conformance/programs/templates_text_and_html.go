// text/template and html/template together: both packages name their type
// Template, and helpers the compiler generates per element type (appending
// a *Template to a slice) must not mix the two up.

package main

import (
	htmltemplate "html/template"
	"os"
	"slices"
	texttemplate "text/template"
)

func main() {
	tt := texttemplate.Must(texttemplate.New("page").Parse(`{{define "row"}}<{{.}}>{{end}}{{range .}}{{template "row" .}}{{end}}` + "\n"))
	ht := htmltemplate.Must(htmltemplate.New("page").Parse(`{{define "row"}}<b>{{.}}</b>{{end}}{{range .}}{{template "row" .}}{{end}}` + "\n"))
	data := []string{"a&b", "<c>"}
	tt.Execute(os.Stdout, data)
	ht.Execute(os.Stdout, data)
	var names []string
	for _, t := range tt.Templates() {
		names = append(names, "text:"+t.Name())
	}
	for _, t := range ht.Templates() {
		names = append(names, "html:"+t.Name())
	}
	slices.Sort(names)
	for _, n := range names {
		os.Stdout.WriteString(n + "\n")
	}
}
