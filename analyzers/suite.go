//go:generate go run ../internal/analyzerdoc/mkdocs

// Package analyzers lists batchlint's user-facing analyzers.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/analyzers/asyncproduce"
	"github.com/batchlint/batchlint/analyzers/compression"
	"github.com/batchlint/batchlint/analyzers/linger"
	"github.com/batchlint/batchlint/analyzers/ormloop"
	"github.com/batchlint/batchlint/analyzers/paramlimit"
	"github.com/batchlint/batchlint/analyzers/produceloop"
	"github.com/batchlint/batchlint/analyzers/sqlloop"
)

// All returns every user-facing analyzer, in the order of the docs.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		sqlloop.Analyzer,
		ormloop.Analyzer,
		linger.Analyzer,
		compression.Analyzer,
		produceloop.Analyzer,
		paramlimit.Analyzer,
		asyncproduce.Analyzer,
	}
}

// Off names the analyzers of All that run only when enabled (enabled: true
// in the configuration, or -NAME on the command line): those whose
// precision on real code is not measured yet.
func Off() map[string]bool {
	return map[string]bool{paramlimit.Analyzer.Name: true, asyncproduce.Analyzer.Name: true}
}
