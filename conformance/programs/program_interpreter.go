package main

import "strconv"

type Expr interface {
	Eval(env map[string]int) int
	String() string
}

type Lit int
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}
type Let struct {
	Name string
	Val  Expr
	Body Expr
}

func (l Lit) Eval(map[string]int) int     { return int(l) }
func (l Lit) String() string              { return strconv.Itoa(int(l)) }
func (v Var) Eval(env map[string]int) int { return env[string(v)] }
func (v Var) String() string              { return string(v) }
func (b *Bin) Eval(env map[string]int) int {
	l, r := b.L.Eval(env), b.R.Eval(env)
	switch b.Op {
	case '+':
		return l + r
	case '-':
		return l - r
	case '*':
		return l * r
	case '/':
		return l / r
	}
	panic("bad op " + string(b.Op))
}
func (b *Bin) String() string {
	return "(" + b.L.String() + " " + string(b.Op) + " " + b.R.String() + ")"
}
func (l *Let) Eval(env map[string]int) int {
	inner := make(map[string]int, len(env)+1)
	for k, v := range env {
		inner[k] = v
	}
	inner[l.Name] = l.Val.Eval(env)
	return l.Body.Eval(inner)
}
func (l *Let) String() string {
	return "let " + l.Name + " = " + l.Val.String() + " in " + l.Body.String()
}

type VM struct {
	stack []int
	trace []string
}

func (vm *VM) push(v int) { vm.stack = append(vm.stack, v) }
func (vm *VM) pop() int {
	v := vm.stack[len(vm.stack)-1]
	vm.stack = vm.stack[:len(vm.stack)-1]
	return v
}

func (vm *VM) Run(code []string) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	for _, c := range code {
		switch c {
		case "+", "-", "*", "/":
			b, a := vm.pop(), vm.pop()
			vm.push((&Bin{c[0], Lit(a), Lit(b)}).Eval(nil))
		default:
			n, e := strconv.Atoi(c)
			if e != nil {
				return 0, e
			}
			vm.push(n)
		}
		vm.trace = append(vm.trace, c)
	}
	return vm.pop(), nil
}

func main() {
	e := &Let{"x", &Bin{'+', Lit(3), Lit(4)}, &Bin{'*', Var("x"), &Bin{'-', Var("x"), Var("y")}}}
	println(e.String())
	println(e.Eval(map[string]int{"y": 2}))
	vm := &VM{}
	r, err := vm.Run([]string{"2", "3", "+", "4", "*"})
	println(r, err == nil, len(vm.trace))
	_, err = vm.Run([]string{"1", "0", "/"})
	println(err.Error())
	_, err = vm.Run([]string{"x"})
	println(err.Error())
	_, err = vm.Run([]string{"+"})
	println(err.Error())
}
