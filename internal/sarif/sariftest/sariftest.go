// Package sariftest validates SARIF logs in tests against the SARIF 2.1.0
// JSON schema that github.com/owenrumney/go-sarif/v3 embeds.
//
// go-sarif's own Report.Validate checks its Go structs after a round trip,
// which adds empty fields the schema rejects ("language": "") and drops the
// ones it does not model; this package checks the bytes as written.
package sariftest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	// The schema's source; imported so that the module is required.
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

const module = "github.com/owenrumney/go-sarif/v3"

var (
	once      sync.Once
	schema    *gojsonschema.Schema
	schemaErr error
)

// Validate checks data against the SARIF 2.1.0 schema.
func Validate(data []byte) error {
	once.Do(func() { schema, schemaErr = load() })
	if schemaErr != nil {
		return schemaErr
	}
	res, err := schema.Validate(gojsonschema.NewBytesLoader(data))
	if err != nil {
		return err
	}
	if !res.Valid() {
		var msgs []string
		for _, e := range res.Errors() {
			msgs = append(msgs, e.String())
		}
		return fmt.Errorf("SARIF 2.1.0 schema violations:\n%s", strings.Join(msgs, "\n"))
	}
	return nil
}

// load reads the schema constant from go-sarif's source in the module cache.
func load() (*gojsonschema.Schema, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		return nil, fmt.Errorf("locating %s: %v", module, err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return nil, err
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if name.Name != "schema" || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					continue
				}
				text, err := strconv.Unquote(lit.Value)
				if err != nil {
					return nil, err
				}
				return gojsonschema.NewSchema(gojsonschema.NewStringLoader(text))
			}
		}
	}
	return nil, fmt.Errorf("%s: no schema constant", file)
}
