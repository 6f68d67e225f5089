package values

import (
	"go/ast"
	"go/token"
	"go/types"
)

// WriteKind says what a write gives its target.
type WriteKind int

const (
	// Assigned: the value of Expr (result Idx of a multi-value call).
	Assigned WriteKind = iota
	// Zero: a declaration without a value (var x T).
	Zero
	// Param: a parameter or named result, which its callers give.
	Param
	// Changed: a value the text does not show: op=, ++, a range
	// variable, an address taken (&x, &x.f).
	Changed
)

// A Write is one place a package's code gives a variable or a struct field
// a value.
type Write struct {
	Kind WriteKind
	// Target is what is written, unparenthesised: an identifier, a field
	// selection (x.f), an index or dereference, or the key of a struct
	// literal's element (nil for a positional element).
	Target ast.Expr
	Expr   ast.Expr // Assigned: the value
	Idx    int      // Assigned: the result of a multi-value call, -1 for a single value
	// Node makes the write: an *ast.AssignStmt, *ast.ValueSpec,
	// *ast.IncDecStmt, *ast.RangeStmt, *ast.UnaryExpr (&), *ast.FuncType
	// or *ast.CompositeLit.
	Node ast.Node
}

// Index lists the writes of one package's code, flow-insensitively: every
// assignment, declaration, ++, range variable, address taken, parameter
// and struct literal element, by the variable or field written. It is the
// shared ground of the resolvers that follow a variable to its values.
type Index struct {
	info *types.Info
	// All holds every write, in source order.
	All    []Write
	vars   map[*types.Var][]int
	fields map[*types.Var][]int
	calls  map[*types.Var][]token.Pos
}

// NewIndex indexes the writes of files.
func NewIndex(info *types.Info, files []*ast.File) *Index {
	x := &Index{info: info, vars: map[*types.Var][]int{}, fields: map[*types.Var][]int{}, calls: map[*types.Var][]token.Pos{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					switch {
					case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
						x.add(Write{Kind: Changed, Target: l, Node: n})
					case len(n.Lhs) == len(n.Rhs):
						x.add(Write{Target: l, Expr: n.Rhs[i], Idx: -1, Node: n})
					case len(n.Rhs) == 1:
						x.add(Write{Target: l, Expr: n.Rhs[0], Idx: i, Node: n})
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					switch {
					case len(n.Values) == len(n.Names):
						x.add(Write{Target: name, Expr: n.Values[i], Idx: -1, Node: n})
					case len(n.Values) == 1:
						x.add(Write{Target: name, Expr: n.Values[0], Idx: i, Node: n})
					case len(n.Values) == 0:
						x.add(Write{Kind: Zero, Target: name, Node: n})
					}
				}
			case *ast.IncDecStmt:
				x.add(Write{Kind: Changed, Target: n.X, Node: n})
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						x.add(Write{Kind: Changed, Target: e, Node: n})
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					x.add(Write{Kind: Changed, Target: n.X, Node: n})
				}
			case *ast.FuncType:
				for _, fl := range []*ast.FieldList{n.Params, n.Results} {
					if fl == nil {
						continue
					}
					for _, f := range fl.List {
						for _, name := range f.Names {
							x.add(Write{Kind: Param, Target: name, Node: n})
						}
					}
				}
			case *ast.CompositeLit:
				x.literal(n)
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
						if v := RootVar(info, sel.X); v != nil {
							x.calls[v] = append(x.calls[v], n.Pos())
						}
					}
				}
			}
			return true
		})
	}
	return x
}

// add records w under the variable or field it writes.
func (x *Index) add(w Write) {
	if w.Target != nil {
		w.Target = ast.Unparen(w.Target)
	}
	i := len(x.All)
	x.All = append(x.All, w)
	switch t := w.Target.(type) {
	case *ast.Ident:
		if v, ok := x.info.ObjectOf(t).(*types.Var); ok && !v.IsField() {
			x.vars[v] = append(x.vars[v], i)
		}
	case *ast.SelectorExpr:
		if s := x.info.Selections[t]; s != nil && s.Kind() == types.FieldVal {
			if f, ok := s.Obj().(*types.Var); ok {
				x.fields[f] = append(x.fields[f], i)
			}
		}
	}
}

// literal records the elements of a struct composite literal as writes of
// its fields.
func (x *Index) literal(lit *ast.CompositeLit) {
	t := x.info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var f *types.Var
		w := Write{Expr: elt, Idx: -1, Node: lit}
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if f, ok = x.info.ObjectOf(id).(*types.Var); !ok || !f.IsField() {
				continue
			}
			w.Target, w.Expr = id, kv.Value
		} else if i < s.NumFields() {
			f = s.Field(i)
		} else {
			continue
		}
		x.fields[f] = append(x.fields[f], len(x.All))
		x.All = append(x.All, w)
	}
}

// Of returns the writes of the variable v, in source order.
func (x *Index) Of(v *types.Var) []Write { return x.pick(x.vars[v]) }

// OfField returns the writes of the struct field f, through any value of
// its struct type, in source order.
func (x *Index) OfField(f *types.Var) []Write { return x.pick(x.fields[f]) }

// MethodCalls returns where a method is called on v or on a part of it
// (v.M(), v.f.M()): the method may change it.
func (x *Index) MethodCalls(v *types.Var) []token.Pos { return x.calls[v] }

func (x *Index) pick(is []int) []Write {
	ws := make([]Write, len(is))
	for j, i := range is {
		ws[j] = x.All[i]
	}
	return ws
}
