// Command findings prints every finding batchlint's analyzers report on the
// demo and on the authored and independent corpora under testdata, one line
// per finding (analyzer, position, message, then its related locations
// joined on with " | "), sorted. Save its output before a restructuring and
// diff it against the output after: the two must match except for
// deliberate message changes.
//
//	go run ./scripts/findings > before.txt
//
// It runs the analyzers through the checker directly rather than the CLI,
// so its output does not depend on the CLI's filters, baseline or config.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/analyzers"
)

// modules lists the testdata modules and the packages of each to analyse.
var modules = []struct {
	dir      string
	patterns []string
}{
	{"demo", []string{"./..."}},
	{"sql", []string{"./corpus/...", "./independent/..."}},
	{"orm", []string{"./corpus/...", "./independent/..."}},
	{"produce", []string{"./corpus/..."}},
	{"kafka", []string{"./corpus/..."}},
}

func main() {
	var lines []string
	for _, m := range modules {
		ls, err := findings(filepath.Join("testdata", m.dir), m.patterns)
		if err != nil {
			fmt.Fprintf(os.Stderr, "findings: testdata/%s: %v\n", m.dir, err)
			os.Exit(1)
		}
		lines = append(lines, ls...)
	}
	sort.Strings(lines)
	fmt.Println(strings.Join(lines, "\n"))
}

// findings loads patterns in the module at dir offline from its vendor tree
// and returns its findings, positions relative to testdata.
func findings(dir string, patterns []string) ([]string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root := filepath.Dir(abs)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  abs,
		Env:  append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return nil, fmt.Errorf("packages do not load")
	}
	graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			return nil, fmt.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			fset := act.Package.Fset
			line := at(root, fset.Position(d.Pos).String()) + ": " + act.Analyzer.Name + ": " + d.Message
			for _, r := range d.Related {
				line += " | " + at(root, fset.Position(r.Pos).String()) + ": " + r.Message
			}
			lines = append(lines, line)
		}
	}
	return lines, nil
}

// at makes a position relative to root.
func at(root, pos string) string {
	if r, ok := strings.CutPrefix(pos, root+string(filepath.Separator)); ok {
		return r
	}
	return pos
}
