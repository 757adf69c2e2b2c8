package runtime

import "unsafe"

// Functions the standard library expects the runtime to provide (pushed
// with //go:linkname, as gc's runtime does), for packages outside the
// scheduler, maps and reflection.

//go:linkname fips140_fatal crypto/internal/fips140.fatal
func fips140_fatal(s string) { fatal(s) }

//go:linkname sysrand_fatal crypto/internal/sysrand.fatal
func sysrand_fatal(s string) { fatal(s) }

//go:linkname rand_fatal crypto/rand.fatal
func rand_fatal(s string) { fatal(s) }

// crypto/fips140's enforcement bypass, per goroutine as in gc.

//go:linkname fips140_setBypass crypto/fips140.setBypass
func fips140_setBypass() { curg.fipsBypass = true }

//go:linkname fips140_unsetBypass crypto/fips140.unsetBypass
func fips140_unsetBypass() { curg.fipsBypass = false }

//go:linkname fips140_isBypassed crypto/fips140.isBypassed
func fips140_isBypassed() bool { return curg.fipsBypass }

// crypto/internal/boring/sig's markers are empty assembly functions.

//go:linkname sig_BoringCrypto crypto/internal/boring/sig.BoringCrypto
func sig_BoringCrypto() {}

//go:linkname sig_FIPSOnly crypto/internal/boring/sig.FIPSOnly
func sig_FIPSOnly() {}

//go:linkname sig_StandardCrypto crypto/internal/boring/sig.StandardCrypto
func sig_StandardCrypto() {}

//go:linkname fips140_getIndicator crypto/internal/fips140.getIndicator
func fips140_getIndicator() uint8 { return curg.fipsIndicator }

//go:linkname fips140_setIndicator crypto/internal/fips140.setIndicator
func fips140_setIndicator(indicator uint8) { curg.fipsIndicator = indicator }

// Weak pointers: WebAssembly GC has no weak references, so a weak pointer
// holds its object strongly (weak's contract allows an object to stay
// reachable; the cost is that it is never collected while the weak
// pointer lives, and unique's canonical values are never freed).

//go:linkname weak_registerWeakPointer weak.runtime_registerWeakPointer
func weak_registerWeakPointer(p unsafe.Pointer) unsafe.Pointer { return p }

//go:linkname weak_makeStrongFromWeak weak.runtime_makeStrongFromWeak
func weak_makeStrongFromWeak(u unsafe.Pointer) unsafe.Pointer { return u }

// internal/chacha8rand's block is assembly in gc that jumps to the
// generic code on architectures without a vector version.

//go:linkname chacha8rand_blockGeneric internal/chacha8rand.block_generic
func chacha8rand_blockGeneric(seed *[4]uint64, blocks *[32]uint64, counter uint32)

//go:linkname chacha8rand_block internal/chacha8rand.block
func chacha8rand_block(seed *[4]uint64, blocks *[32]uint64, counter uint32) {
	chacha8rand_blockGeneric(seed, blocks, counter)
}

// crypto/internal/boring/bcache registers its caches for gc to clear at
// each collection; the engine's collections do not call into the module,
// so a cache here keeps its entries (the BoringCrypto build that fills
// them is not this target's).

//go:linkname boring_registerCache crypto/internal/boring/bcache.registerCache
func boring_registerCache(p unsafe.Pointer) {}

// crypto/subtle's data-independent timing is a CPU mode (arm64's DIT)
// that WebAssembly does not expose: there is none to switch, and
// internal/runtime/sys reports it unsupported.

//go:linkname dit_setEnabled crypto/subtle.setDITEnabled
func dit_setEnabled() bool { return false }

//go:linkname dit_setDisabled crypto/subtle.setDITDisabled
func dit_setDisabled() {}
