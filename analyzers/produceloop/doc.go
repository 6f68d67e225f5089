// Package produceloop defines an Analyzer that ... (to be written).
//
// # Analyzer produceloop
//
// produceloop: to be written.
package produceloop
