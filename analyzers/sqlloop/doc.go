// Package sqlloop defines an Analyzer that ... (to be written).
//
// # Analyzer sqlloop
//
// sqlloop: to be written.
package sqlloop
