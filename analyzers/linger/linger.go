package linger

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

//go:embed doc.go
var doc string

// Analyzer is the linger analyzer.
var Analyzer = &analysis.Analyzer{
	Name: "linger",
	Doc:  analyzerdoc.Extract(doc, "linger"),
	URL:  analyzerdoc.URL("linger"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
