// Command noop is the yardstick for batchlint's overhead: a driver with one
// analyzer that does nothing. Under go vet it costs what the go command, the
// type checker and the export data cost; batchlint's own work is the rest.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing: the yardstick for driver and type-checking cost",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(noop) }
