package calc

import (
	"strings"
	"testing"
)

func TestSum(t *testing.T) {
	if got := Sum(1, 2, 3); got != 6 {
		t.Fatalf("Sum = %d", got)
	}
	t.Log("logged from TestSum")
}

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []int
		want int
	}{{"empty", nil, 0}, {"one", []int{4}, 4}, {"wrong", []int{1, 1}, 3}} {
		t.Run(tc.name, func(t *testing.T) {
			check(t, Sum(tc.in...), tc.want)
		})
	}
}

// check reports from its caller's line.
func check(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func TestSkipped(t *testing.T) {
	t.Skip("not today")
}

func TestDivPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(error).Error(), "divide by zero") {
			t.Errorf("recovered %v", r)
		}
	}()
	Div(1, 0)
}

func TestParallel(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if Sum(1) != 1 {
				t.Error("Sum(1)")
			}
		})
	}
}
