// Package linger defines an Analyzer that ... (to be written).
//
// # Analyzer linger
//
// linger: to be written.
package linger
