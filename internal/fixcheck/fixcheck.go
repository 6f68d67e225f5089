// Package fixcheck checks that suggested fixes leave code that type-checks:
// analysistest compares the fixed text with the .golden files but never
// compiles it.
package fixcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Compiles type-checks the packages of the testdata module at dir whose
// directories match pattern (filepath.Match syntax, relative to dir) and
// hold .golden files, with every x.go.golden in place of x.go, and fails t on
// any error. The module's vendored dependencies are used, offline.
func Compiles(t *testing.T, dir, pattern string) {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	goldens, err := filepath.Glob(filepath.Join(dir, pattern, "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files in %s: %v", filepath.Join(dir, pattern), err)
	}
	overlay := map[string][]byte{}
	var patterns []string
	for _, g := range goldens {
		content, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		overlay[strings.TrimSuffix(g, ".golden")] = content
		rel, err := filepath.Rel(dir, filepath.Dir(g))
		if err != nil {
			t.Fatal(err)
		}
		if p := "./" + filepath.ToSlash(rel); len(patterns) == 0 || patterns[len(patterns)-1] != p {
			patterns = append(patterns, p)
		}
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     dir,
		Env:     append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(patterns) {
		t.Fatalf("loaded %d packages, want %d", len(pkgs), len(patterns))
	}
	// A fixed file that a build constraint leaves out would go unchecked.
	compiled := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.CompiledGoFiles {
			compiled[f] = true
		}
		for _, e := range p.Errors {
			t.Errorf("%s with the fixes applied: %v", p.PkgPath, e)
		}
	}
	for f := range overlay {
		if !compiled[f] {
			t.Errorf("%s is not compiled into its package", f)
		}
	}
}
