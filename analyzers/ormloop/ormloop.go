package ormloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/analyzerdoc"
)

//go:embed doc.go
var doc string

// Analyzer is the ormloop analyzer.
var Analyzer = &analysis.Analyzer{
	Name: "ormloop",
	Doc:  analyzerdoc.Extract(doc, "ormloop"),
	URL:  analyzerdoc.URL("ormloop"),
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
