package main

import (
	"strconv"
	"strings"
)

type Kind int

const (
	Num Kind = iota
	Str
	Punct
	Ident
)

type Token struct {
	Kind Kind
	Text string
	Pos  int
}

type Lexer struct {
	src string
	pos int
}

func (l *Lexer) Next() (Token, bool) {
	for l.pos < len(l.src) && strings.ContainsRune(" \t\n", rune(l.src[l.pos])) {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return Token{}, false
	}
	start := l.pos
	c := l.src[l.pos]
	switch {
	case c >= '0' && c <= '9' || c == '-':
		l.pos++
		for l.pos < len(l.src) && (l.src[l.pos] >= '0' && l.src[l.pos] <= '9' || l.src[l.pos] == '.' || l.src[l.pos] == 'e') {
			l.pos++
		}
		return Token{Num, l.src[start:l.pos], start}, true
	case c == '"':
		l.pos++
		for l.pos < len(l.src) && l.src[l.pos] != '"' {
			if l.src[l.pos] == '\\' {
				l.pos++
			}
			l.pos++
		}
		l.pos++
		return Token{Str, l.src[start:l.pos], start}, true
	case strings.IndexByte("{}[]:,", c) >= 0:
		l.pos++
		return Token{Punct, l.src[start:l.pos], start}, true
	default:
		for l.pos < len(l.src) && l.src[l.pos] >= 'a' && l.src[l.pos] <= 'z' {
			l.pos++
		}
		if l.pos == start {
			l.pos++
		}
		return Token{Ident, l.src[start:l.pos], start}, true
	}
}

type Value any

type Parser struct {
	toks []Token
	i    int
}

func (p *Parser) peek() Token { return p.toks[p.i] }
func (p *Parser) next() Token { t := p.toks[p.i]; p.i++; return t }

func (p *Parser) parse() Value {
	t := p.next()
	switch t.Kind {
	case Num:
		f, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			panic(err)
		}
		return f
	case Str:
		s, err := strconv.Unquote(t.Text)
		if err != nil {
			panic(err)
		}
		return s
	case Ident:
		switch t.Text {
		case "true":
			return true
		case "false":
			return false
		}
		return nil
	}
	switch t.Text {
	case "[":
		var arr []Value
		for p.peek().Text != "]" {
			arr = append(arr, p.parse())
			if p.peek().Text == "," {
				p.next()
			}
		}
		p.next()
		return arr
	case "{":
		obj := map[string]Value{}
		for p.peek().Text != "}" {
			k := p.parse().(string)
			p.next()
			obj[k] = p.parse()
			if p.peek().Text == "," {
				p.next()
			}
		}
		p.next()
		return obj
	}
	panic("unexpected " + t.Text + " at " + strconv.Itoa(t.Pos))
}

func dump(v Value, indent string) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	case []Value:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = dump(e, indent+"  ")
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]Value:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				if keys[j] < keys[i] {
					keys[i], keys[j] = keys[j], keys[i]
				}
			}
		}
		var sb strings.Builder
		sb.WriteString("{\n")
		for _, k := range keys {
			sb.WriteString(indent + "  " + strconv.Quote(k) + ": " + dump(x[k], indent+"  ") + "\n")
		}
		sb.WriteString(indent + "}")
		return sb.String()
	}
	return "?"
}

func main() {
	src := `{"name": "gowasm", "version": 1.5, "tags": ["go", "wasm", "gc"],
	  "nested": {"ok": true, "none": null, "n": -2.5e3, "esc": "a\"b\\c\u00e9"}, "empty": []}`
	lx := &Lexer{src: src}
	var toks []Token
	for {
		t, ok := lx.Next()
		if !ok {
			break
		}
		toks = append(toks, t)
	}
	println(len(toks))
	p := &Parser{toks: toks}
	v := p.parse()
	println(dump(v, ""))
	func() {
		defer func() { println("error:", recover().(string)) }()
		bad := &Parser{toks: []Token{{Punct, "}", 7}}}
		bad.parse()
	}()
}
