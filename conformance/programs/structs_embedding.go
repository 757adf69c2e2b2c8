package main

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string  { return a.Name }
func (a *Animal) SetName(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "woof" }

type Loud struct {
	*Dog
	Volume int
}

type Namer interface{ Describe() string }

type Base struct{ ID int }

func (b Base) Get() int { return b.ID }

type Derived struct {
	Base
	ID int
}

func main() {
	d := Dog{Animal{"rex", 4}, "lab"}
	println(d.Name, d.Legs, d.Describe(), d.Sound())
	d.SetName("max")
	println(d.Name, d.Animal.Name)
	l := Loud{&d, 11}
	println(l.Name, l.Describe(), l.Volume)
	l.SetName("bolt")
	println(d.Name)
	var n Namer = d
	println(n.Describe())
	n = l
	println(n.Describe())
	dv := Derived{Base{1}, 2}
	println(dv.ID, dv.Base.ID, dv.Get())
}
