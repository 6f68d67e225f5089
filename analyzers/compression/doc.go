// Package compression defines an Analyzer that ... (to be written).
//
// # Analyzer compression
//
// compression: to be written.
package compression
