package linger_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/batchlint/batchlint/analyzers/linger"
)

var kafkaModule = filepath.Join("..", "..", "testdata", "kafka")

func TestFranzGo(t *testing.T) {
	analysistest.Run(t, kafkaModule, linger.Analyzer, "example.com/kafka/linger")
}

// TestOldFranzGo compiles against franz-go v1.19.5, whose default linger is
// 0: producing clients without ProducerLinger are reported there and not on
// v1.22.3 (TestFranzGo's noLingerOnNewVersion).
func TestOldFranzGo(t *testing.T) {
	analysistest.Run(t, filepath.Join("..", "..", "testdata", "kafka-old"), linger.Analyzer, "example.com/kafkaold/lingerold")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, kafkaModule, linger.Analyzer, "example.com/kafka/lingerfix")
}

// TestFixesCompile type-checks the fixed sources: the .golden files take
// the place of the originals in a copy of the testdata module.
func TestFixesCompile(t *testing.T) {
	src, err := filepath.Abs(kafkaModule)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(src, f), filepath.Join(dir, f))
	}
	if err := os.Symlink(filepath.Join(src, "vendor"), filepath.Join(dir, "vendor")); err != nil {
		t.Fatal(err)
	}
	goldens, _ := filepath.Glob(filepath.Join(src, "lingerfix", "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files")
	}
	if err := os.Mkdir(filepath.Join(dir, "lingerfix"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		copyFile(t, g, filepath.Join(dir, "lingerfix", strings.TrimSuffix(filepath.Base(g), ".golden")))
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=vendor", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./lingerfix")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Syntax) != len(goldens) {
		t.Fatalf("loaded %d packages, want the %d fixed files in one", len(pkgs), len(goldens))
	}
	for _, e := range pkgs[0].Errors {
		t.Errorf("fixed code does not compile: %v", e)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
