package compression

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

//go:embed doc.go
var doc string

// Analyzer is the compression analyzer.
var Analyzer = &analysis.Analyzer{
	Name: "compression",
	Doc:  analyzerdoc.Extract(doc, "compression"),
	URL:  analyzerdoc.URL("compression"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
