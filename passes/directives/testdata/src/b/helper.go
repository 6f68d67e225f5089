package b

import "testing"

// The analyzer's "tests" flag is on: test helpers are reported like any
// other code.
func helper(t *testing.T) {
	hit() // want "hit called"
}
