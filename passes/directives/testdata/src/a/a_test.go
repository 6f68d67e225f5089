package a

import "testing"

// The analyzer's "tests" flag is off: nothing in this file is reported, not
// even a directive without a reason.
func TestHit(t *testing.T) {
	hit()
	hit() //batchlint:ignore hit
	//batchlint:ignore hit -- unused, but test files are skipped
	_ = 1
}
