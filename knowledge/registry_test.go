package knowledge

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyTheRegistryNamesALibrary walks the passes and the analyzers and
// fails on any string literal in their non-test code that names a
// registered library's import path, or a package under one: the passes
// read the registry instead, so adding a library touches only its entry.
func TestOnlyTheRegistryNamesALibrary(t *testing.T) {
	paths := append(append([]string{}, SQLiteDrivers...), serverDrivers...)
	for _, l := range libraries {
		paths = append(paths, l.Paths...)
		if l.Kafka != nil {
			paths = append(paths, l.Kafka.Paths...)
		}
	}
	names := func(s string) bool {
		for _, p := range paths {
			if s == p || strings.HasPrefix(s, p+"/") {
				return true
			}
		}
		return false
	}
	fset := token.NewFileSet()
	checked := 0
	for _, root := range []string{"../passes", "../analyzers"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && names(s) {
						t.Errorf("%s names %q: read it from the registry", fset.Position(lit.Pos()), s)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked == 0 {
		t.Fatal("no files checked")
	}
}

func TestKeysAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range libraries {
		if l.Key == "" || seen[l.Key] {
			t.Errorf("library key %q is empty or taken twice", l.Key)
		}
		seen[l.Key] = true
	}
}

func TestBatchedFallsBackToDatabaseSQL(t *testing.T) {
	if got := Batched("no such library", "INSERT"); got != PqCopy {
		t.Errorf("Batched(unknown, INSERT) = %q, want database/sql's %q", got, PqCopy)
	}
	if got := Batched(Bun.Key, "UPDATE"); got != Bun.BatchedUpdate {
		t.Errorf("Batched(bun, UPDATE) = %q, want its own UPDATE form", got)
	}
	if got := Batched(Pgx.Key, "DELETE"); got != Pgx.BatchedSet {
		t.Errorf("Batched(pgx, DELETE) = %q, want its set-based form", got)
	}
}
