// Package vetjson reads and writes the JSON that go vet -json prints: one
// object per package, {"<package>": {"<analyzer>": [diagnostic...]}}, or
// {"error": "..."} in place of the list when the analyzer failed.
package vetjson

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// TextEdit replaces the bytes [Start, End) of Filename with New.
type TextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// SuggestedFix is a set of edits applied together or not at all.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// Related is a secondary position of a diagnostic.
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// Diagnostic is one diagnostic as go vet prints it.
type Diagnostic struct {
	Category       string         `json:"category,omitempty"`
	Posn           string         `json:"posn"`
	End            string         `json:"end"`
	Message        string         `json:"message"`
	SuggestedFixes []SuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []Related      `json:"related,omitempty"`
}

// Finding is a diagnostic with the package and analyzer that produced it.
type Finding struct {
	Package  string
	Analyzer string
	Diagnostic
}

// Error is an analyzer that failed on a package.
type Error struct {
	Package, Analyzer, Message string
}

func (e Error) Error() string { return e.Package + ": " + e.Analyzer + ": " + e.Message }

// Decode reads the concatenated per-package objects go vet -json prints.
// The findings come back sorted and without duplicates (go vet analyses a
// package and its test variant separately, and both see the non-test files).
func Decode(r io.Reader) ([]Finding, []Error, error) {
	var findings []Finding
	var errs []Error
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("reading go vet -json output: %w", err)
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				raw = bytes.TrimSpace(raw)
				if len(raw) > 0 && raw[0] == '{' {
					var e struct {
						Error string `json:"error"`
					}
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, nil, fmt.Errorf("reading go vet -json output for %s: %w", pkg, err)
					}
					errs = append(errs, Error{pkg, analyzer, e.Error})
					continue
				}
				var diags []Diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, nil, fmt.Errorf("reading go vet -json output for %s: %w", pkg, err)
				}
				for _, d := range diags {
					findings = append(findings, Finding{Package: pkg, Analyzer: analyzer, Diagnostic: d})
				}
			}
		}
	}
	slices.SortFunc(errs, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.Message, b.Message))
	})
	errs = slices.Compact(errs)
	return Normalize(findings), errs, nil
}

// Normalize sorts findings by position, analyzer and message, and keeps one
// of each (analyzer, position, message), preferring the plain package over
// its test variant ("p [p.test]").
func Normalize(findings []Finding) []Finding {
	slices.SortStableFunc(findings, Compare)
	return slices.CompactFunc(findings, func(a, b Finding) bool {
		return a.Analyzer == b.Analyzer && a.Posn == b.Posn && a.Message == b.Message
	})
}

// Compare orders findings by file, line, column, analyzer, message and
// package.
func Compare(a, b Finding) int {
	pa, pb := ParsePosn(a.Posn), ParsePosn(b.Posn)
	return cmp.Or(
		cmp.Compare(pa.File, pb.File),
		cmp.Compare(pa.Line, pb.Line),
		cmp.Compare(pa.Col, pb.Col),
		cmp.Compare(a.Analyzer, b.Analyzer),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(len(a.Package), len(b.Package)),
		cmp.Compare(a.Package, b.Package),
	)
}

// Posn is a parsed "file:line:col" position.
type Posn struct {
	File      string
	Line, Col int
}

// ParsePosn splits "file:line:col" (or "file:line", or "file"). The file
// may itself contain colons (a Windows drive letter).
func ParsePosn(s string) Posn {
	p := Posn{File: s}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		n, err := strconv.Atoi(s[i+1:])
		if err != nil {
			return p
		}
		p.File, p.Line = s[:i], n
		if j := strings.LastIndexByte(p.File, ':'); j >= 0 {
			if m, err := strconv.Atoi(p.File[j+1:]); err == nil {
				p.File, p.Line, p.Col = p.File[:j], m, n
			}
		}
	}
	return p
}

// Encode writes findings in go vet's -json shape as a single object. Each
// package is named once: findings of a test variant that also occur in the
// plain package were dropped by Normalize.
func Encode(w io.Writer, findings []Finding) error {
	tree := map[string]map[string][]Diagnostic{}
	for _, f := range findings {
		if tree[f.Package] == nil {
			tree[f.Package] = map[string][]Diagnostic{}
		}
		tree[f.Package][f.Analyzer] = append(tree[f.Package][f.Analyzer], f.Diagnostic)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
