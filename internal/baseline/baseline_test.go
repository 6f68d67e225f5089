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
		e := k.entry(vetjson.Finding{Analyzer: "a", Diagnostic: vetjson.Diagnostic{Posn: posn, Category: "pgx:insert:users", Message: "m at x.go:12:3"}})
		if e.Function != want {
			t.Errorf("%s: function %q, want %q", posn, e.Function, want)
		}
		if e.Key != "pgx:insert:users" || e.Message != "" {
			t.Errorf("key %q, message %q: want the category as key and no message", e.Key, e.Message)
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
	if err := os.WriteFile(path, []byte(`{"version": 3, "findings": []}`), 0o644); err != nil {
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

// storeFile is testdata/store/store.go, which the baselines in testdata name.
func storeFile(t *testing.T) string {
	file, err := filepath.Abs(filepath.Join("testdata", "store", "store.go"))
	if err != nil {
		t.Fatal(err)
	}
	return file
}

// finding is a sqlloop finding in storeFile at line.
func finding(t *testing.T, line, category, message string) vetjson.Finding {
	return vetjson.Finding{Analyzer: "sqlloop", Diagnostic: vetjson.Diagnostic{Posn: storeFile(t) + ":" + line + ":3", Category: category, Message: message}}
}

func testSources(t *testing.T) map[string]bool { return map[string]bool{storeFile(t): true} }

// A version 1 baseline, as the release before keys wrote it, holds its
// findings under their old, long messages. The same findings with reworded
// messages stay old; one more in a function is new.
func TestVersion1MatchesRewordedMessages(t *testing.T) {
	path := filepath.Join("testdata", "v1.json")
	saveMsg := "(*store.Store).Save once per element of users; use COPY"
	findings := []vetjson.Finding{
		finding(t, "12", "database/sql:insert:users", "INSERT INTO users once per element of users; use COPY"),
		finding(t, "20", "database/sql:insert:(*store.Store).Save", saveMsg),
		finding(t, "21", "database/sql:insert:(*store.Store).Save", saveMsg),
	}
	fresh, err := Filter(path, findings, testSources(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 0 {
		t.Errorf("reworded messages made old findings new: %+v", fresh)
	}
	grown := append(findings, finding(t, "13", "database/sql:insert:audit", "INSERT INTO audit once per element of users; use COPY"))
	fresh, err = Filter(path, grown, testSources(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 1 || fresh[0].Posn != grown[3].Posn {
		t.Errorf("a second write in Import: want it new, got %+v", fresh)
	}
}

// In the current version the key is the category: a finding of another
// write in the same function is new even when the count would cover it.
func TestKeyIsTheCategory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	old := finding(t, "12", "database/sql:insert:users", "old wording")
	if err := Write(path, []vetjson.Finding{old}, testSources(t)); err != nil {
		t.Fatal(err)
	}
	reworded := finding(t, "12", "database/sql:insert:users", "new wording")
	other := finding(t, "12", "database/sql:insert:audit", "new wording")
	fresh, err := Filter(path, []vetjson.Finding{reworded}, testSources(t))
	if err != nil || len(fresh) != 0 {
		t.Errorf("reworded: fresh %+v, err %v", fresh, err)
	}
	fresh, err = Filter(path, []vetjson.Finding{other}, testSources(t))
	if err != nil || len(fresh) != 1 {
		t.Errorf("another write: fresh %+v, err %v; want it new", fresh, err)
	}
}
