// Added for gowasm: nistec's p256.go builds its precomputed table by
// reinterpreting a byte array as elements (unsafe.Pointer); gowasm's
// replacement sets the elements' Montgomery limbs instead.

package fiat

// SetMontgomeryLimbs sets e to the element whose Montgomery form has the
// little-endian 64-bit limbs l.
func (e *P256Element) SetMontgomeryLimbs(l [4]uint64) *P256Element {
	e.x = p256MontgomeryDomainFieldElement(l)
	return e
}
