package baseline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/batchlint/batchlint/internal/vetjson"
)

const src = `package p

func Top() {
	_ = 1
}

type S struct{}

func (s *S) Method() {
	f := func() {
		_ = 2
	}
	f()
}

func (G[T]) Generic() {
	_ = 3
}

type G[T any] struct{}

var x = 4
`

func TestFunctionKeys(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p", "p.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := NewKeyer(filepath.Join(dir, "baseline.json"), map[string]bool{file: true})
	if err != nil {
		t.Fatal(err)
	}
	for posn, want := range map[string]string{
		file + ":4:2":  "Top",
		file + ":11:3": "S.Method", // inside a function literal: the declaration
		file + ":17:2": "G.Generic",
		file + ":22:9": "",
		file + ":99:1": "", // past the end
		filepath.Join(dir, "missing.go") + ":1:1": "",
	} {
		e := k.entry(vetjson.Finding{Analyzer: "a", Diagnostic: vetjson.Diagnostic{Posn: posn, Message: "m at x.go:12:3"}})
		if e.Function != want {
			t.Errorf("%s: function %q, want %q", posn, e.Function, want)
		}
		if e.Message != "m at x.go" {
			t.Errorf("message %q: positions should be blanked", e.Message)
		}
	}
	e := k.entry(vetjson.Finding{Analyzer: "a", Diagnostic: vetjson.Diagnostic{Posn: file + ":4:2"}})
	if e.File != "p/p.go" {
		t.Errorf("file %q, want p/p.go (relative to the baseline's directory)", e.File)
	}
}

func TestFilterCountsAndRejectsOtherVersions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.json")
	f := func(line string) vetjson.Finding {
		return vetjson.Finding{Analyzer: "a", Diagnostic: vetjson.Diagnostic{Posn: filepath.Join(dir, "x.go") + ":" + line + ":1", Message: "m"}}
	}
	if err := Write(path, []vetjson.Finding{f("1"), f("2")}, nil); err != nil {
		t.Fatal(err)
	}
	fresh, err := Filter(path, []vetjson.Finding{f("5"), f("6"), f("7")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 1 || fresh[0].Posn != f("7").Posn {
		t.Errorf("two recorded, three found: want the last one new, got %+v", fresh)
	}
	if err := os.WriteFile(path, []byte(`{"version": 2, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Filter(path, nil, nil); err == nil {
		t.Error("a baseline of another version was accepted")
	}
	if err := os.WriteFile(path, []byte(`{`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Filter(path, nil, nil); err == nil {
		t.Error("a malformed baseline was accepted")
	}
}
