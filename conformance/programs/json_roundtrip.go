package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Base struct {
	ID int `json:"id"`
}

type Person struct {
	Base
	Name    string            `json:"name"`
	Age     int               `json:"age"`
	Emails  []string          `json:"emails"`
	Addr    *Address          `json:"addr,omitempty"`
	Tags    map[string]string `json:"tags"`
	Score   float64           `json:"score"`
	Active  bool              `json:"active"`
	private int
	Raw     json.RawMessage `json:"raw"`
	Nums    [3]int          `json:"nums"`
	Any     any             `json:"any"`
	Skip    string          `json:"-"`
	Level   Level           `json:"level"`
}

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("L%d", int(l)))
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	_, err := fmt.Sscanf(s, "L%d", (*int)(l))
	return err
}

func main() {
	p := Person{Base: Base{7}, Name: "Ann", Age: 30, Emails: []string{"a@x", "b@y"}, Addr: &Address{Street: "Main"},
		Tags: map[string]string{"b": "2", "a": "1"}, Score: 9.5, Active: true, private: 3, Raw: json.RawMessage(`{"k":[1,2]}`),
		Nums: [3]int{1, 2, 3}, Any: []any{1.5, "x", nil, map[string]any{"q": true}}, Level: 4}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	b2, _ := json.MarshalIndent(map[string]any{"z": 1, "a": []int{1, 2}}, "", "  ")
	fmt.Println(string(b2))
	var q Person
	err = json.Unmarshal(b, &q)
	addr := q.Addr
	q.Addr = nil
	fmt.Printf("%+v %v\n", q, err)
	q.Addr = addr
	fmt.Println(q.Addr.Street, q.Level, string(q.Raw))
	var anyv any
	json.Unmarshal([]byte(`{"a":[1,"two",{"b":null}],"c":3.25,"d":true}`), &anyv)
	fmt.Println(anyv)
	dec := json.NewDecoder(strings.NewReader(`{"id":1,"name":"x"} {"id":2,"name":"y"}`))
	dec.UseNumber()
	for {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Println(m)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.Encode([]Address{{"s1", "c1"}, {"s2", ""}})
	var bad struct{ A int }
	fmt.Println(json.Unmarshal([]byte(`{"A":"str"}`), &bad))
	fmt.Println(json.Unmarshal([]byte(`{bad json}`), &bad))
	var nums []int
	json.Unmarshal([]byte(`[5,6,7]`), &nums)
	fmt.Println(nums, len(nums))
	var mp map[string]*Address
	json.Unmarshal([]byte(`{"h":{"street":"S"},"n":null}`), &mp)
	fmt.Println(len(mp), mp["h"].Street, mp["n"] == nil)
}
