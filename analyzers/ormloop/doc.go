// Package ormloop defines an Analyzer that ... (to be written).
//
// # Analyzer ormloop
//
// ormloop: to be written.
package ormloop
