package asyncproduce

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/producers"
)

// uses is what the package does with each producer it constructs.
type uses struct {
	// methods holds the uses of each method called or taken on the
	// producer: any use of a result channel counts as reading it.
	methods map[*producers.Producer]map[string][]methodUse
	// escaped: the producer reaches code this pass cannot see (a callee
	// with no fact for it, an exported field or variable, an exported
	// function's result), which may read its channels.
	escaped map[*producers.Producer]bool
	// leaves: code outside the package can reach the producer (and set
	// what it likes on it).
	leaves map[*producers.Producer]bool
	// unused: the construction's result is discarded.
	unused map[*producers.Producer]bool
	// nilCalls are the producing calls that ask for no result.
	nilCalls map[*producers.Producer][]*ast.CallExpr
}

func findUses(pass *analysis.Pass, ins *inspector.Inspector, res *producers.Result, ps *params) *uses {
	u := &uses{
		methods:  map[*producers.Producer]map[string][]methodUse{},
		escaped:  map[*producers.Producer]bool{},
		leaves:   map[*producers.Producer]bool{},
		unused:   map[*producers.Producer]bool{},
		nilCalls: map[*producers.Producer][]*ast.CallExpr{},
	}
	info := pass.TypesInfo
	add := func(p *producers.Producer, name string, m methodUse) {
		if u.methods[p] == nil {
			u.methods[p] = map[string][]methodUse{}
		}
		u.methods[p][name] = append(u.methods[p][name], m)
	}
	// Every expression that may name a producer: names, fields, helper
	// calls and constructions, writer literals.
	kinds := []ast.Node{(*ast.Ident)(nil), (*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.CompositeLit)(nil)}
	ins.WithStack(kinds, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if p, ok := nilArgCall(info, res, call); ok {
				u.nilCalls[p] = append(u.nilCalls[p], call)
			}
		}
		p := res.Of(n.(ast.Expr))
		if p == nil {
			return true
		}
		e, i := climbParens(stack)
		if i < 0 {
			return true
		}
		// An argument: the callee's fact says what it does with it.
		if call, ok := stack[i].(*ast.CallExpr); ok && argIndex(call, e) >= 0 {
			ms, ok := ps.argUse(call, argIndex(call, e))
			if !ok {
				u.escaped[p] = true
			}
			for _, name := range ms {
				add(p, name, methodAt(stack[:i+1]))
			}
			return true
		}
		switch use(info, res, p, e, stack[i], stack[:i]) {
		case drops:
			// A construction whose result is discarded makes a producer
			// nothing uses.
			u.unused[p] = u.unused[p] || e == p.Site
		case leaves:
			u.leaves[p] = true
			u.escaped[p] = true
		case escapes:
			u.escaped[p] = true
		case reads:
			add(p, stack[i].(*ast.SelectorExpr).Sel.Name, methodAt(stack[:i+1]))
		}
		return true
	})
	return u
}

// methodUse is where a method of a producer is used.
type methodUse struct {
	fn   *ast.FuncDecl // the outermost function, or nil
	loop bool          // inside a for or range statement
	// checked: its result is used, not dropped or deferred.
	checked bool
}

// methodAt describes the use of the method selected at the top of stack.
func methodAt(stack []ast.Node) methodUse {
	var m methodUse
	for _, n := range stack {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if m.fn == nil {
				m.fn = n
			}
		case *ast.ForStmt, *ast.RangeStmt:
			m.loop = true
		}
	}
	if i := len(stack) - 2; i >= 1 {
		if call, ok := stack[i].(*ast.CallExpr); ok && call.Fun == stack[i+1] {
			switch par := stack[i-1].(type) {
			case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
			case *ast.AssignStmt:
				for _, l := range par.Lhs {
					if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
						m.checked = true
					}
				}
			default:
				m.checked = true
			}
		}
	}
	return m
}

type useKind int

const (
	neutral useKind = iota
	reads
	escapes // to code this pass cannot see
	leaves  // to code outside the package
	drops   // discards the value
)

// use classifies how parent uses e, an expression or a name that holds p.
func use(info *types.Info, res *producers.Result, p *producers.Producer, e, parent ast.Node, outer []ast.Node) useKind {
	switch par := parent.(type) {
	case *ast.SelectorExpr:
		if par.X == e {
			return reads
		}
		return neutral // the name of a field: its selector is a use of its own
	case *ast.AssignStmt:
		for i, r := range par.Rhs {
			if r != e {
				continue
			}
			if len(par.Rhs) == 1 {
				i = 0
			}
			if i < len(par.Lhs) {
				return holds(info, res, p, par.Lhs[i])
			}
			return escapes
		}
		return neutral // assigned to
	case *ast.ValueSpec:
		for i, v := range par.Values {
			if v == e && len(par.Names) <= i {
				return escapes
			}
			if v == e {
				return holds(info, res, p, par.Names[i])
			}
		}
		return neutral
	case *ast.KeyValueExpr:
		if par.Value == e {
			return holds(info, res, p, par.Key)
		}
		return neutral
	case *ast.ReturnStmt:
		// bind follows results of this package's unexported functions to
		// their calls; other functions hand the producer out.
		for j := len(outer) - 1; j >= 0; j-- {
			switch f := outer[j].(type) {
			case *ast.FuncLit:
				return escapes
			case *ast.FuncDecl:
				switch {
				case f.Name.IsExported():
					return leaves
				case len(par.Results) > 0 && par.Results[0] == e:
					return neutral
				}
				return escapes
			}
		}
		return escapes
	case *ast.ExprStmt:
		return drops
	case *ast.FuncDecl, *ast.Field, *ast.BinaryExpr, *ast.DeferStmt, *ast.GoStmt:
		// A declaration, a nil check.
		return neutral
	}
	return escapes
}

// holds classifies assigning p to l: neutral when l is a variable or field
// that Of follows and that code outside the package cannot reach, leaves
// when that code can.
func holds(info *types.Info, res *producers.Result, p *producers.Producer, l ast.Expr) useKind {
	if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name == "_" {
		return drops
	}
	if res.Of(l) != p {
		return escapes
	}
	var obj types.Object
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		obj = info.ObjectOf(l)
	case *ast.SelectorExpr:
		obj = info.ObjectOf(l.Sel)
	}
	v, ok := obj.(*types.Var)
	switch {
	case !ok:
		return escapes
	case v.Exported() && (v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()):
		return leaves
	}
	return neutral
}

// nilArgCall matches a producing call that asks for no result, and the
// producer it is called on.
func nilArgCall(info *types.Info, res *producers.Result, call *ast.CallExpr) (*producers.Producer, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	fn := callee.Func(info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	lib := knowledge.KafkaOf(fn.Pkg().Path())
	if lib == nil || lib.Kafka.Outcomes == nil {
		return nil, false
	}
	k := callee.Key(fn)
	for _, m := range lib.Kafka.Outcomes.NilArg {
		if m.Recv == k.Recv && m.Name == k.Name && m.Arg < len(call.Args) && info.Types[call.Args[m.Arg]].IsNil() {
			if p := res.Of(sel.X); p != nil {
				return p, true
			}
		}
	}
	return nil, false
}
