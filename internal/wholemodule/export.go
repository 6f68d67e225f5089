// Package wholemodule is the standalone command's whole-module step: a call
// through an interface of the program, made once per element of a loop, is a
// per-row write when every implementation of the interface in the analysed
// packages writes one row per call. The implementations usually live in a
// package the caller does not import, so no single package's run sees both:
// each run exports its interface calls in per-element loops, its types'
// method sets and its methods' writes (Collect), and the command combines
// them after go vet (Combine).
//
// An export travels as a diagnostic of the analyzer with Category set to
// Category, in go vet's own JSON output: go vet caches that output with the
// package's other results, so an unchanged package is not analysed again
// and still hands over its export.
package wholemodule

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/passes/directives"
	"github.com/batchlint/batchlint/passes/loops"
	"github.com/batchlint/batchlint/passes/sinks"
)

// FlagName is the analyzers' flag that turns the export on.
const FlagName = "module-export"

// Category marks the diagnostics that carry an export.
const Category = "batchlint-module-export"

// Render words the step's findings for one analyzer. Message returns the
// finding's message and category for call c, whose implementations write f,
// or ok false when the analyzer would not report such a write. Writes
// describes an implementation fn that writes f, for a related position.
type Render struct {
	Message func(c Call, f *sinks.WriteFact) (msg, category string, ok bool)
	Writes  func(fn string, f *sinks.WriteFact) string
}

type registration struct {
	kind   sinks.Kind
	export bool
	render Render
}

var registered = map[string]*registration{}

// Register makes a take part in the step for the writes of kind: it defines
// a's -module-export flag, which the standalone command sets.
func Register(a *analysis.Analyzer, kind sinks.Kind, render Render) {
	r := &registration{kind: kind, render: render}
	a.Flags.BoolVar(&r.export, FlagName, false, "export calls through interfaces and the package's implementations for the standalone command's whole-module step (set by the command)")
	registered[a.Name] = r
}

// Export is what one package's run hands to the step.
type Export struct {
	Analyzer, Package string
	// Ifaces holds the method sets of the interfaces Calls and Methods
	// name, by key ("example.com/app/repo.Store"): method key to signature.
	Ifaces  map[string]map[string]string
	Calls   []Call
	Types   []Type
	Methods []Method
}

// Ref names an interface method: the interface's key and the method's key.
type Ref struct{ Iface, Method string }

// Call is a call of an interface method made once per element of a loop.
type Call struct {
	Ref
	Name      string // "(repo.Store).Save", for messages
	Posn, End string
	Loop      Posn
	Over      string // what the loop iterates over, "" when unknown
	Launched  bool   // the call runs in a goroutine launched per element
}

// Posn is a source range with a message, as go vet prints related positions.
type Posn struct{ Posn, End, Message string }

// Type is a named non-interface type of a non-test file, with the methods
// of its pointer's method set.
type Type struct {
	Name    string
	Generic bool // its methods' signatures name type parameters
	Methods map[string]MethodOf
}

// MethodOf is one method of a type: its signature and the function that
// runs, or, for a method promoted from an embedded interface, that
// interface's method.
type MethodOf struct {
	Sig      string
	Func     string
	Delegate *Ref `json:",omitempty"`
}

// Method is a method that writes one record on every call, or that calls
// interface methods once on every call (a tracing or caching decorator, a
// service over a repository): it writes when one of those does.
type Method struct {
	Func      string
	Posn      string
	Write     *sinks.WriteFact `json:",omitempty"`
	Delegates []Ref            `json:",omitempty"`
}

// Collect runs in each package's run of an analyzer that Registered: it
// marks the directives on the calls the step may report as used, and
// reports the package's export when the flag is set. rep is the analyzer's
// Reporter, so that calls in test code or under a directive are left out.
func Collect(pass *analysis.Pass, rep *directives.Reporter, writes *sinks.Result, lr *loops.Result) error {
	reg := registered[pass.Analyzer.Name]
	if reg == nil || writes == nil || lr == nil || pass.Pkg == nil || len(pass.Files) == 0 || (!reg.export && !rep.Named()) {
		return nil
	}
	e := &Export{Analyzer: pass.Analyzer.Name, Package: pass.Pkg.Path(), Ifaces: map[string]map[string]string{}}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if c, ok := perElement(pass, e, rep, writes, lr, call); ok {
					e.Calls = append(e.Calls, c)
				}
			}
			return true
		})
	}
	if !reg.export {
		return nil
	}
	// Even an empty export says that the package was analysed: the
	// interfaces of a package that only declares them count.
	e.Types, e.Methods = typesOf(pass, e, reg.kind, writes)
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: Category, Message: string(data)})
	return nil
}

