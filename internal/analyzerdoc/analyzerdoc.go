// Package analyzerdoc makes each analyzer's doc.go the single source of its
// documentation, as golang.org/x/tools does for its own passes.
package analyzerdoc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// URL is where an analyzer's page lives.
func URL(name string) string {
	return "https://github.com/batchlint/batchlint/blob/main/docs/analyzers/" + name + ".md"
}

// Extract returns the section of a doc.go package comment that starts with
// the line "# Analyzer NAME", without that heading. It panics when the
// section is missing: that is a bug in the analyzer's doc.go, found by any
// test that loads the analyzer.
func Extract(docGo, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docGo, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		panic(fmt.Sprintf("analyzerdoc: %v", err))
	}
	text := docText(f)
	heading := "# Analyzer " + name
	start := strings.Index(text, heading)
	if start < 0 {
		panic(fmt.Sprintf("analyzerdoc: doc.go has no %q section", heading))
	}
	rest := text[start+len(heading):]
	if end := strings.Index(rest, "\n# "); end >= 0 {
		rest = rest[:end]
	}
	return strings.TrimSpace(rest)
}

func docText(f *ast.File) string {
	if f.Doc == nil {
		return ""
	}
	return f.Doc.Text()
}
