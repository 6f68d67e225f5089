package analyzerdoc

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

const docGo = `// Package x defines an Analyzer.
//
// # Analyzer x
//
// x: report things
//
// What x does.
//
// # Why
//
// | a | b |
// |---|---|
// | 1 | 2 |
//
//	for _, v := range vs {
//		f(v)
//	}
//
// A finding:
//
//	x.go:1:2: a finding
//
// # Analyzer y
//
// y: another analyzer in the same package
package x
`

func TestExtractKeepsHeadingsUpToTheNextAnalyzer(t *testing.T) {
	got := Extract(docGo, "x")
	want := "x: report things\n\nWhat x does.\n\n# Why\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\tfor _, v := range vs {\n\t\tf(v)\n\t}\n\nA finding:\n\n\tx.go:1:2: a finding"
	if got != want {
		t.Errorf("Extract:\n%s\nwant:\n%s", got, want)
	}
}

func TestPage(t *testing.T) {
	a := &analysis.Analyzer{Name: "x", Doc: Extract(docGo, "x")}
	a.Flags.Bool("tests", false, "also report findings in _test.go files")
	want := "<!-- Generated from analyzers/x/doc.go by go generate ./analyzers. DO NOT EDIT. -->\n\n" +
		"# x: report things\n\n" +
		"**Off by default**: its precision on real code is not measured yet. Turn it on in\n" +
		"`.batchlint.yml` (`analyzers: {x: {enabled: true}}`, which keeps the others on), or run\n" +
		"it alone with `batchlint -x ./...`.\n\n" +
		"What x does.\n\n## Why\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" +
		"```go\nfor _, v := range vs {\n\tf(v)\n}\n```\n\nA finding:\n\n```\nx.go:1:2: a finding\n```\n" +
		"\n## Flags\n\n| flag | default | meaning |\n|---|---|---|\n" +
		"| `-x.tests` | \"false\" | also report findings in _test.go files |\n"
	if got := Page(a, true); got != want {
		t.Errorf("Page:\n%s\nwant:\n%s", got, want)
	}
}

// docText must read every doc.go as go/parser does, and the edge cases a
// doc.go could grow: a build constraint, directives, block comments ignored
// only where go/parser ignores them, a blank line that detaches the comment.
func TestDocTextIsGoParsers(t *testing.T) {
	files, err := filepath.Glob("../../analyzers/*/doc.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no doc.go files: %v", err)
	}
	srcs := map[string]string{
		"fixture":     docGo,
		"constraint":  "//go:build linux\n\n// Package p.\n//\n//   indented\n//\tTab  \n//\n//\n// end\npackage p\n",
		"directives":  "// Package p\n//go:generate x\n//line foo.go:1\n//nolint:all\n// done\npackage p\n",
		"detached":    "// Package p.\n\npackage p\n",
		"groups":      "// first\n\n// second\n//\n// third\npackage p\n",
		"blank start": "//\n//\n// Package p.\n//\npackage p\n",
		"none":        "package p\n",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	for name, src := range srcs {
		f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := docText(src), f.Doc.Text(); got != want {
			t.Errorf("%s: docText:\n%q\ngo/parser:\n%q", name, got, want)
		}
	}
}
