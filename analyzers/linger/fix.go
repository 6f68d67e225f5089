package linger

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// timeImport returns the name under which package time is visible at pos,
// and the edit that imports it when file does not. ok is false when "time"
// at pos would resolve to something other than the package.
func timeImport(pass *analysis.Pass, file *ast.File, pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || path != "time" {
			continue
		}
		name = "time"
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name == "_" || name == "." {
			return "", nil, false
		}
		return name, nil, resolvesToTime(pass, pos, name)
	}
	if scope := innermost(pass, pos); scope != nil {
		if _, obj := scope.LookupParent("time", pos); obj != nil {
			return "", nil, false
		}
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			// Standard library imports come first, in a group of their own.
			text := "\n\t\"time\""
			if len(gd.Specs) > 0 && !isStd(gd.Specs[0]) {
				text += "\n"
			}
			return "time", []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte(text)}}, true
		}
		return "time", []analysis.TextEdit{{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport \"time\"")}}, true
	}
	end := file.Name.End()
	return "time", []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n\nimport \"time\"")}}, true
}

func resolvesToTime(pass *analysis.Pass, pos token.Pos, name string) bool {
	scope := innermost(pass, pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "time"
}

func innermost(pass *analysis.Pass, pos token.Pos) *types.Scope {
	if pass.Pkg == nil {
		return nil
	}
	return pass.Pkg.Scope().Innermost(pos)
}

func isStd(spec ast.Spec) bool {
	is, ok := spec.(*ast.ImportSpec)
	if !ok {
		return false
	}
	path, err := strconv.Unquote(is.Path.Value)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
