// Package analyzerdoc makes each analyzer's doc.go the single source of its
// documentation, as golang.org/x/tools does for its own passes: Extract
// gives the analyzer its Doc (what batchlint help NAME prints), and Page
// renders the same text as the analyzer's page, docs/analyzers/NAME.md. go
// generate ./analyzers writes both, the Doc as a constant so that no vet
// process reads doc.go at start-up, and a test compares them with doc.go.
//
// The section of doc.go after "# Analyzer NAME" is written as a Go doc
// comment whose paragraphs are Markdown: "# " headings become the page's
// "## " headings, indented code blocks become fenced blocks, and all other
// lines (tables, lists, links) are copied as they are.
package analyzerdoc

import (
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// URL is where an analyzer's page lives.
func URL(name string) string {
	return "https://github.com/batchlint/batchlint/blob/main/docs/analyzers/" + name + ".md"
}

// Extract returns the section of a doc.go package comment that starts with
// the line "# Analyzer NAME", without that heading, up to the next
// "# Analyzer" heading or the end. It panics when the section is missing:
// that is a bug in the analyzer's doc.go, found by go generate ./analyzers
// and by the test that compares each analyzer's Doc with its doc.go.
func Extract(docGo, name string) string {
	text := docText(docGo)
	heading := "# Analyzer " + name + "\n"
	start := strings.Index(text, heading)
	if start < 0 {
		panic(fmt.Sprintf("analyzerdoc: doc.go has no %q section", strings.TrimSpace(heading)))
	}
	rest := text[start+len(heading):]
	if end := strings.Index(rest, "\n# Analyzer "); end >= 0 {
		rest = rest[:end]
	}
	return strings.TrimSpace(rest)
}

// docText returns the package comment of a doc.go, the run of // lines just
// above its package clause, as ast.CommentGroup.Text would; a test holds it
// to go/parser's result.
func docText(src string) string {
	var group []string
	for line := range strings.Lines(src) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "package ") {
			break
		}
		c, ok := strings.CutPrefix(line, "//")
		switch {
		case !ok:
			group = group[:0]
		case strings.HasPrefix(c, " "):
			group = append(group, strings.TrimRight(c[1:], " \t\r"))
		case !isDirective(c):
			group = append(group, strings.TrimRight(c, " \t\r"))
		}
	}
	// Leading blank lines go, interior runs of them become one, and the text
	// ends in a newline.
	var b strings.Builder
	b.Grow(len(src))
	blank := false
	for _, l := range group {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// isDirective reports whether the text of a // comment is a directive
// (//go:embed, //line ...), which doc comments leave out.
func isDirective(c string) bool {
	if strings.HasPrefix(c, "line ") || strings.HasPrefix(c, "extern ") || strings.HasPrefix(c, "export ") {
		return true
	}
	colon := strings.Index(c, ":")
	if colon <= 0 || colon+1 >= len(c) {
		return false
	}
	for i := 0; i <= colon+1; i++ {
		if b := c[i]; i != colon && !('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			return false
		}
	}
	return true
}

// Page renders a's Doc as its Markdown page; off says that a runs only when
// enabled.
func Page(a *analysis.Analyzer, off bool) string {
	title, body, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from analyzers/%s/doc.go by go generate ./analyzers. DO NOT EDIT. -->\n\n", a.Name)
	fmt.Fprintf(&b, "# %s\n\n", title)
	if off {
		fmt.Fprintf(&b, "**Off by default**: its precision on real code is not measured yet. Turn it on in\n"+
			"`.batchlint.yml` (`analyzers: {%s: {enabled: true}}`, which keeps the others on), or run\n"+
			"it alone with `batchlint -%s ./...`.\n\n", a.Name, a.Name)
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	prevBlank := true
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "\t"):
			// An indented block runs on over blank lines while indented
			// lines follow them.
			end := i
			for j := i; j < len(lines); j++ {
				if strings.HasPrefix(lines[j], "\t") {
					end = j
				} else if lines[j] != "" {
					break
				}
			}
			var code []string
			for _, l := range lines[i : end+1] {
				code = append(code, strings.TrimPrefix(l, "\t"))
			}
			fmt.Fprintf(&b, "```%s\n%s\n```\n", lang(code), strings.Join(code, "\n"))
			i = end
			prevBlank = false
			continue
		case prevBlank && strings.HasPrefix(line, "# "):
			line = "#" + line
		}
		fmt.Fprintln(&b, line)
		prevBlank = line == ""
	}
	// The flags are the analyzer's own: listed from it, never restated.
	b.WriteString("\n## Flags\n\n| flag | default | meaning |\n|---|---|---|\n")
	a.Flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(&b, "| `-%s.%s` | %q | %s |\n", a.Name, f.Name, f.DefValue, f.Usage)
	})
	return b.String()
}

// lang names the language of a code block for highlighting: Go when it
// parses as Go declarations or statements, none otherwise.
func lang(code []string) string {
	src := strings.Join(code, "\n")
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, "", "package p\n"+src, parser.SkipObjectResolution); err == nil {
		return "go"
	}
	if _, err := parser.ParseFile(fset, "", "package p\nfunc _() {\n"+src+"\n}", parser.SkipObjectResolution); err == nil {
		return "go"
	}
	return ""
}
