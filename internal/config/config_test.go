package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func analyzers() []*analysis.Analyzer {
	a := &analysis.Analyzer{Name: "a", Doc: "a"}
	a.Flags.Bool("tests", false, "")
	a.Flags.String("funcs", "", "")
	a.Flags.Int("n", 1, "")
	b := &analysis.Analyzer{Name: "b", Doc: "b"}
	return []*analysis.Analyzer{a, b}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yml")
	write(t, path, "tests: true\nanalyzers:\n  a:\n    options:\n      funcs: [x.Save, y.Put]\n      n: 3\n  b:\n    enabled: false\n")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Flags(analyzers(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-a.tests=true", "-a.funcs=x.Save,y.Put", "-a.n=3", "-b=false"}
	if !slices.Equal(got, want) {
		t.Errorf("flags %q, want %q", got, want)
	}
}

// An analyzer off by default is named false unless the file enables it;
// enabling it names every analyzer left on, since go vet then runs only
// those named true.
func TestOffByDefault(t *testing.T) {
	off := map[string]bool{"b": true}
	for conf, want := range map[string][]string{
		"":                                 {"-b=false"},
		"analyzers: {a: {enabled: false}}": {"-a=false", "-b=false"},
		"analyzers: {b: {enabled: true}}":  {"-a=true", "-b=true"},
		"analyzers: {a: {enabled: false}, b: {enabled: true}}": {"-a=false", "-b=true"},
	} {
		path := filepath.Join(t.TempDir(), "c.yml")
		write(t, path, conf)
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := c.Flags(analyzers(), off); err != nil || !slices.Equal(got, want) {
			t.Errorf("%q: flags %q, %v; want %q", conf, got, err, want)
		}
	}
}

func TestLoadEmptyAndJSON(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "empty.yml"), "")
	if c, err := Load(filepath.Join(dir, "empty.yml")); err != nil || c.Tests != nil || len(c.Analyzers) != 0 {
		t.Errorf("empty file: %+v, %v", c, err)
	}
	write(t, filepath.Join(dir, "c.json"), `{"analyzers": {"a": {"options": {"tests": true}}}}`)
	c, err := Load(filepath.Join(dir, "c.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := c.Flags(analyzers(), nil); err != nil || !slices.Equal(got, []string{"-a.tests=true"}) {
		t.Errorf("JSON: %q, %v", got, err)
	}
}

func TestFlagsErrors(t *testing.T) {
	for conf, msg := range map[string]string{
		"analyzers: {z: {}}":                          "unknown analyzer z (known: a, b)",
		"analyzers: {a: {options: {nope: 1}}}":        `analyzer a has no option "nope" (options: funcs, n, tests)`,
		"analyzers: {b: {options: {nope: 1}}}":        `(options: none)`,
		"analyzers: {a: {options: {n: many}}}":        "a option n",
		"analyzers: {a: {options: {funcs: [a,b]}}}":   "",
		"analyzers: {a: {options: {funcs: {k: v}}}}":  "unsupported value",
		"analyzers: {a: {options: {funcs: ~}}}":       "no value",
		`analyzers: {a: {options: {funcs: ["x,y"]}}}`: "contains a comma",
	} {
		path := filepath.Join(t.TempDir(), "c.yml")
		write(t, path, conf)
		c, err := Load(path)
		if err != nil {
			t.Fatalf("%s: %v", conf, err)
		}
		_, err = c.Flags(analyzers(), nil)
		if msg == "" {
			if err != nil {
				t.Errorf("%s: %v", conf, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: error %v, want %q", conf, err, msg)
		}
	}
}

func TestFindInModuleRoot(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module m\n")
	write(t, filepath.Join(root, "sub", "deeper", "x.go"), "package deeper\n")
	if p, err := Find(filepath.Join(root, "sub", "deeper")); err != nil || p != "" {
		t.Errorf("no file: %q, %v", p, err)
	}
	write(t, filepath.Join(root, ".batchlint.json"), "{}")
	write(t, filepath.Join(root, ".batchlint.yml"), "")
	p, err := Find(filepath.Join(root, "sub", "deeper"))
	if err != nil || p != filepath.Join(root, ".batchlint.yml") {
		t.Errorf("Find = %q, %v; want the module root's .batchlint.yml (first in Names order)", p, err)
	}
}

// Apply sets in process what Flags would hand to go vet, and returns the
// analyzers left on.
func TestApply(t *testing.T) {
	a := &analysis.Analyzer{Name: "a", Doc: "a"}
	Register(a, UnknownSQL, Writers)
	b := &analysis.Analyzer{Name: "b", Doc: "b"}
	Register(b)
	c := &analysis.Analyzer{Name: "c", Doc: "c"}
	Register(c)
	path := filepath.Join(t.TempDir(), "c.yml")
	write(t, path, "tests: true\nanalyzers:\n  a:\n    options:\n      unknown-sql: true\n      writers: [x.Save, y.Put]\n  b:\n    enabled: false\n  c:\n    enabled: true\n    options: {tests: false}\n")
	conf, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	on, err := conf.Apply([]*analysis.Analyzer{a, b, c}, map[string]bool{"c": true})
	if err != nil {
		t.Fatal(err)
	}
	if len(on) != 2 || on[0] != a || on[1] != c {
		t.Errorf("enabled %v, want a and c", on)
	}
	want := Options{Tests: true, UnknownSQL: true, Writers: []string{"x.Save", "y.Put"}}
	if got := current.Of("a"); !reflect.DeepEqual(got, want) {
		t.Errorf("a: %+v, want %+v", got, want)
	}
	if got := current.Of("c"); got.Tests {
		t.Errorf("c: tests set, but its own option says false")
	}
	if _, err := conf.Apply([]*analysis.Analyzer{b, c}, nil); err == nil || !strings.Contains(err.Error(), "unknown analyzer a") {
		t.Errorf("Apply without a: %v", err)
	}
}

// An option set by flag reaches the analyzer through Analyzer's result,
// and an analyzer that does not Require Analyzer cannot read it.
func TestForReadsTheFlags(t *testing.T) {
	a := &analysis.Analyzer{Name: "flagged", Doc: "flagged"}
	Register(a, Writers)
	if !slices.Contains(a.Requires, Analyzer) {
		t.Fatal("Register did not add Analyzer to Requires")
	}
	if err := a.Flags.Set("writers", "p.F, p.G,,p.F"); err != nil {
		t.Fatal(err)
	}
	res, err := Analyzer.Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Analyzer: a, ResultOf: map[*analysis.Analyzer]any{Analyzer: res}}
	if got := For(pass).Writers; !slices.Equal(got, []string{"p.F", "p.G"}) {
		t.Errorf("writers %q, want [p.F p.G]", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("For without Analyzer's result did not panic")
		}
	}()
	For(&analysis.Pass{Analyzer: a, ResultOf: map[*analysis.Analyzer]any{}})
}
