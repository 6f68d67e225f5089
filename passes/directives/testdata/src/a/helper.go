package a

import "testing"

// Test helpers outside _test.go files are test code: with the "tests" flag
// off, nothing in them is reported, not even a directive that suppresses
// nothing.

func helperT(t *testing.T) {
	t.Helper()
	for range 3 {
		hit()
	}
	//batchlint:ignore hit -- unused, but test helpers are skipped
	_ = 1
}

func helperTB(tb testing.TB, n int) { hit() }

func benchHelper(b *testing.B) { hit() }

func fuzzHelper(f *testing.F) { hit() }

func literalHelper() {
	check := func(t *testing.T) { hit() }
	_ = check
	hit() // want "hit called"
}

type tester interface{ Helper() }

// Look-alikes: a parameter that *testing.T satisfies is not a testing type,
// and code that only uses package testing is not a helper.
func notHelpers(t tester, ts []*testing.T) {
	hit() // want "hit called"
	if testing.Short() {
		hit() // want "hit called"
	}
}
