package runtime

// Error identifies a runtime error used in panic.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types
	// that are runtime errors from ordinary errors.
	RuntimeError()
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	_interface    *_type
	concrete      *_type
	asserted      *_type
	missingMethod string // one method needed by Interface, missing from Concrete
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := "interface"
	if e._interface != nil {
		inter = e._interface.str
	}
	as := e.asserted.str
	if e.concrete == nil {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := e.concrete.str
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + cs + ", not " + as
		if cs == as {
			if e.concrete.pkgpath != e.asserted.pkgpath {
				msg += " (types from different packages)"
			} else {
				msg += " (types from different scopes)"
			}
		}
		return msg
	}
	return "interface conversion: " + cs + " is not " + as +
		": missing method " + e.missingMethod
}

// itoa converts val to a decimal representation within buf.
func itoa(buf []byte, val uint64) []byte {
	i := len(buf) - 1
	for val >= 10 {
		buf[i] = byte(val%10 + '0')
		i--
		val /= 10
	}
	buf[i] = byte(val + '0')
	return buf[i:]
}

// An errorString represents a runtime error described by a single string.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// plainError represents a runtime error described a string without
// the prefix "runtime error: ".
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

const (
	boundsIndex = iota
	boundsSliceAlen
	boundsSliceAcap
	boundsSliceB
	boundsSlice3Alen
	boundsSlice3Acap
	boundsSlice3B
	boundsSlice3C
	boundsConvert
)

// A boundsError represents an indexing or slicing operation gone wrong.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   uint8
}

var boundsErrorFmts = [...]string{
	boundsIndex:      "index out of range [%x] with length %y",
	boundsSliceAlen:  "slice bounds out of range [:%x] with length %y",
	boundsSliceAcap:  "slice bounds out of range [:%x] with capacity %y",
	boundsSliceB:     "slice bounds out of range [%x:%y]",
	boundsSlice3Alen: "slice bounds out of range [::%x] with length %y",
	boundsSlice3Acap: "slice bounds out of range [::%x] with capacity %y",
	boundsSlice3B:    "slice bounds out of range [:%x:%y]",
	boundsSlice3C:    "slice bounds out of range [%x:%y:]",
	boundsConvert:    "cannot convert slice with length %y to array or pointer to array with length %x",
}

var boundsNegErrorFmts = [...]string{
	boundsIndex:      "index out of range [%x]",
	boundsSliceAlen:  "slice bounds out of range [:%x]",
	boundsSliceAcap:  "slice bounds out of range [:%x]",
	boundsSliceB:     "slice bounds out of range [%x:]",
	boundsSlice3Alen: "slice bounds out of range [::%x]",
	boundsSlice3Acap: "slice bounds out of range [::%x]",
	boundsSlice3B:    "slice bounds out of range [:%x:]",
	boundsSlice3C:    "slice bounds out of range [%x::]",
}

func (e boundsError) RuntimeError() {}

func appendIntStr(b []byte, v int64, signed bool) []byte {
	if signed && v < 0 {
		b = append(b, '-')
		v = -v
	}
	var buf [20]byte
	b = append(b, itoa(buf[:], uint64(v))...)
	return b
}

func (e boundsError) Error() string {
	fmt := boundsErrorFmts[e.code]
	if e.signed && e.x < 0 {
		fmt = boundsNegErrorFmts[e.code]
	}
	b := make([]byte, 0, 100)
	b = append(b, "runtime error: "...)
	for i := 0; i < len(fmt); i++ {
		c := fmt[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		switch fmt[i] {
		case 'x':
			b = appendIntStr(b, e.x, e.signed)
		case 'y':
			b = appendIntStr(b, int64(e.y), true)
		}
	}
	return string(b)
}

type stringer interface {
	String() string
}

// printpanicval prints an argument passed to panic.
func printpanicval(v any) {
	switch v := v.(type) {
	case nil:
		print("nil")
	case bool:
		print(v)
	case int:
		print(v)
	case int8:
		print(v)
	case int16:
		print(v)
	case int32:
		print(v)
	case int64:
		print(v)
	case uint:
		print(v)
	case uint8:
		print(v)
	case uint16:
		print(v)
	case uint32:
		print(v)
	case uint64:
		print(v)
	case uintptr:
		print(v)
	case float32:
		print(v)
	case float64:
		print(v)
	case complex64:
		print(v)
	case complex128:
		print(v)
	case string:
		printindented(v)
	default:
		printanycustomtype(v)
	}
}

// printanycustomtype prints a value of a named basic type (or, for other
// types, its type and a placeholder address, as Go does).
func printanycustomtype(i any) {
	t := efaceType(i)
	typestring := t.str
	switch t.kind {
	case kindString:
		if kindReachable(kindString) {
			print(typestring, `("`)
			printindented(payload[string](i))
			print(`")`)
		}
	case kindBool:
		if kindReachable(kindBool) {
			print(typestring, "(", payload[bool](i), ")")
		}
	case kindInt:
		if kindReachable(kindInt) {
			print(typestring, "(", payload[int](i), ")")
		}
	case kindInt8:
		if kindReachable(kindInt8) {
			print(typestring, "(", payload[int8](i), ")")
		}
	case kindInt16:
		if kindReachable(kindInt16) {
			print(typestring, "(", payload[int16](i), ")")
		}
	case kindInt32:
		if kindReachable(kindInt32) {
			print(typestring, "(", payload[int32](i), ")")
		}
	case kindInt64:
		if kindReachable(kindInt64) {
			print(typestring, "(", payload[int64](i), ")")
		}
	case kindUint:
		if kindReachable(kindUint) {
			print(typestring, "(", payload[uint](i), ")")
		}
	case kindUint8:
		if kindReachable(kindUint8) {
			print(typestring, "(", payload[uint8](i), ")")
		}
	case kindUint16:
		if kindReachable(kindUint16) {
			print(typestring, "(", payload[uint16](i), ")")
		}
	case kindUint32:
		if kindReachable(kindUint32) {
			print(typestring, "(", payload[uint32](i), ")")
		}
	case kindUint64:
		if kindReachable(kindUint64) {
			print(typestring, "(", payload[uint64](i), ")")
		}
	case kindUintptr:
		if kindReachable(kindUintptr) {
			print(typestring, "(", payload[uintptr](i), ")")
		}
	case kindFloat32:
		if kindReachable(kindFloat32) {
			print(typestring, "(", payload[float32](i), ")")
		}
	case kindFloat64:
		if kindReachable(kindFloat64) {
			print(typestring, "(", payload[float64](i), ")")
		}
	case kindComplex64:
		if kindReachable(kindComplex64) {
			print(typestring, payload[complex64](i))
		}
	case kindComplex128:
		if kindReachable(kindComplex128) {
			print(typestring, payload[complex128](i))
		}
	default:
		print("(", typestring, ") ")
		printpointer(false)
	}
}

// printindented prints s, replacing "\n" with "\n\t".
func printindented(s string) {
	for {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i == len(s) {
			break
		}
		print(s[:i+1], "\t")
		s = s[i+1:]
	}
	print(s)
}
