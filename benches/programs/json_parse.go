// A hand-written JSON tokenizer and recursive-descent parser (encoding/json
// does not compile under gowasm yet). A generator writes a deterministic
// document of about 4 MB (objects, arrays, escaped strings, integers,
// floats, booleans, null) with strings.Builder and strconv; the parser
// builds a tree of any (map[string]any, []any, string, float64, bool, nil)
// and the program walks it. Checksum: document size, node counts and a hash
// of the tree (order-independent over object members).
package main

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

const records = 15000

const parses = 6

// rng is a xorshift64* generator.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return x * 2685821657736338717
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

var words = []string{
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
	"quote\"d", "back\\slash", "new\nline", "tab\there", "caf\u00e9", "\u65e5\u672c",
	"emoji \U0001F600", "ctl\x01",
}

func genString(b *strings.Builder, r *rng) {
	n := 1 + r.intn(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[r.intn(len(words))]
	}
	s := strings.Join(parts, " ")
	if r.intn(4) == 0 {
		// JSON-style \u escapes for everything non-ASCII.
		b.WriteString(strconv.QuoteToASCII(s))
	} else {
		b.WriteString(strconv.Quote(s))
	}
}

func genValue(b *strings.Builder, r *rng, depth int) {
	k := r.intn(10)
	if depth > 4 && k >= 7 {
		k = r.intn(7)
	}
	switch k {
	case 0, 1:
		b.WriteString(strconv.Itoa(r.intn(2000000) - 1000000))
	case 2:
		b.WriteString(strconv.FormatFloat(float64(r.intn(1<<30))/float64(1+r.intn(1000)), 'g', -1, 64))
	case 3:
		b.WriteString(strconv.FormatFloat(float64(r.intn(1<<20))*1e-5, 'e', 6, 64))
	case 4, 5:
		genString(b, r)
	case 6:
		switch r.intn(3) {
		case 0:
			b.WriteString("true")
		case 1:
			b.WriteString("false")
		default:
			b.WriteString("null")
		}
	case 7, 8:
		b.WriteString("[")
		n := r.intn(6)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			genValue(b, r, depth+1)
		}
		b.WriteString("]")
	default:
		genObject(b, r, depth+1)
	}
}

func genObject(b *strings.Builder, r *rng, depth int) {
	b.WriteString("{")
	n := r.intn(6)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n")
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(`"key`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`": `)
		genValue(b, r, depth)
	}
	b.WriteString("}")
}