// perElement returns call as a Call when it calls an interface method once
// per element of a loop with the element's values, and no table or
// directive has settled it.
func perElement(pass *analysis.Pass, e *Export, rep *directives.Reporter, writes *sinks.Result, lr *loops.Result, call *ast.CallExpr) (Call, bool) {
	named, fn := ifaceCall(pass, call)
	if named == nil || writes.At(call) != nil || writes.Owned(call) {
		return Call{}, false
	}
	l := lr.PerIteration(call)
	if l == nil || l.Node == nil || searched(pass.TypesInfo, l, call) || receives(pass.TypesInfo, l) {
		return Call{}, false
	}
	// The receiver may be the element itself (item.Save(ctx)): Via makes
	// DataVaries count it.
	probe := &sinks.Write{Call: call, Via: &sinks.Via{}}
	if !writes.DataVaries(probe, l.Node) || writes.Job(probe, l) || rep.Drops(call.Pos()) {
		return Call{}, false
	}
	ref := e.ref(named, fn)
	loopMsg := "the loop"
	if l.Over != "" {
		loopMsg = "loop over " + l.Over
	}
	end := l.Node.End()
	if l.Body != nil && l.Body.Lbrace > l.Node.Pos() {
		end = l.Body.Lbrace
	}
	return Call{
		Ref:      ref,
		Name:     sinks.FuncName("(" + ref.Iface + ")." + fn.Name()),
		Posn:     posn(pass.Fset, call.Pos()),
		End:      posn(pass.Fset, call.End()),
		Loop:     Posn{posn(pass.Fset, l.Node.Pos()), posn(pass.Fset, end), loopMsg},
		Over:     l.Over,
		Launched: lr.Launched(call),
	}, true
}

// searched reports that call runs only for the elements equal to a value
// the loop does not change: it sits in the body of an if whose condition
// compares, with ==, something computed in the loop with a variable from
// outside it (if t.ID == id). That loop is a search, which writes for the
// match, not for every element. A comparison with a constant
// (t.Status == "done") filters the elements and does not count.
func searched(info *types.Info, l *loops.Loop, call *ast.CallExpr) bool {
	if l.Body == nil {
		return false
	}
	found := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() > call.Pos() || n.End() < call.End() {
			return false
		}
		if is, ok := n.(*ast.IfStmt); ok && is.Body.Pos() <= call.Pos() && call.End() <= is.Body.End() {
			found = lookup(info, l.Node, is.Cond)
		}
		return true
	})
	return found
}

// receives reports that l is driven by a channel: a range over one, or a
// loop whose body receives at its top level (message := <-ch, a select).
// Its elements are events arriving at the sender's pace, and what runs per
// event may have to run per event (a message stored, then pushed to
// clients with its id); unlike a call the tables know, a call through an
// interface does not say which.
func receives(info *types.Info, l *loops.Loop) bool {
	if rs, ok := l.Node.(*ast.RangeStmt); ok {
		if t := info.TypeOf(rs.X); t != nil {
			if _, ok := t.Underlying().(*types.Chan); ok {
				return true
			}
		}
	}
	if l.Body == nil {
		return false
	}
	for _, st := range l.Body.List {
		switch st := st.(type) {
		case *ast.SelectStmt:
			return true
		case *ast.AssignStmt:
			for _, r := range st.Rhs {
				if u, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					return true
				}
			}
		}
	}
	return false
}

// lookup reports that cond, or a conjunct of it, is x == y with one side
// using a variable declared in loop and the other a variable declared
// outside it.
func lookup(info *types.Info, loop ast.Node, cond ast.Expr) bool {
	c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	switch {
	case !ok:
		return false
	case c.Op == token.LAND:
		return lookup(info, loop, c.X) || lookup(info, loop, c.Y)
	case c.Op != token.EQL:
		return false
	}
	xIn, xOut := varsIn(info, loop, c.X)
	yIn, yOut := varsIn(info, loop, c.Y)
	return xIn && !yIn && yOut || yIn && !xIn && xOut
}

// varsIn reports whether e uses a variable declared inside loop, and one
// declared outside it.
func varsIn(info *types.Info, loop ast.Node, e ast.Expr) (in, out bool) {
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() {
				if loop.Pos() <= v.Pos() && v.Pos() < loop.End() {
					in = true
				} else {
					out = true
				}
			}
		}
		return true
	})
	return in, out
}

// ifaceCall returns the interface and the method call calls, when it goes
// through a value of an interface of the analysed module (see ownIface).
func ifaceCall(pass *analysis.Pass, call *ast.CallExpr) (*types.Named, *types.Func) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	s := pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil, nil
	}
	named, ok := types.Unalias(s.Recv()).(*types.Named)
	if !ok || !ownIface(pass, named) {
		return nil, nil
	}
	return named, s.Obj().(*types.Func)
}

// ownIface reports whether named is a non-generic interface declared at
// package level in the module being analysed: the interfaces of the
// standard library and of dependencies have implementations the step
// cannot see.
func ownIface(pass *analysis.Pass, named *types.Named) bool {
	obj := named.Obj()
	if !types.IsInterface(named) || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || named.TypeParams().Len() > 0 {
		return false
	}
	if pass.Module == nil || pass.Module.Path == "" {
		return true
	}
	p := obj.Pkg().Path()
	return p == pass.Module.Path || strings.HasPrefix(p, pass.Module.Path+"/")
}

