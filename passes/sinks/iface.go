package sinks

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// throughInterface applies a library method's rule to a call of a method of
// the program's own interface (a Database or Producer interface declared so
// that tests can fake it) when a library type the tables name implements the
// whole interface with that very method, and the method's signature names a
// type of the library: the interface was declared for that library, and the
// library's value is what runs in production. An interface no library type
// implements, or whose methods name no library type (an io.Writer-like
// Write([]byte) (int, error), which segmentio's Conn satisfies too), stays
// unknown. Whether such a call runs in a transaction is unknown unless the
// value behind the interface is seen.
func (idx *ruleIndex) throughInterface(c *Context, fn *types.Func, call *ast.CallExpr) (w *Write, owned bool) {
	if !callee.Abstract(fn) || fn.Pkg() == nil || idx.pkgs[callee.TrimVendor(fn.Pkg().Path())] {
		return nil, false
	}
	iface := interfaceAt(c.Pass.TypesInfo, fn, call)
	if iface == nil {
		return nil, false
	}
	sig, _ := fn.Type().(*types.Signature)
	for _, r := range idx.byMethod[fn.Name()] {
		m := c.libraryMethod(r, iface)
		if m == nil || !namesLibraryType(sig, r.Lib) {
			continue
		}
		owned = true
		c.via = m
		w = r.apply(c, call)
		c.via = nil
		if w != nil {
			return w, true
		}
	}
	return nil, owned
}

// interfaceAt is the interface a call of the interface method fn goes
// through: the static type of its receiver, or, for a struct embedding the
// interface, the interface that declares fn.
func interfaceAt(info *types.Info, fn *types.Func, call *ast.CallExpr) *types.Interface {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if it, ok := s.Recv().Underlying().(*types.Interface); ok {
				if _, isParam := types.Unalias(s.Recv()).(*types.TypeParam); !isParam {
					return it
				}
				return nil
			}
		}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	if n, ok := types.Unalias(sig.Recv().Type()).(*types.Named); ok && n.TypeParams().Len() > 0 {
		return nil
	}
	it, _ := sig.Recv().Type().Underlying().(*types.Interface)
	return it
}

// libraryMethod returns the method of rule r's library type that a value
// behind iface runs, when that type (or a pointer to it) implements iface and
// declares the method itself; else nil.
func (c *Context) libraryMethod(r *Rule, iface *types.Interface) *types.Func {
	pkg := c.imported(r.Pkg)
	if pkg == nil {
		return nil
	}
	tn, ok := pkg.Scope().Lookup(r.Type).(*types.TypeName)
	if !ok {
		return nil
	}
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	if !types.Implements(t, iface) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, r.Name)
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if k := callee.Key(m); k.Pkg != r.Pkg || k.Recv != r.Type {
		return nil
	}
	return m
}

// imported returns the package with import path path (vendored or not)
// among the package's transitive imports, or nil.
func (c *Context) imported(path string) *types.Package {
	if c.deps == nil {
		c.deps = map[string]*types.Package{}
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			for _, d := range p.Imports() {
				k := callee.TrimVendor(d.Path())
				if c.deps[k] == nil {
					c.deps[k] = d
					walk(d)
				}
			}
		}
		if c.Pass.Pkg != nil {
			walk(c.Pass.Pkg)
		}
	}
	return c.deps[path]
}

// namesLibraryType reports whether a parameter or result of sig mentions a
// named type of library key's packages.
func namesLibraryType(sig *types.Signature, key string) bool {
	l := knowledge.Lookup(key)
	if sig == nil || l == nil {
		return false
	}
	var mentions func(t types.Type) bool
	mentions = func(t types.Type) bool {
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			return t.Obj().Pkg() != nil && slices.Contains(l.Paths, callee.TrimVendor(t.Obj().Pkg().Path()))
		case *types.Pointer:
			return mentions(t.Elem())
		case *types.Slice:
			return mentions(t.Elem())
		case *types.Array:
			return mentions(t.Elem())
		case *types.Chan:
			return mentions(t.Elem())
		case *types.Map:
			return mentions(t.Key()) || mentions(t.Elem())
		}
		return false
	}
	for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tuple.Variables() {
			if mentions(v.Type()) {
				return true
			}
		}
	}
	return false
}

// callee is the function a rule's call runs: the library method a call
// through the program's interface stands for, while its rule is applied.
func (c *Context) callee(call *ast.CallExpr) *types.Func {
	if c.via != nil {
		return c.via
	}
	return callee.Func(c.Pass.TypesInfo, call)
}