func generate() string {
	var b strings.Builder
	r := rng(88172645463325252)
	b.WriteString("[\n")
	for i := 0; i < records; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"id": `)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`, "name": `)
		genString(&b, &r)
		b.WriteString(`, "score": `)
		b.WriteString(strconv.FormatFloat(float64(r.intn(100000))/100, 'f', 2, 64))
		b.WriteString(`, "active": `)
		b.WriteString(strconv.FormatBool(r.intn(2) == 0))
		b.WriteString(`, "tags": [`)
		for j, n := 0, r.intn(5); j < n; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			genString(&b, &r)
		}
		b.WriteString(`], "data": `)
		genObject(&b, &r, 1)
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.String()
}

// Tokens.

type kind uint8

const (
	tEOF kind = iota
	tLBrace
	tRBrace
	tLBrack
	tRBrack
	tColon
	tComma
	tString
	tNumber
	tTrue
	tFalse
	tNull
)

type token struct {
	kind kind
	text string // tString: the decoded string; tNumber: the literal
}

type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string { return e.msg + " at offset " + strconv.Itoa(e.off) }

type lexer struct {
	src string
	pos int
	buf []byte
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return token{kind: tEOF}, nil
	}
	start := l.pos
	c := l.src[l.pos]
	switch c {
	case '{':
		l.pos++
		return token{kind: tLBrace}, nil
	case '}':
		l.pos++
		return token{kind: tRBrace}, nil
	case '[':
		l.pos++
		return token{kind: tLBrack}, nil
	case ']':
		l.pos++
		return token{kind: tRBrack}, nil
	case ':':
		l.pos++
		return token{kind: tColon}, nil
	case ',':
		l.pos++
		return token{kind: tComma}, nil
	case '"':
		s, err := l.str()
		return token{kind: tString, text: s}, err
	case 't':
		return l.word("true", tTrue)
	case 'f':
		return l.word("false", tFalse)
	case 'n':
		return l.word("null", tNull)
	}
	if c == '-' || c >= '0' && c <= '9' {
		l.pos++
		for l.pos < len(l.src) {
			c := l.src[l.pos]
			if c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
				l.pos++
			} else {
				break
			}
		}
		return token{kind: tNumber, text: l.src[start:l.pos]}, nil
	}
	return token{}, &syntaxError{"unexpected character " + strconv.QuoteRune(rune(c)), start}
}

func (l *lexer) word(w string, k kind) (token, error) {
	if !strings.HasPrefix(l.src[l.pos:], w) {
		return token{}, &syntaxError{"invalid literal", l.pos}
	}
	l.pos += len(w)
	return token{kind: k}, nil
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	return rune(v), err == nil
}

// str decodes a string literal; l.pos is at the opening quote.
func (l *lexer) str() (string, error) {
	l.pos++
	start := l.pos
	// Fast path: no escapes.
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c == '"' {
			l.pos++
			return l.src[start : l.pos-1], nil
		}
		if c == '\\' {
			break
		}
		l.pos++
	}
	b := append(l.buf[:0], l.src[start:l.pos]...)
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			l.buf = b
			return string(b), nil
		case c == '\\':
			if l.pos+1 >= len(l.src) {
				return "", &syntaxError{"unterminated escape", l.pos}
			}
			e := l.src[l.pos+1]
			l.pos += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(l.src[l.pos:])
				if !ok {
					return "", &syntaxError{"bad \\u escape", l.pos}
				}
				l.pos += 4
				if r >= 0xd800 && r < 0xdc00 && strings.HasPrefix(l.src[l.pos:], `\u`) {
					if r2, ok := hex4(l.src[l.pos+2:]); ok && r2 >= 0xdc00 && r2 < 0xe000 {
						r = (r-0xd800)<<10 | (r2 - 0xdc00) + 0x10000
						l.pos += 6
					}
				}
				b = utf8.AppendRune(b, r)
			case 'U':
				// strconv.QuoteToASCII writes \U0001f600; accepted as an
				// extension, as \x below.
				v, err := strconv.ParseUint(l.src[l.pos:min(l.pos+8, len(l.src))], 16, 32)
				if err != nil {
					return "", &syntaxError{"bad \\U escape", l.pos}
				}
				l.pos += 8
				b = utf8.AppendRune(b, rune(v))
			case 'x':
				// strconv.Quote writes \x01; accept it as an extension.
				v, err := strconv.ParseUint(l.src[l.pos:min(l.pos+2, len(l.src))], 16, 8)
				if err != nil {
					return "", &syntaxError{"bad \\x escape", l.pos}
				}
				l.pos += 2
				b = append(b, byte(v))
			default:
				return "", &syntaxError{"bad escape", l.pos - 1}
			}
		default:
			b = append(b, c)
			l.pos++
		}
	}
	return "", &syntaxError{"unterminated string", start}
}

type parser struct {
	lex lexer
	tok token
	err error
}

func (p *parser) advance() {
	if p.err != nil {
		p.tok = token{kind: tEOF}
		return
	}
	p.tok, p.err = p.lex.next()
}

func (p *parser) fail(msg string) {
	if p.err == nil {
		p.err = &syntaxError{msg, p.lex.pos}
	}
	p.tok = token{kind: tEOF}
}

func (p *parser) value() any {
	switch p.tok.kind {
	case tLBrace:
		obj := make(map[string]any)
		p.advance()
		for p.tok.kind != tRBrace {
			if len(obj) > 0 {
				if p.tok.kind != tComma {
					p.fail("expected ,")
					return nil
				}
				p.advance()
			}
			if p.tok.kind != tString {
				p.fail("expected object key")
				return nil
			}
			key := p.tok.text
			p.advance()
			if p.tok.kind != tColon {
				p.fail("expected :")
				return nil
			}
			p.advance()
			obj[key] = p.value()
		}
		p.advance()
		return obj
	case tLBrack:
		var arr []any
		p.advance()
		for p.tok.kind != tRBrack {
			if len(arr) > 0 {
				if p.tok.kind != tComma {
					p.fail("expected ,")
					return nil
				}
				p.advance()
			}
			arr = append(arr, p.value())
		}
		p.advance()
		return arr
	case tString:
		s := p.tok.text
		p.advance()
		return s
	case tNumber:
		f, err := strconv.ParseFloat(p.tok.text, 64)
		if err != nil {
			p.fail(err.Error())
			return nil
		}
		p.advance()
		return f
	case tTrue, tFalse:
		b := p.tok.kind == tTrue
		p.advance()
		return b
	case tNull:
		p.advance()
		return nil
	}
	p.fail("unexpected token")
	return nil
}

func parse(src string) (any, error) {
	p := &parser{lex: lexer{src: src}}
	p.advance()
	v := p.value()
	if p.err == nil && p.tok.kind != tEOF {
		p.fail("trailing data")
	}
	return v, p.err
}

// Walking the tree.

type stats struct {
	objects, arrays, strings, numbers, bools, nulls int
	stringBytes                                     int
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

func hashStr(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func walk(v any, st *stats) uint64 {
	switch v := v.(type) {
	case map[string]any:
		st.objects++
		h := uint64(1)
		for k, x := range v {
			h += mix(hashStr(k) ^ walk(x, st)) // order-independent
		}
		return mix(h)
	case []any:
		st.arrays++
		h := uint64(2)
		for _, x := range v {
			h = h*31 + walk(x, st)
		}
		return mix(h)
	case string:
		st.strings++
		st.stringBytes += len(v)
		return hashStr(v)
	case float64:
		st.numbers++
		return mix(uint64(int64(v*1000)) + 3)
	case bool:
		st.bools++
		if v {
			return 5
		}
		return 7
	case nil:
		st.nulls++
		return 11
	}
	panic("unexpected value")
}

func main() {
	doc := generate()
	var h uint64
	var st stats
	for i := 0; i < parses; i++ {
		tree, err := parse(doc)
		if err != nil {
			panic(err)
		}
		st = stats{}
		h = walk(tree, &st)
	}
	println("json doc bytes", len(doc))
	println("objects", st.objects, "arrays", st.arrays, "strings", st.strings, "string bytes", st.stringBytes)
	println("numbers", st.numbers, "bools", st.bools, "nulls", st.nulls)
	println("json checksum", h)
	// A malformed document must fail the same way.
	_, err := parse(doc[:len(doc)/2] + "}")
	println("error:", err.Error())
}
