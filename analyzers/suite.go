// Package analyzers lists batchlint's user-facing analyzers.
package analyzers

import "golang.org/x/tools/go/analysis"

// All returns every user-facing analyzer, in the order of the docs.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{}
}
