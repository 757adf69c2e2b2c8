package runtime

import "internal/runtime/gc"

// growslicecap returns the capacity append gives a slice that must grow to
// newLen elements: gc's growth policy including size-class rounding, so
// that cap() reports what native Go reports.
func growslicecap(newLen, oldCap int, elemSize uintptr, noscan bool) int {
	if newLen < 0 {
		panic(errorString("growslice: len out of range"))
	}
	if elemSize == 0 {
		return newLen
	}
	newcap := nextslicecap(newLen, oldCap)
	switch {
	case elemSize == 1:
		return int(roundupsize(uintptr(newcap), noscan))
	case isPowerOfTwo(elemSize):
		var shift uintptr
		for s := elemSize; s > 1; s >>= 1 {
			shift++
		}
		return int(roundupsize(uintptr(newcap)<<shift, noscan) >> shift)
	default:
		return int(roundupsize(uintptr(newcap)*elemSize, noscan) / elemSize)
	}
}

func isPowerOfTwo(x uintptr) bool {
	return x&(x-1) == 0
}

func nextslicecap(newLen, oldCap int) int {
	newcap := oldCap
	doublecap := newcap + newcap
	if newLen > doublecap {
		return newLen
	}
	const threshold = 256
	if oldCap < threshold {
		return doublecap
	}
	for {
		newcap += (newcap + 3*threshold) >> 2
		if uint(newcap) >= uint(newLen) {
			break
		}
	}
	if newcap <= 0 {
		return newLen
	}
	return newcap
}

const (
	maxSmallSize = gc.MaxSmallSize
	pageSize     = 8192
)

func divRoundUp(n, a uintptr) uintptr {
	return (n + a - 1) / a
}

func roundupsize(size uintptr, noscan bool) (reqSize uintptr) {
	reqSize = size
	if reqSize <= maxSmallSize-gc.MallocHeaderSize {
		if !noscan && reqSize > gc.MinSizeForMallocHeader {
			reqSize += gc.MallocHeaderSize
		}
		if reqSize <= gc.SmallSizeMax-8 {
			return uintptr(gc.SizeClassToSize[gc.SizeToSizeClass8[divRoundUp(reqSize, gc.SmallSizeDiv)]]) - (reqSize - size)
		}
		return uintptr(gc.SizeClassToSize[gc.SizeToSizeClass128[divRoundUp(reqSize-gc.SmallSizeMax, gc.LargeSizeDiv)]]) - (reqSize - size)
	}
	reqSize += pageSize - 1
	if reqSize < size {
		return size
	}
	return reqSize &^ (pageSize - 1)
}

func panicmakeslicelen() {
	panic(errorString("makeslice: len out of range"))
}

func panicmakeslicecap() {
	panic(errorString("makeslice: cap out of range"))
}
