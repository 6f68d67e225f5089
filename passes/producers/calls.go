package producers

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
)

// A configuration often crosses a call inside the package: built by the
// caller and handed to a constructor helper as a parameter, or handed to a
// configure(cfg) helper that sets some fields. Both are followed only where
// every caller is in view: functions this package declares, unexported,
// used only by calls.

// paramState is the configuration parameter v of a function this package
// declares holds on entry: what every call of the function passes, or nil
// when a caller is not in view.
func (r *resolver) paramState(v *types.Var, sh shape, depth int) *state {
	if depth > maxDepth {
		return nil
	}
	fn, decl, idx := r.paramOf(v)
	if fn == nil || !r.callsOnly(fn) {
		return nil
	}
	var ids []*ast.Ident
	for id, obj := range r.pass.TypesInfo.Uses {
		if obj == fn {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.SortFunc(ids, func(a, b *ast.Ident) int { return int(a.Pos() - b.Pos()) })
	var out *state
	for _, id := range ids {
		call := r.callOf(id)
		if call == nil || call.Ellipsis.IsValid() || idx >= len(call.Args) || r.bodyAt(call.Pos()) == decl.Body {
			return nil // a recursive call passes what it was given
		}
		s := r.eval(call.Args[idx], sh, depth+1)
		if out == nil {
			out = s
		} else {
			out = merge(out, s)
		}
	}
	return out
}

// paramOf finds the function declaring parameter v and v's index, counting
// each name of the parameter list.
func (r *resolver) paramOf(v *types.Var) (*types.Func, *ast.FuncDecl, int) {
	for fn, decl := range r.funcs {
		if decl.Type.Params == nil || decl.Type.Params.Pos() > v.Pos() || v.Pos() > decl.Type.Params.End() {
			continue
		}
		i := 0
		for _, field := range decl.Type.Params.List {
			if _, ok := field.Type.(*ast.Ellipsis); ok {
				return nil, nil, 0
			}
			for _, name := range field.Names {
				if r.pass.TypesInfo.Defs[name] == v {
					return fn, decl, i
				}
				i++
			}
		}
	}
	return nil, nil, 0
}

// callsOnly reports whether every caller of fn is a call in this package
// that this pass sees: fn is unexported, never used as a value, and no
// interface of the package has a method of its name.
func (r *resolver) callsOnly(fn *types.Func) bool {
	if fn.Exported() {
		return false
	}
	for id, obj := range r.pass.TypesInfo.Uses {
		if obj == fn && r.callOf(id) == nil {
			return false
		}
	}
	if fn.Type().(*types.Signature).Recv() == nil {
		return true
	}
	for _, obj := range r.pass.TypesInfo.Defs {
		if m, ok := obj.(*types.Func); ok && m.Name() == fn.Name() && m != fn {
			if recv := m.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
				return false
			}
		}
	}
	return true
}

// callOf returns the call whose callee id names, or nil when id is used
// otherwise (a function value).
func (r *resolver) callOf(id *ast.Ident) *ast.CallExpr {
	var found *ast.CallExpr
	for _, f := range r.pass.Files {
		if f.FileStart > id.Pos() || id.Pos() >= f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.Pos() > id.Pos() || n.End() <= id.Pos() {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				switch fun := ast.Unparen(call.Fun).(type) {
				case *ast.Ident:
					if fun == id {
						found = call
					}
				case *ast.SelectorExpr:
					if fun.Sel == id {
						found = call
					}
				}
			}
			return true
		})
	}
	return found
}

// callEffect applies a call of a helper that is handed v (a pointer or
// map configuration, or its address): one declared in this package is
// walked from s, one of another package applies its EffectFact. It
// reports false when the call is not such a helper or the helper may do
// what this pass cannot follow.
func (w *walker) callEffect(e ast.Expr, s *state) (*state, bool) {
	info := w.r.pass.TypesInfo
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || w.depth > maxDepth || call.Ellipsis.IsValid() {
		return s, false
	}
	fn := callee.Func(info, call)
	if fn == nil || fn.Pkg() == nil {
		return s, false
	}
	idx := -1
	for i, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = ast.Unparen(u.X)
		}
		if id, ok := a.(*ast.Ident); ok && info.ObjectOf(id) == w.v && idx < 0 {
			idx = i
			continue
		}
		if w.mentions(call.Args[i]) {
			return s, false
		}
	}
	sig, _ := fn.Type().(*types.Signature)
	if idx < 0 || sig == nil || idx >= sig.Params().Len() {
		return s, false
	}
	param := sig.Params().At(idx)
	if want := pointerOrMap(w.v.Type(), call.Args[idx]); want == nil || !types.Identical(param.Type().Underlying(), want) {
		return s, false
	}
	if decl := w.r.funcs[fn]; decl != nil {
		return w.r.effect(fn, decl, param, w.sh, w.depth, s)
	}
	var f EffectFact
	if fn.Pkg() == w.r.pass.Pkg || !w.r.pass.ImportObjectFact(fn, &f) || f.Param != idx {
		return s, false
	}
	delta := newState()
	for _, fs := range f.Settings {
		delta.set[fs.Key] = Setting{Known: fs.Known, Int: fs.Int, Str: fs.Str, Set: true, Pos: call.Pos(), Where: fs.Where}
	}
	if hp := w.r.effectHelper(param.Type(), call, delta); hp != nil {
		w.r.res.imported[call.Pos()] = hp
	}
	s = s.clone()
	s.add(delta)
	return s, true
}

