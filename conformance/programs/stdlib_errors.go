package main

import (
	"errors"
	"strconv"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

var ErrBase = errors.New("base")

func find(name string) error {
	if name == "x" {
		return &NotFound{name}
	}
	return wrap{ErrBase}
}

type wrap struct{ err error }

func (w wrap) Error() string { return "wrapped: " + w.err.Error() }
func (w wrap) Unwrap() error { return w.err }

func main() {
	e1 := find("x")
	var nf *NotFound
	println(errors.As(e1, &nf), nf.Name)
	e2 := find("y")
	println(e2.Error(), errors.Is(e2, ErrBase), errors.Unwrap(e2) == ErrBase)
	j := errors.Join(e1, e2)
	println(j.Error())
	println(errors.Is(j, ErrBase), errors.As(j, &nf))
	_, err := strconv.Atoi("zz")
	println(errors.Is(err, strconv.ErrSyntax))
	var ne *strconv.NumError
	println(errors.As(err, &ne), ne.Func, ne.Num)
	println(errors.Is(nil, ErrBase), errors.Unwrap(ErrBase) == nil)
}
