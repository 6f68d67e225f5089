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
	for _, db := range allDatabases() {
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
	for _, f := range passFiles(t, fset) {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && names(s) {
					t.Errorf("%s names %q: read it from the registry", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
}

// passFiles parses the non-test Go files of the passes and the analyzers.
func passFiles(t *testing.T, fset *token.FileSet) []*ast.File {
	var files []*ast.File
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
			files = append(files, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Fatal("no files checked")
	}
	return files
}

// TestPassesReadNoLibraryEntry walks the passes and the analyzers and
// fails on any reference to an identifier that a library's file of the
// registry declares (its entry, its paths, its keys, its helpers): the
// passes implement shapes and read every entry through the generic API,
// which the registry's other files declare, so that adding a library
// touches only its entry.
func TestPassesReadNoLibraryEntry(t *testing.T) {
	fset := token.NewFileSet()
	perLibrary := map[string]string{} // identifier -> the file declaring it
	for name, f := range registryFiles(t, fset) {
		if len(libraryVars(f)) > 0 {
			for _, id := range exportedNames(f) {
				perLibrary[id] = name
			}
		}
	}
	// The set is built from the files, so check that it holds what it must.
	for _, id := range []string{"Gorm", "GormPath", "DatabaseSQL", "FranzGoKey", "SegmentioCompressPath"} {
		if perLibrary[id] == "" {
			t.Fatalf("knowledge.%s is not taken for a library's identifier", id)
		}
	}
	for _, f := range passFiles(t, fset) {
		local := ""
		for _, imp := range f.Imports {
			if imp.Path.Value == strconv.Quote("github.com/batchlint/batchlint/knowledge") {
				local = "knowledge"
				if imp.Name != nil {
					local = imp.Name.Name
				}
			}
		}
		if local == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == local && perLibrary[sel.Sel.Name] != "" {
				t.Errorf("%s refers to knowledge.%s, which %s declares: read it through the registry's generic API",
					fset.Position(sel.Pos()), sel.Sel.Name, perLibrary[sel.Sel.Name])
			}
			return true
		})
	}
}

// registryFiles parses the registry's non-test Go files, by name.
func registryFiles(t *testing.T, fset *token.FileSet) map[string]*ast.File {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	return files
}

// libraryVars are the Library variables a file declares.
func libraryVars(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, v := range vs.Values {
				if lit, ok := v.(*ast.CompositeLit); ok {
					if id, ok := lit.Type.(*ast.Ident); ok && id.Name == "Library" {
						names = append(names, vs.Names[i].Name)
					}
				}
			}
		}
	}
	return names
}

// exportedNames are the exported top-level names a file declares.
func exportedNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						names = append(names, s.Name.Name)
					}
				}
			}
		}
	}
	return names
}

// TestEveryEntryIsRegistered: each Library variable the registry's files
// declare is registered once, by its file's init.
func TestEveryEntryIsRegistered(t *testing.T) {
	declared := 0
	for _, f := range registryFiles(t, token.NewFileSet()) {
		declared += len(libraryVars(f))
	}
	seen := map[*Library]bool{}
	for _, l := range libraries {
		if seen[l] {
			t.Errorf("library %q is registered twice", l.Key)
		}
		seen[l] = true
	}
	if declared == 0 || len(seen) != declared {
		t.Errorf("%d libraries registered, %d declared", len(seen), declared)
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
