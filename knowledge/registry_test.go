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
	var paths []string
	for _, db := range databases {
		paths = append(paths, db.libs...)
	}
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

func TestBatchedFallsBackToTheDialect(t *testing.T) {
	for _, c := range []struct {
		key, op string
		d       Dialect
		want    string
	}{
		{"no such library", "INSERT", Postgres, PqCopy},
		{DatabaseSQL.Key, "DELETE", MySQL, fixes[MySQL].set},
		{Sqlx.Key, "UPDATE", MySQL, fixes[MySQL].set},
		{Sqlx.Key, "INSERT", MySQL, Sqlx.BatchedInsert},
		{DatabaseSQL.Key, "", Postgres, neutral},
		{Pgx.Key, "", UnknownDialect, Pgx.BatchedAny},
		{Bun.Key, "UPDATE", UnknownDialect, Bun.BatchedUpdate},
		{Pgx.Key, "DELETE", UnknownDialect, Pgx.BatchedSet},
		{Gorm.Key, "INSERT", SQLite, SQLiteBatched},
	} {
		if got := Batched(c.key, c.op, c.d); got != c.want {
			t.Errorf("Batched(%s, %q, %d) = %q, want %q", c.key, c.op, c.d, got, c.want)
		}
	}
}

func TestDialectOf(t *testing.T) {
	for _, c := range []struct {
		imports []string
		want    Dialect
	}{
		{[]string{"database/sql", "github.com/go-sql-driver/mysql"}, MySQL},
		{[]string{"github.com/jackc/pgx/v5/stdlib"}, Postgres},
		{[]string{"github.com/lib/pq"}, Postgres},
		{[]string{"github.com/mattn/go-sqlite3"}, SQLite},
		{[]string{"github.com/ncruces/go-sqlite3/driver"}, SQLite},
		{nil, UnknownDialect},
		// Packages of a database's library that are not its driver.
		{[]string{"modernc.org/sqlite/lib"}, UnknownDialect},
		{[]string{"github.com/jackc/pgx/v5/pgtype"}, UnknownDialect},
		{[]string{"modernc.org/sqlite", "modernc.org/sqlite/lib"}, SQLite},
		// Two databases' packages: either may run the file's SQL.
		{[]string{"github.com/mattn/go-sqlite3", "github.com/go-sql-driver/mysql"}, UnknownDialect},
		{[]string{"modernc.org/sqlite", "github.com/jackc/pgx/v5/pgconn"}, UnknownDialect},
		{[]string{"github.com/lib/pq", "github.com/microsoft/go-mssqldb"}, UnknownDialect},
	} {
		if got := DialectOf(c.imports); got != c.want {
			t.Errorf("DialectOf(%q) = %d, want %d", c.imports, got, c.want)
		}
	}
}
