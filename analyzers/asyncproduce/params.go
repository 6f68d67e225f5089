package asyncproduce

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// ParamsFact says what a function does with its parameters whose type is a
// Kafka producer's with result channels: the methods it calls or takes on each, and whether it may
// do more (store it, return it, hand it to code not followed). A producer
// passed to such a parameter is followed into the callee, in this package
// or another.
type ParamsFact struct{ Params []ParamUse }

// ParamUse is what a function does with its Index'th parameter.
type ParamUse struct {
	Index   int
	Methods []string // sorted
	Escapes bool
}

func (*ParamsFact) AFact() {}

func (f *ParamsFact) String() string {
	var parts []string
	for _, p := range f.Params {
		s := strconv.Itoa(p.Index) + ":" + strings.Join(p.Methods, ",")
		if p.Escapes {
			s += " escapes"
		}
		parts = append(parts, s)
	}
	return "params " + strings.Join(parts, " ")
}

// params computes and imports ParamsFacts.
type params struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Func]*ParamsFact
}

func newParams(pass *analysis.Pass) *params {
	ps := &params{pass: pass, decls: map[*types.Func]*ast.FuncDecl{}, memo: map[*types.Func]*ParamsFact{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					ps.decls[fn] = fd
				}
			}
		}
	}
	return ps
}

// export records the facts of the package's functions.
func (ps *params) export() {
	for fn := range ps.decls {
		if f := ps.factOf(fn); f != nil {
			ps.pass.ExportObjectFact(fn, f)
		}
	}
}

// argUse returns the methods the callee of call uses on its index'th
// argument, or false when it may do anything else with it.
func (ps *params) argUse(call *ast.CallExpr, index int) ([]string, bool) {
	fn := callee.Static(ps.pass.TypesInfo, call)
	if fn == nil {
		return nil, false
	}
	f := ps.factOf(fn)
	if f == nil {
		return nil, false
	}
	for _, p := range f.Params {
		if p.Index == index && !p.Escapes {
			return p.Methods, true
		}
	}
	return nil, false
}

func (ps *params) factOf(fn *types.Func) *ParamsFact {
	if fn.Pkg() != ps.pass.Pkg {
		var f ParamsFact
		if ps.pass.ImportObjectFact(fn, &f) {
			return &f
		}
		return nil
	}
	if f, ok := ps.memo[fn]; ok {
		return f // nil while it is being computed: a recursive call is not followed
	}
	ps.memo[fn] = nil
	f := ps.compute(fn)
	ps.memo[fn] = f
	return f
}

func (ps *params) compute(fn *types.Func) *ParamsFact {
	decl := ps.decls[fn]
	sig, _ := fn.Type().(*types.Signature)
	if decl == nil || sig == nil {
		return nil
	}
	f := &ParamsFact{}
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 || !isClientType(v.Type()) {
			continue
		}
		f.Params = append(f.Params, ps.paramUse(decl.Body, v, i))
	}
	if len(f.Params) == 0 {
		return nil
	}
	return f
}

// paramUse follows v's uses in body.
func (ps *params) paramUse(body *ast.BlockStmt, v *types.Var, index int) ParamUse {
	pu := ParamUse{Index: index}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || ps.pass.TypesInfo.Uses[id] != v {
			return true
		}
		e, i := climbParens(stack)
		if i < 0 {
			pu.Escapes = true
			return true
		}
		switch par := stack[i].(type) {
		case *ast.SelectorExpr:
			pu.Methods = append(pu.Methods, par.Sel.Name)
		case *ast.CallExpr:
			ms, ok := ps.argUse(par, argIndex(par, e))
			pu.Methods = append(pu.Methods, ms...)
			pu.Escapes = pu.Escapes || !ok
		case *ast.BinaryExpr:
		default:
			pu.Escapes = true
		}
		return true
	})
	slices.Sort(pu.Methods)
	pu.Methods = slices.Compact(pu.Methods)
	return pu
}

// climbParens returns the outermost parenthesised form of the node at the
// top of stack and the index of its parent, or -1.
func climbParens(stack []ast.Node) (ast.Node, int) {
	e, i := stack[len(stack)-1], len(stack)-2
	for i >= 0 {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		e, i = stack[i], i-1
	}
	return e, i
}

// argIndex is the position of e among call's arguments, or -1.
func argIndex(call *ast.CallExpr, e ast.Node) int {
	for j, a := range call.Args {
		if a == e {
			return j
		}
	}
	return -1
}

// isClientType reports a named type, or a pointer to one, of a Kafka
// client's API package with a method returning a channel of results.
func isClientType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	lib := knowledge.KafkaOf(named.Obj().Pkg().Path())
	if lib == nil || lib.Kafka.Outcomes == nil {
		return false
	}
	for _, ch := range lib.Kafka.Outcomes.Channels {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, named.Obj().Pkg(), ch.Method); obj != nil {
			return true
		}
	}
	return false
}
