// Small struct values held as their fields: results of direct calls (one
// result and several), the same functions through func values, method
// values and interfaces, local struct variables read and written field by
// field, loads stored into memory, packed integer fields, and the uses
// that need an object (boxing, comparison, map values, channels).
package main

type token struct {
	kind int8
	text string
}

type pair struct {
	a, b uint16
	err  error
	next *pair
}

type lexer struct {
	src string
	pos int
}

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) && l.src[l.pos] == ' ' {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return token{kind: -1}, nil
	}
	start := l.pos
	for l.pos < len(l.src) && l.src[l.pos] != ' ' {
		l.pos++
	}
	t := token{text: l.src[start:l.pos]}
	t.kind = int8(len(t.text)) - 3
	if t.text == "bad" {
		return token{}, errBad
	}
	return t, nil
}

type badError struct{}

func (badError) Error() string { return "bad token" }

var errBad error = badError{}

type parser struct {
	lex lexer
	tok token
	err error
	all []token
}

func (p *parser) advance() {
	p.tok, p.err = p.lex.next()
	if p.err == nil && p.tok.kind != -1 {
		p.all = append(p.all, p.tok)
	}
}

func makePair(i int) pair {
	var p pair
	p.a = uint16(i * 1000)
	p.b = uint16(65535 - i)
	if i%2 == 0 {
		p.err = errBad
	}
	return p
}

// swap returns a pair built from another one's fields.
func swap(p pair) pair {
	q := p
	q.a, q.b = p.b, p.a
	return q
}

func recursive(n int) token {
	if n == 0 {
		return token{kind: 1, text: "x"}
	}
	t := recursive(n - 1)
	t.kind++
	t.text += "y"
	return t
}

type tokener interface{ next() (token, error) }

func deferred() (t token) {
	defer func() {
		if r := recover(); r != nil {
			t = token{kind: 7, text: fmt0(r)}
		}
	}()
	var m map[string]int
	m["boom"] = 1
	return token{kind: 2}
}

func fmt0(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	return "?"
}

type box[T any] struct {
	v  T
	ok bool
}

func mk[T any](v T, ok bool) box[T] { return box[T]{v, ok} }

// produce calls a fields-returning function from a goroutine that blocks.
func produce(src string, out chan<- token) {
	l := &lexer{src: src}
	for {
		t, err := l.next()
		if err != nil || t.kind == -1 {
			close(out)
			return
		}
		out <- t
	}
}

func main() {
	p := &parser{lex: lexer{src: "  one two three bad four"}}
	for i := 0; i < 6; i++ {
		p.advance()
		println("tok", p.tok.kind, p.tok.text, p.err != nil)
	}
	println("collected", len(p.all), p.all[0].text, p.all[len(p.all)-1].kind)

	// Through a func value, a method value and an interface.
	l := &lexer{src: "alpha beta"}
	f := l.next
	t1, _ := f()
	var it tokener = &lexer{src: "gamma"}
	t2, _ := it.next()
	g := (*lexer).next
	t3, _ := g(&lexer{src: "delta!"})
	println(t1.text, t2.text, t3.text, t3.kind)

	// Results used as objects.
	var boxed any = t1
	println(boxed.(token).text, boxed == any(token{kind: 2, text: "alpha"}))
	m := map[string]token{}
	m["k"], _ = l.next()
	println(m["k"].text, m["k"].kind)
	ch := make(chan token, 1)
	tk, _ := (&lexer{src: "chan"}).next()
	ch <- tk
	println((<-ch).text)
	println(tk == token{kind: 1, text: "chan"}, tk != token{})

	// Packed fields keep their signs and widths.
	for i := 0; i < 4; i++ {
		q := makePair(i)
		s := swap(q)
		println("pair", q.a, q.b, q.err != nil, s.a, s.b, s.err == q.err, s.next == nil)
	}
	neg := token{kind: -128}
	neg.kind--
	println("wrap", neg.kind)

	// A slice of struct values written from results.
	ps := make([]pair, 3)
	for i := range ps {
		ps[i] = makePair(i + 10)
	}
	ptr := &ps[1]
	ps[1] = swap(ps[1])
	println("slice", ps[0].a, ptr.a, ptr.b, ps[2].b)

	// Local variables: fields written in a loop, the whole value kept.
	var acc token
	var hist []token
	for i := 0; i < 5; i++ {
		acc.kind += int8(i)
		acc.text += string(rune('a' + i))
		hist = append(hist, acc)
	}
	println("acc", acc.kind, acc.text, hist[1].text, hist[4].kind)

	// A variable whose field address escapes stays an object.
	var shared token
	k := &shared.kind
	*k = 9
	println("shared", shared.kind)

	println("recursive", recursive(4).kind, recursive(4).text)
	b1, b2 := mk(3, true), mk("s", false)
	println("generic", b1.v, b1.ok, b2.v, b2.ok)
	out := make(chan token)
	go produce("goroutines are fun", out)
	for t := range out {
		println("received", t.kind, t.text)
	}
	d := deferred()
	println("deferred", d.kind, d.text)
}
