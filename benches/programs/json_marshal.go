// encoding/json: Marshal and Unmarshal of a realistic document (a list of
// orders with nested customers, line items, tags and optional fields)
// into structs and into map[string]any. Checksum: encoded sizes and a
// hash of the decoded values.
package main

import (
	"encoding/json"
	"strconv"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

type Customer struct {
	ID      int      `json:"id"`
	Name    string   `json:"name"`
	Email   string   `json:"email"`
	Address Address  `json:"address"`
	Tags    []string `json:"tags"`
}

type Item struct {
	SKU      string  `json:"sku"`
	Quantity int     `json:"qty"`
	Price    float64 `json:"price"`
}

type Order struct {
	ID       int64     `json:"id"`
	Customer Customer  `json:"customer"`
	Items    []Item    `json:"items"`
	Paid     bool      `json:"paid"`
	Note     *string   `json:"note,omitempty"`
	Totals   []float64 `json:"totals"`
}

const orders = 2000

const rounds = 8

func document() []Order {
	out := make([]Order, orders)
	for i := range out {
		o := &out[i]
		o.ID = int64(i) * 7919
		o.Customer = Customer{ID: i % 97, Name: "customer " + strconv.Itoa(i%97),
			Email:   "c" + strconv.Itoa(i) + "@example.com",
			Address: Address{Street: strconv.Itoa(i) + " Main St", City: "Town \"" + strconv.Itoa(i%13) + "\""},
			Tags:    []string{"t" + strconv.Itoa(i%5), "vip"}}
		if i%3 == 0 {
			o.Customer.Address.Zip = strconv.Itoa(10000 + i)
			note := "leave at door\n"
			o.Note = &note
		}
		for j := 0; j < 1+i%4; j++ {
			o.Items = append(o.Items, Item{SKU: "sku-" + strconv.Itoa(i*j), Quantity: j + 1, Price: float64(i%100) + 0.25*float64(j)})
		}
		o.Paid = i%2 == 0
		o.Totals = []float64{float64(i) * 1.5, float64(i*31+7) / 8}
	}
	return out
}

func main() {
	doc := document()
	var sizes, sum uint64
	for r := 0; r < rounds; r++ {
		b, err := json.Marshal(doc)
		if err != nil {
			panic(err)
		}
		sizes += uint64(len(b))
		var back []Order
		if err := json.Unmarshal(b, &back); err != nil {
			panic(err)
		}
		for _, o := range back {
			sum = sum*31 + uint64(o.ID) + uint64(len(o.Items)) + uint64(o.Customer.ID)
			if o.Note != nil {
				sum += uint64(len(*o.Note))
			}
		}
		var generic []any
		if err := json.Unmarshal(b, &generic); err != nil {
			panic(err)
		}
		sum += uint64(len(generic))
	}
	println(sizes, sum)
}