// effectHelper is the producer standing for what a configure(cfg) helper
// writes, alone: its explicit settings and no defaults, since the config
// it is handed may hold anything. Its explicit settings that turn batching
// off whatever the caller set are reported in the helper's package.
func (r *resolver) effectHelper(t types.Type, site ast.Node, s *state) *Producer {
	lib, pkg := r.libOfType(t), libPackage(t)
	if lib == nil || lib.Kafka == nil || pkg == nil {
		return nil
	}
	s = s.clone()
	s.opaque = true
	hp := r.producer(lib, site, s, pkg, token.NoPos)
	hp.Helper = true
	return hp
}

// effect walks the body of fn, whose parameter param holds the state s on
// entry: the states at its returns, joined. It reports false when fn may
// keep or replace param (see confined) or is being walked already.
func (r *resolver) effect(fn *types.Func, decl *ast.FuncDecl, param *types.Var, sh shape, depth int, s *state) (*state, bool) {
	if r.busy[fn] || !confined(r.pass.TypesInfo, decl.Body, param) {
		return s, false
	}
	r.busy[fn] = true
	defer delete(r.busy, fn)
	inner := &walker{r: r, v: param, upTo: decl.Body.End(), sh: sh, depth: depth + 1, returns: []*state{}}
	end := inner.block(decl.Body.List, s.clone())
	if !terminates(decl.Body.List) {
		inner.returns = append(inner.returns, end)
	}
	if len(inner.returns) == 0 {
		return s, false
	}
	out := inner.returns[0]
	for _, x := range inner.returns[1:] {
		out = merge(out, x)
	}
	return out, true
}

// confined reports whether body uses v only to read or set what it points
// to (v.Field, v[key], *v, range v), to compare it, or to hand it to a call (which the
// walker judges), and never inside a closure: a helper that stores v,
// returns it or assigns it may have it changed later, where no walk sees.
func confined(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	allowed := map[ast.Expr]bool{}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(x ast.Node) bool {
				if id, isID := x.(*ast.Ident); isID && info.ObjectOf(id) == v {
					ok = false
				}
				return ok
			})
			return false
		case *ast.SelectorExpr:
			allowed[ast.Unparen(n.X)] = is(n.X)
		case *ast.IndexExpr:
			allowed[ast.Unparen(n.X)] = is(n.X)
		case *ast.StarExpr:
			allowed[ast.Unparen(n.X)] = is(n.X)
		case *ast.RangeStmt:
			allowed[ast.Unparen(n.X)] = is(n.X)
		case *ast.CallExpr:
			for _, a := range n.Args {
				allowed[ast.Unparen(a)] = is(a)
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				allowed[ast.Unparen(n.X)], allowed[ast.Unparen(n.Y)] = is(n.X), is(n.Y)
			}
		case *ast.Ident:
			if info.ObjectOf(n) == v && !allowed[n] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// configParam is the one parameter of fn through which it may change a
// caller's configuration (a sarama *Config, a confluent ConfigMap, a
// segmentio *Writer), with its index and shape; nil when there is none or
// more than one.
func (r *resolver) configParam(fn *types.Func) (int, *types.Var, shape) {
	sig, _ := fn.Type().(*types.Signature)
	idx, param, sh := -1, (*types.Var)(nil), noShape
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		s := r.shapeOf(p.Type())
		switch p.Type().Underlying().(type) {
		case *types.Pointer, *types.Map:
		default:
			continue
		}
		if s != saramaCfg && s != configMap && s != writer {
			continue
		}
		if param != nil {
			return -1, nil, noShape
		}
		idx, param, sh = i, p, s
	}
	if param == nil || param.Name() == "" || param.Name() == "_" {
		return -1, nil, noShape
	}
	return idx, param, sh
}

