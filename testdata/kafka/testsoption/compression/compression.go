// Package compression holds a codec on a producer that never lingers in a
// test file only: reported with the tests option, dropped without it.
package compression
