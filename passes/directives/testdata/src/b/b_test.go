package b

import "testing"

// The analyzer's "tests" flag is on: test files are reported like any other.
func TestHit(t *testing.T) {
	hit() // want "hit called"
	hit() //batchlint:ignore hit -- tests too honour directives
}
