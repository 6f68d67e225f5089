package sqlloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

//go:embed doc.go
var doc string

// Analyzer is the sqlloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name: "sqlloop",
	Doc:  analyzerdoc.Extract(doc, "sqlloop"),
	URL:  analyzerdoc.URL("sqlloop"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
