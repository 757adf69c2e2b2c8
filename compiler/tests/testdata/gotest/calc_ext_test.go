package calc_test

import (
	"testing"

	"gowasm.dev/compiler/tests/testdata/gotest"
)

func TestExternal(t *testing.T) {
	if calc.Div(7, 2) != 3 {
		t.Error("Div(7, 2)")
	}
}