// ref is the Ref of method m of the interface named; it records the
// interface's method set.
func (e *Export) ref(named *types.Named, m *types.Func) Ref {
	obj := named.Obj()
	key := obj.Pkg().Path() + "." + obj.Name()
	if e.Ifaces[key] == nil {
		it := named.Underlying().(*types.Interface)
		set := map[string]string{}
		for i := range it.NumMethods() {
			set[methodKey(it.Method(i))] = sigString(it.Method(i).Signature())
		}
		e.Ifaces[key] = set
	}
	return Ref{Iface: key, Method: methodKey(m)}
}

// typesOf lists the package's named types with their method sets, and its
// methods that write records of kind, or call interface methods, once per
// call. Types of _test.go files are test doubles and left out.
func typesOf(pass *analysis.Pass, e *Export, kind sinks.Kind, writes *sinks.Result) ([]Type, []Method) {
	var ts []Type
	var ms []Method
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if ts0, ok := spec.(*ast.TypeSpec); ok {
						if t, ok := typeOf(pass, e, ts0); ok {
							ts = append(ts, t)
						}
					}
				}
			case *ast.FuncDecl:
				if m, ok := methodOf(pass, e, kind, writes, d); ok {
					ms = append(ms, m)
				}
			}
		}
	}
	return ts, ms
}

func typeOf(pass *analysis.Pass, e *Export, spec *ast.TypeSpec) (Type, bool) {
	tn, ok := pass.TypesInfo.Defs[spec.Name].(*types.TypeName)
	if !ok || tn.IsAlias() || tn.Parent() != pass.Pkg.Scope() || types.IsInterface(tn.Type()) {
		return Type{}, false
	}
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return Type{}, false
	}
	mset := types.NewMethodSet(types.NewPointer(named))
	if mset.Len() == 0 {
		return Type{}, false
	}
	t := Type{Name: pass.Pkg.Path() + "." + tn.Name(), Generic: named.TypeParams().Len() > 0, Methods: map[string]MethodOf{}}
	for sel := range mset.Methods() {
		fn := sel.Obj().(*types.Func)
		mo := MethodOf{Sig: sigString(sel.Type().(*types.Signature)), Func: fn.Origin().FullName()}
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			// Promoted from an embedded interface: whatever value the
			// field holds runs.
			mo.Func = ""
			if n, ok := types.Unalias(recv.Type()).(*types.Named); ok && ownIface(pass, n) {
				ref := e.ref(n, fn)
				mo.Delegate = &ref
			}
		}
		t.Methods[methodKey(fn)] = mo
	}
	return t, true
}

func methodOf(pass *analysis.Pass, e *Export, kind sinks.Kind, writes *sinks.Result, fd *ast.FuncDecl) (Method, bool) {
	fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || fd.Recv == nil || fd.Body == nil {
		return Method{}, false
	}
	m := Method{Func: fn.FullName(), Posn: posn(pass.Fset, fd.Name.Pos())}
	if f := writes.Summary(fn); f != nil && f.Kind == kind {
		m.Write = f
	}
	for _, call := range writes.OnceCalls(fd.Body, func(c *ast.CallExpr) bool {
		named, _ := ifaceCall(pass, c)
		return named != nil
	}) {
		m.Delegates = append(m.Delegates, e.ref(ifaceCall(pass, call)))
	}
	return m, m.Write != nil || len(m.Delegates) > 0
}

// methodKey names a method within a method set: an unexported name is
// qualified by its package, as the language does.
func methodKey(m *types.Func) string {
	if m.Exported() || m.Pkg() == nil {
		return m.Name()
	}
	return m.Pkg().Path() + "." + m.Name()
}

// sigString prints a signature without its parameters' names and aliases,
// with package paths in full, so that an interface's method and an
// implementation's print alike in any package when their types are
// identical (any and interface{} alike).
func sigString(sig *types.Signature) string {
	return types.TypeString(resolved(sig), nil)
}

// resolved replaces aliases by the types they stand for, through the
// composite types signatures are made of, and drops parameter names.
func resolved(t types.Type) types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return types.NewPointer(resolved(t.Elem()))
	case *types.Slice:
		return types.NewSlice(resolved(t.Elem()))
	case *types.Array:
		return types.NewArray(resolved(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(resolved(t.Key()), resolved(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), resolved(t.Elem()))
	case *types.Signature:
		tuple := func(tu *types.Tuple) *types.Tuple {
			vars := make([]*types.Var, tu.Len())
			for i := range vars {
				vars[i] = types.NewParam(token.NoPos, nil, "", resolved(tu.At(i).Type()))
			}
			return types.NewTuple(vars...)
		}
		return types.NewSignatureType(nil, nil, nil, tuple(t.Params()), tuple(t.Results()), t.Variadic())
	default:
		return t
	}
}

func posn(fset *token.FileSet, pos token.Pos) string { return fset.Position(pos).String() }