// pointerOrMap is the underlying type the helper's parameter must have to
// share v's configuration: v's own for a pointer or map, *T for &v.
func pointerOrMap(t types.Type, arg ast.Expr) types.Type {
	if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return types.NewPointer(t)
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map:
		return t.Underlying()
	}
	return nil
}

// paramCtor is a producer constructed, in an exported function, from one of
// its parameters after the settings of delta.
type paramCtor struct {
	lib   *knowledge.Library
	ctor  string
	param int
	shape shape
	delta *state
}

// noteParam records a producer constructor call whose configuration
// argument arg is a parameter of the exported function around it.
func (r *resolver) noteParam(arg ast.Expr, lib *knowledge.Library, ctor string, sh shape) {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return
	}
	v, _ := r.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil {
		return
	}
	fn, decl, idx := r.paramOf(v)
	if fn == nil || !fn.Exported() || decl.Recv != nil && !isExportedRecv(fn) || r.bodyAt(id.Pos()) != decl.Body {
		return
	}
	delta := r.walkVar(v, decl.Body, id.Pos(), sh, 0, newState())
	if r.params == nil {
		r.params = map[*types.Func][]paramCtor{}
	}
	r.params[fn] = append(r.params[fn], paramCtor{lib: lib, ctor: ctor, param: idx, shape: sh, delta: delta})
}

// exportEffects exports an EffectFact for each exported function that
// changes the configuration its one configuration parameter points to
// only in ways this pass follows; a call in another package then applies
// it as a configure(cfg) helper of its own package.
func (r *resolver) exportEffects() {
	for fn, decl := range r.funcs {
		if !fn.Exported() || decl.Recv != nil && !isExportedRecv(fn) {
			continue
		}
		idx, param, sh := r.configParam(fn)
		if param == nil {
			continue
		}
		out, ok := r.effect(fn, decl, param, sh, 0, newState())
		if !ok || out.opaque {
			continue
		}
		r.pass.ExportObjectFact(fn, &EffectFact{Param: idx, Settings: r.factSettings(out)})
		if hp := r.effectHelper(param.Type(), decl.Name, out); hp != nil {
			r.res.Helpers = append(r.res.Helpers, hp)
		}
	}
}

// factSettings are s's settings for a fact, sorted, each with where it is
// written.
func (r *resolver) factSettings(s *state) []FactSetting {
	var out []FactSetting
	for k, v := range s.set {
		at := v.Where
		if at == "" {
			at = where(r.pass.Fset, v.Pos)
		}
		out = append(out, FactSetting{Key: k, Known: v.Known, Int: v.Int, Str: v.Str, Where: at})
	}
	slices.SortFunc(out, func(a, b FactSetting) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// exportParams exports a ParamFact for each exported function that builds
// exactly one producer from a parameter it changes in ways this pass sees.
func (r *resolver) exportParams() {
	for fn, pcs := range r.params {
		if len(pcs) != 1 || pcs[0].delta.opaque {
			continue
		}
		pc := pcs[0]
		r.pass.ExportObjectFact(fn, &ParamFact{Lib: pc.lib.Key, Constructor: pc.ctor, Param: pc.param, Shape: int(pc.shape), Settings: r.factSettings(pc.delta)})
	}
}

// indirect is the producer a call of another package's function builds
// from the configuration passed to it (see ParamFact), or nil.
func (r *resolver) indirect(call *ast.CallExpr) *Producer {
	fn := callee.Func(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == r.pass.Pkg || call.Ellipsis.IsValid() {
		return nil
	}
	var f ParamFact
	if !r.pass.ImportObjectFact(fn, &f) || f.Param >= len(call.Args) {
		return nil
	}
	lib := knowledge.Lookup(f.Lib)
	sig, _ := fn.Type().(*types.Signature)
	if lib == nil || lib.Kafka == nil || sig == nil || f.Param >= sig.Params().Len() {
		return nil
	}
	pkg := libPackage(sig.Params().At(f.Param).Type())
	if pkg == nil {
		return nil
	}
	arg := call.Args[f.Param]
	s := r.config(arg, shape(f.Shape), 0).clone()
	delta := newState()
	for _, fs := range f.Settings {
		delta.set[fs.Key] = Setting{Known: fs.Known, Int: fs.Int, Str: fs.Str, Set: true, Pos: call.Pos(), Where: fs.Where}
	}
	s.add(delta)
	p := r.producer(lib, call, s, pkg, r.origin(arg))
	p.Constructor = fn.Name()
	return p
}
