// Package testfiles has a per-row write in a _test.go file, reported only
// with -tests.
package testfiles
