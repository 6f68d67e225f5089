package produceloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

//go:embed doc.go
var doc string

// Analyzer is the produceloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name: "produceloop",
	Doc:  analyzerdoc.Extract(doc, "produceloop"),
	URL:  analyzerdoc.URL("produceloop"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
