// Package linger holds a zero linger in a test file only: reported with
// the tests option, dropped without it.
package linger
