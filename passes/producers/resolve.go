package producers

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/batchlint/batchlint/knowledge"
	"github.com/batchlint/batchlint/passes/callee"
	"github.com/batchlint/batchlint/passes/lazyinspect"
	"github.com/batchlint/batchlint/passes/values"
)

const maxDepth = 8

// shape is what kind of configuration value an expression holds.
type shape = knowledge.Shape

const (
	noShape      = knowledge.NoShape
	kgoOpt       = knowledge.KgoOpt
	kgoOpts      = knowledge.KgoOpts
	saramaCfg    = knowledge.SaramaCfg
	configMap    = knowledge.ConfigMap
	writer       = knowledge.Writer
	writerConfig = knowledge.WriterConfig
)

type resolver struct {
	pass   *analysis.Pass
	res    *Result
	vals   *values.Result
	funcs  map[*types.Func]*ast.FuncDecl
	bodies []*ast.BlockStmt
	memo   map[*types.Func]*state
	busy   map[*types.Func]bool
	// params are the producers exported functions build from a parameter.
	params map[*types.Func][]paramCtor
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, bySite: map[ast.Node]*Producer{}, byObj: map[any]*Producer{}, imported: map[token.Pos]*Producer{}}
	if mod := moduleVersion(pass); mod != "" && knowledge.KafkaOf(pass.Pkg.Path()) != nil {
		pass.ExportPackageFact(&VersionFact{Version: mod})
	}
	vals, _ := pass.ResultOf[values.Analyzer].(*values.Result)
	if vals == nil || pass.TypesInfo == nil || !reachesKafka(pass.Pkg) {
		return res, nil
	}
	ins := lazyinspect.Of(pass)
	r := &resolver{pass: pass, res: res, vals: vals, funcs: map[*types.Func]*ast.FuncDecl{}, memo: map[*types.Func]*state{}, busy: map[*types.Func]bool{}}
	ins.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return
			}
			r.bodies = append(r.bodies, n.Body)
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				r.funcs[fn] = n
			}
		case *ast.FuncLit:
			r.bodies = append(r.bodies, n.Body)
		}
	})
	r.findProducers(ins, res)
	// Binding follows producers built or obtained here; in most packages
	// there are none.
	if len(res.bySite) > 0 {
		res.bind(ins)
		res.markProducing(ins)
	}
	r.exportFacts()
	r.exportParams()
	r.exportEffects()
	slices.SortFunc(res.Helpers, func(a, b *Producer) int { return int(a.Site.Pos() - b.Site.Pos()) })
	return res, nil
}

// reachesKafka reports whether pkg or a package its type-checking loaded
// is a Kafka client's: only then can pkg hold a producer, an option or a
// config, or a helper that builds one. The importer lists every package an
// import's export data refers to among its Imports.
func reachesKafka(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		path := p.Path()
		if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
			path = path[i+len("/vendor/"):]
		}
		return knowledge.KafkaOf(path) != nil || slices.ContainsFunc(p.Imports(), reaches)
	}
	return pkg != nil && reaches(pkg)
}

// moduleVersion is the version of the module pass's package comes from, as
// the build reported it; "" when unknown or replaced by a directory.
func moduleVersion(pass *analysis.Pass) string {
	m := pass.Module
	if m == nil {
		return ""
	}
	if m.Replace != nil {
		return m.Replace.Version
	}
	return m.Version
}

func (r *resolver) findProducers(ins *inspector.Inspector, res *Result) {
	info := r.pass.TypesInfo
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.UnaryExpr)(nil)}, func(n ast.Node) {
		var p *Producer
		switch n := n.(type) {
		case *ast.CallExpr:
			p = r.producerCall(n)
			if p == nil {
				// A writer a helper in another package builds: its own
				// package reports its settings, so it is only here for Of.
				if w := r.importedWriter(n); w != nil {
					res.bySite[n] = w
				}
				if ip := r.indirect(n); ip != nil {
					res.Indirect = append(res.Indirect, ip)
				}
			}
		case *ast.UnaryExpr:
			// &kafka.Writer{...}: the site is the address-of, so Of on a
			// variable holding it finds the same node.
			if lit, ok := n.X.(*ast.CompositeLit); ok && n.Op == token.AND && r.shapeOf(info.TypeOf(lit)) == writer {
				p = r.writerProducer(n, lit)
			}
		case *ast.CompositeLit:
			if r.shapeOf(info.TypeOf(n)) == writer && !isAddressed(ins, n) {
				p = r.writerProducer(n, n)
			}
		}
		if p != nil {
			res.Producers = append(res.Producers, p)
			res.bySite[p.Site] = p
		}
	})
}

// isAddressed reports whether lit is the operand of &, which findProducers
// handles at the UnaryExpr.
func isAddressed(ins *inspector.Inspector, lit *ast.CompositeLit) bool {
	c, ok := ins.Root().FindNode(lit)
	if !ok {
		return false
	}
	u, ok := c.Parent().Node().(*ast.UnaryExpr)
	return ok && u.Op == token.AND
}

func (r *resolver) producerCall(call *ast.CallExpr) *Producer {
	fn := callee.Func(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	lib := knowledge.KafkaOf(fn.Pkg().Path())
	if lib == nil {
		return nil
	}
	if sig, _ := fn.Type().(*types.Signature); sig == nil || sig.Recv() != nil {
		return nil
	}
	ctor, ok := lib.Kafka.Constructors[fn.Name()]
	if !ok || !ctor.Producer {
		return nil
	}
	var s *state
	var cfgPos token.Pos
	switch {
	case ctor.Options:
		s = newState()
		for i, a := range call.Args {
			if i == len(call.Args)-1 && call.Ellipsis.IsValid() {
				s.add(r.opts(a, 0))
			} else {
				s.add(r.opt(a, 0))
			}
		}
	case ctor.ClientOf != "":
		if ctor.Arg >= len(call.Args) {
			return nil
		}
		nc := r.clientCall(call.Args[ctor.Arg], lib, ctor.ClientOf)
		if nc == nil {
			s = opaqueState()
			break
		}
		made := lib.Kafka.Constructors[ctor.ClientOf]
		if made.Arg >= len(nc.Args) {
			return nil
		}
		s = r.config(nc.Args[made.Arg], made.Shape, 0)
		cfgPos = nc.Pos()
	default:
		if ctor.Arg >= len(call.Args) {
			return nil
		}
		s = r.config(call.Args[ctor.Arg], ctor.Shape, 0)
		cfgPos = r.origin(call.Args[ctor.Arg])
		r.noteParam(call.Args[ctor.Arg], lib, fn.Name(), ctor.Shape)
	}
	p := r.producer(lib, call, s, fn.Pkg(), cfgPos)
	p.Constructor = fn.Name()
	return p
}

// importedWriter is the segmentio writer call returns when call is of a
// helper in another package whose fact describes the writer, else nil.
func (r *resolver) importedWriter(call *ast.CallExpr) *Producer {
	fn := callee.Func(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == r.pass.Pkg {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 || r.shapeOf(sig.Results().At(0).Type()) != writer {
		return nil
	}
	s := r.helper(call, writer, 0)
	pkg := libPackage(sig.Results().At(0).Type())
	lib := r.libOfType(sig.Results().At(0).Type())
	if s.opaque || pkg == nil || lib == nil {
		return nil
	}
	return r.producer(lib, call, s, pkg, token.NoPos)
}

func (r *resolver) writerProducer(site ast.Node, lit *ast.CompositeLit) *Producer {
	t := r.pass.TypesInfo.TypeOf(lit)
	named, _ := types.Unalias(t).(*types.Named)
	if named == nil || named.Obj().Pkg() == nil {
		return nil
	}
	lib := knowledge.KafkaOf(named.Obj().Pkg().Path())
	if lib == nil {
		return nil
	}
	s := r.literal(lit, lib, 0)
	// Fields set after the literal, on the variable that holds it.
	if v, body := r.holder(site); v != nil {
		s = r.walkVar(v, body, body.End(), writer, 0, opaqueState())
	}
	return r.producer(lib, site, s, named.Obj().Pkg(), token.NoPos)
}

// holder returns the local variable initialised with site and the body
// declaring it, or nil.
func (r *resolver) holder(site ast.Node) (*types.Var, *ast.BlockStmt) {
	body := r.bodyAt(site.Pos())
	if body == nil {
		return nil, nil
	}
	var found *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, rhs := range n.Rhs {
					if rhs == site {
						if id, ok := n.Lhs[i].(*ast.Ident); ok {
							found = r.localVar(id)
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, rhs := range n.Values {
					if rhs == site {
						found = r.localVar(n.Names[i])
					}
				}
			}
		}
		return true
	})
	if found == nil || r.bodyAt(found.Pos()) != body {
		return nil, nil
	}
	return found, body
}

func (r *resolver) producer(lib *knowledge.Library, site ast.Node, s *state, pkg *types.Package, cfgPos token.Pos) *Producer {
	p := &Producer{Lib: lib.Key, Site: site, Settings: map[string]Setting{}, Config: cfgPos}
	var vf VersionFact
	if r.pass.ImportPackageFact(pkg, &vf) {
		p.Version = vf.Version
	} else if pkg == r.pass.Pkg {
		p.Version = moduleVersion(r.pass)
	}
	if !s.opaque && lib.Kafka.Defaults != nil {
		for k, v := range lib.Kafka.Defaults(p.Version) {
			p.Settings[k] = Setting{Known: true, Int: v.Int, Str: v.Str}
		}
	}
	for k, v := range s.set {
		p.Settings[k] = v
	}
	p.Producing = len(lib.Kafka.ProducingMethods) == 0 || s.producing
	return p
}

// opts evaluates an expression of type []kgo.Opt.
func (r *resolver) opts(e ast.Expr, depth int) *state {
	if depth > maxDepth {
		return opaqueState()
	}
	info := r.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		s := newState()
		for _, elt := range e.Elts {
			if _, ok := elt.(*ast.KeyValueExpr); ok {
				return opaqueState()
			}
			s.add(r.opt(elt, depth+1))
		}
		return s
	case *ast.Ident:
		if e.Name == "nil" {
			if _, ok := info.Uses[e].(*types.Nil); ok {
				return newState()
			}
		}
		return r.varState(e, kgoOpts, depth)
	case *ast.CallExpr:
		if isBuiltin(info, e, "append") && len(e.Args) > 0 {
			s := r.opts(e.Args[0], depth+1).clone()
			r.appendArgs(s, e, depth)
			return s
		}
		return r.helper(e, kgoOpts, depth)
	}
	return opaqueState()
}

func (r *resolver) appendArgs(s *state, call *ast.CallExpr, depth int) {
	for i, a := range call.Args[1:] {
		if i == len(call.Args)-2 && call.Ellipsis.IsValid() {
			s.add(r.opts(a, depth+1))
		} else {
			s.add(r.opt(a, depth+1))
		}
	}
}

// opt evaluates one kgo option.
func (r *resolver) opt(e ast.Expr, depth int) *state {
	if depth > maxDepth {
		return opaqueState()
	}
	info := r.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := callee.Func(info, e)
		if fn == nil || fn.Pkg() == nil {
			return opaqueState()
		}
		lib := knowledge.KafkaOf(fn.Pkg().Path())
		if lib == nil || lib.Kafka.Options == nil {
			return r.helper(e, kgoOpt, depth)
		}
		s := newState()
		if named, ok := types.Unalias(info.TypeOf(e)).(*types.Named); ok && named.Obj().Name() == lib.Kafka.ProducerOptType {
			s.producing = true
		}
		if rule, ok := lib.Kafka.Options[fn.Name()]; ok {
			s.set[rule.Key] = r.optionSetting(lib, rule, e)
		}
		return s
	case *ast.Ident:
		return r.varState(e, kgoOpt, depth)
	}
	return opaqueState()
}

func (r *resolver) optionSetting(lib *knowledge.Library, rule knowledge.Option, call *ast.CallExpr) Setting {
	st := Setting{Set: true, Pos: call.Pos()}
	if rule.Kind == knowledge.OpaqueArg {
		// No value to resolve: a rule may still look at the call's
		// arguments (the types of WithHooks' hooks).
		st.Node = call
		return st
	}
	if call.Ellipsis.IsValid() {
		return st
	}
	if rule.Kind == knowledge.CodecArg {
		if len(call.Args) == 0 {
			return st
		}
		if name := r.codecCall(lib, call.Args[0]); name != "" {
			st.Known, st.Str, st.Node = true, name, call.Args[0]
		}
		return st
	}
	if len(call.Args) != 1 {
		return st
	}
	return r.valueSetting(st, rule, call.Args[0])
}

// codecCall names the codec a franz-go codec expression selects:
// kgo.ZstdCompression(), optionally .WithLevel(n).
func (r *resolver) codecCall(lib *knowledge.Library, e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn := callee.Func(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || knowledge.KafkaOf(fn.Pkg().Path()) != lib {
		return ""
	}
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
		if fn.Name() != "WithLevel" {
			return ""
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return r.codecCall(lib, sel.X)
		}
		return ""
	}
	return lib.Kafka.CodecFuncs[fn.Name()]
}

// valueSetting resolves the value expression of a setting.
func (r *resolver) valueSetting(st Setting, rule knowledge.Option, e ast.Expr) Setting {
	if rule.Kind == knowledge.CodecArg {
		if name := r.codecValue(e); name != "" {
			st.Known, st.Str, st.Node = true, name, e
		}
		return st
	}
	v := r.vals.Of(e)
	if !v.Known() {
		return st
	}
	st.Node = e
	switch rule.Kind {
	case knowledge.Plain:
		switch v.Kind {
		case values.Int, values.Bool:
			st.Known, st.Int = true, v.Int
		case values.String:
			// librdkafka parses every ConfigMap value from its string form.
			if i, err := strconv.ParseInt(strings.TrimSpace(v.Str), 10, 64); err == nil {
				st.Known, st.Int = true, i
			}
		}
	case knowledge.Millis:
		switch v.Kind {
		case values.Int, values.Float:
			st.Known, st.Int = true, int64(v.Float*1e6)
		case values.String:
			if f, err := strconv.ParseFloat(strings.TrimSpace(v.Str), 64); err == nil {
				st.Known, st.Int = true, int64(f*1e6)
			}
		}
	case knowledge.Text:
		if v.Kind == values.String {
			st.Known, st.Str = true, strings.ToLower(strings.TrimSpace(v.Str))
		}
	}
	return st
}

// codecValue names the codec a sarama or kafka-go codec expression selects:
// a codec constant (sarama.CompressionZSTD, kafka.Zstd), its Codec() method,
// or a codec value from one of kafka-go's per-codec packages
// (snappy.NewCompressionCodec(), &zstd.Codec{}).
func (r *resolver) codecValue(e ast.Expr) string {
	e = ast.Unparen(e)
	if v := r.vals.Of(e); v.Kind == values.Int {
		if lib := r.codecLib(e); lib != nil {
			return lib.Kafka.CodecValues[v.Int]
		}
		return ""
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Codec" && len(call.Args) == 0 {
			if s := r.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				return r.codecValue(sel.X)
			}
		}
		if fn := callee.Func(r.pass.TypesInfo, call); fn != nil && fn.Pkg() != nil {
			return knowledge.CodecPackage(fn.Pkg().Path())
		}
		return ""
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		if named, ok := types.Unalias(r.pass.TypesInfo.TypeOf(lit)).(*types.Named); ok && named.Obj().Pkg() != nil {
			return knowledge.CodecPackage(named.Obj().Pkg().Path())
		}
	}
	return ""
}

// codecLib is the library whose codec numbering a codec value uses.
func (r *resolver) codecLib(e ast.Expr) *knowledge.Library {
	named, _ := types.Unalias(r.pass.TypesInfo.TypeOf(e)).(*types.Named)
	if named == nil || named.Obj().Pkg() == nil {
		return nil
	}
	return knowledge.CodecLibOf(named.Obj().Pkg().Path())
}

// config evaluates a sarama config, confluent ConfigMap, segmentio Writer
// or WriterConfig expression.
func (r *resolver) config(e ast.Expr, sh shape, depth int) *state {
	if depth > maxDepth {
		return opaqueState()
	}
	info := r.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		if x.Name == "nil" && sh == saramaCfg {
			if _, ok := info.Uses[x].(*types.Nil); ok {
				return newState() // sarama uses NewConfig() for a nil config
			}
		}
		return r.varState(x, sh, depth)
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.CompositeLit); ok && x.Op == token.AND {
			return r.literal(lit, r.libOfType(info.TypeOf(lit)), depth)
		}
		if id, ok := x.X.(*ast.Ident); ok && x.Op == token.AND && sh == configMap {
			return r.varState(id, sh, depth)
		}
	case *ast.CompositeLit:
		return r.literal(x, r.libOfType(info.TypeOf(x)), depth)
	case *ast.CallExpr:
		fn := callee.Func(info, x)
		if fn != nil && fn.Pkg() != nil && sh == saramaCfg {
			if l := knowledge.KafkaOf(fn.Pkg().Path()); l != nil && l.Kafka.NewConfig != "" && fn.Name() == l.Kafka.NewConfig {
				return newState()
			}
		}
		if ctor, ok := r.writerCtor(fn); ok && sh == writer && ctor.Arg < len(x.Args) {
			return r.config(x.Args[ctor.Arg], ctor.Shape, depth+1)
		}
		return r.helper(x, sh, depth)
	case *ast.IndexExpr:
		if sh == configMap {
			return r.mapValue(x, r.libOfType(info.TypeOf(x)), depth)
		}
	}
	return opaqueState()
}

// writerCtor reports the library constructor fn that makes a writer from a
// configuration (segmentio's NewWriter).
func (r *resolver) writerCtor(fn *types.Func) (knowledge.Constructor, bool) {
	if fn == nil || fn.Pkg() == nil {
		return knowledge.Constructor{}, false
	}
	lib := knowledge.KafkaOf(fn.Pkg().Path())
	if lib == nil {
		return knowledge.Constructor{}, false
	}
	ctor, ok := lib.Kafka.Constructors[fn.Name()]
	sig, _ := fn.Type().(*types.Signature)
	if !ok || !ctor.Producer || ctor.Options || ctor.ClientOf != "" || sig == nil || sig.Results().Len() == 0 || r.shapeOf(sig.Results().At(0).Type()) != writer {
		return knowledge.Constructor{}, false
	}
	return ctor, true
}

// mapValue evaluates a configuration map held by an unexported package
// variable that nothing reassigns: the variable itself, or an element of a
// map of such maps (named profiles), at a constant key or joined over every
// profile when the key is not known. lib reads the keys.
func (r *resolver) mapValue(e ast.Expr, lib *knowledge.Library, depth int) *state {
	if lib == nil || depth > maxDepth {
		return opaqueState()
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if lit := r.packageLit(x); lit != nil {
			return r.literal(lit, lib, depth+1)
		}
	case *ast.IndexExpr:
		id, _ := ast.Unparen(x.X).(*ast.Ident)
		lit := r.packageLit(id)
		if lit == nil {
			return opaqueState()
		}
		key := r.vals.Of(x.Index)
		var out *state
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return opaqueState()
			}
			inner, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
			if !ok {
				return opaqueState()
			}
			if key.Kind == values.String {
				if k := r.vals.Of(kv.Key); k.Kind == values.String && k.Str == key.Str {
					return r.literal(inner, lib, depth+1)
				}
				continue
			}
			s := r.literal(inner, lib, depth+1)
			if out == nil {
				out = s
			} else {
				out = merge(out, s)
			}
		}
		if out != nil {
			return out
		}
	}
	return opaqueState()
}

// packageLit is the composite literal initialising the package variable id
// names, when packageInit vouches for it.
func (r *resolver) packageLit(id *ast.Ident) *ast.CompositeLit {
	if id == nil {
		return nil
	}
	v, _ := r.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.Pkg() != r.pass.Pkg || v.Parent() != r.pass.Pkg.Scope() {
		return nil
	}
	lit, _ := ast.Unparen(r.packageInit(v)).(*ast.CompositeLit)
	return lit
}

func (r *resolver) libOfType(t types.Type) *knowledge.Library {
	pkg := libPackage(t)
	if pkg == nil {
		return nil
	}
	return knowledge.KafkaOf(pkg.Path())
}

// libPackage is the package declaring the named type of a configuration
// value of type t: T, *T or []T.
func libPackage(t types.Type) *types.Package {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		t = u.Elem()
	case *types.Slice:
		t = u.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	if named == nil {
		return nil
	}
	return named.Obj().Pkg()
}

// literal evaluates a Writer/WriterConfig struct literal or a ConfigMap
// literal.
func (r *resolver) literal(lit *ast.CompositeLit, lib *knowledge.Library, depth int) *state {
	if lib == nil {
		return opaqueState()
	}
	s := newState()
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return opaqueState()
		}
		if lib.Kafka.Keys != nil {
			k := r.vals.Of(kv.Key)
			if k.Kind != values.String {
				s.opaque = true
				continue
			}
			if rule, ok := lib.Kafka.Keys[k.Str]; ok {
				s.set[rule.Key] = r.valueSetting(Setting{Set: true, Pos: kv.Pos()}, rule, kv.Value)
			}
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			if rule, ok := lib.Kafka.Fields[id.Name]; ok {
				s.set[rule.Key] = r.valueSetting(Setting{Set: true, Pos: kv.Pos()}, rule, kv.Value)
			}
		}
	}
	return s
}

// helper evaluates a call of a user function returning a configuration.
func (r *resolver) helper(call *ast.CallExpr, sh shape, depth int) *state {
	fn := callee.Func(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return opaqueState()
	}
	if fn.Pkg() != r.pass.Pkg {
		var f ConfigFact
		if !r.pass.ImportObjectFact(fn, &f) {
			return opaqueState()
		}
		s := newState()
		s.opaque, s.producing = f.Opaque, f.Producing
		for _, fs := range f.Settings {
			s.set[fs.Key] = Setting{Known: fs.Known, Int: fs.Int, Str: fs.Str, Set: true, Pos: call.Pos(), Where: fs.Where}
		}
		if lib := knowledge.Lookup(f.Lib); lib != nil && lib.Kafka != nil {
			if pkg := libPackage(fn.Type().(*types.Signature).Results().At(0).Type()); pkg != nil {
				hp := r.producer(lib, call, s, pkg, token.NoPos)
				hp.Helper = true
				r.res.imported[call.Pos()] = hp
			}
		}
		return s
	}
	return r.funcState(fn, sh, depth).clone()
}

// funcState is the configuration every return of fn agrees on.
func (r *resolver) funcState(fn *types.Func, sh shape, depth int) *state {
	if s, ok := r.memo[fn]; ok {
		return s
	}
	decl := r.funcs[fn]
	if decl == nil || r.busy[fn] || depth > maxDepth {
		return opaqueState()
	}
	r.busy[fn] = true
	defer delete(r.busy, fn)
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 || r.shapeOf(sig.Results().At(0).Type()) != sh {
		return opaqueState()
	}
	var out *state
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				out = opaqueState()
				return false
			}
			res := n.Results[0]
			if id, ok := ast.Unparen(res).(*ast.Ident); ok && id.Name == "nil" && sig.Results().Len() > 1 {
				return false // the error path: the caller does not use the value
			}
			s := r.eval(res, sh, depth+1)
			if out == nil {
				out = s
			} else {
				out = merge(out, s)
			}
		}
		return true
	})
	if out == nil {
		out = opaqueState()
	}
	r.memo[fn] = out
	return out
}

func (r *resolver) eval(e ast.Expr, sh shape, depth int) *state {
	switch sh {
	case kgoOpt:
		return r.opt(e, depth)
	case kgoOpts:
		return r.opts(e, depth)
	}
	return r.config(e, sh, depth)
}

// shapeOf classifies a type by the configuration it carries.
func (r *resolver) shapeOf(t types.Type) shape {
	if t == nil {
		return noShape
	}
	if sl, ok := types.Unalias(t).(*types.Slice); ok {
		if r.shapeOf(sl.Elem()) == kgoOpt {
			return kgoOpts
		}
		return noShape
	}
	ptr := false
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), true
	}
	named, _ := types.Unalias(t).(*types.Named)
	if named == nil || named.Obj().Pkg() == nil {
		return noShape
	}
	lib := knowledge.KafkaOf(named.Obj().Pkg().Path())
	if lib == nil {
		return noShape
	}
	return lib.Kafka.ShapeOf(named.Obj().Name(), ptr)
}

// clientCall finds the call of lib's constructor name that made the client
// expression e, a local variable assigned once in this function.
func (r *resolver) clientCall(e ast.Expr, lib *knowledge.Library, name string) *ast.CallExpr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v := r.localVar(id)
	if v == nil {
		return nil
	}
	body := r.bodyAt(v.Pos())
	if body == nil {
		return nil
	}
	var found *ast.CallExpr
	n := 0
	ast.Inspect(body, func(x ast.Node) bool {
		as, ok := x.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			lid, ok := l.(*ast.Ident)
			if !ok || r.pass.TypesInfo.ObjectOf(lid) != v {
				continue
			}
			n++
			if len(as.Rhs) == 1 && i == 0 {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
					if fn := callee.Func(r.pass.TypesInfo, call); fn != nil && fn.Name() == name && fn.Pkg() != nil &&
						knowledge.KafkaOf(fn.Pkg().Path()) == lib {
						found = call
					}
				}
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return found
}

func (r *resolver) localVar(id *ast.Ident) *types.Var {
	v, _ := r.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() != r.pass.Pkg || v.Parent() == r.pass.Pkg.Scope() {
		return nil
	}
	return v
}

// bodyAt returns the innermost function body containing pos.
func (r *resolver) bodyAt(pos token.Pos) *ast.BlockStmt {
	var best *ast.BlockStmt
	for _, b := range r.bodies {
		if b.Pos() <= pos && pos < b.End() && (best == nil || b.Pos() >= best.Pos()) {
			best = b
		}
	}
	return best
}

// varState evaluates a variable at the use id.
func (r *resolver) varState(id *ast.Ident, sh shape, depth int) *state {
	obj, _ := r.pass.TypesInfo.Uses[id].(*types.Var)
	if obj == nil || obj.IsField() || obj.Pkg() != r.pass.Pkg {
		return opaqueState()
	}
	if obj.Parent() == r.pass.Pkg.Scope() {
		return r.packageVar(obj, sh, depth)
	}
	body := r.bodyAt(obj.Pos())
	if body == nil || r.bodyAt(id.Pos()) != body {
		// A parameter is what its callers pass, when they are all in
		// view; a variable captured by a closure is not followed.
		use := r.bodyAt(id.Pos())
		if _, decl, _ := r.paramOf(obj); decl == nil || decl.Body != use {
			return opaqueState()
		}
		init := r.paramState(obj, sh, depth)
		if init == nil {
			return opaqueState()
		}
		return r.walkVar(obj, use, id.Pos(), sh, depth, init)
	}
	return r.walkVar(obj, body, id.Pos(), sh, depth, opaqueState())
}

// packageVar evaluates an unexported package-level variable that nothing
// in the package assigns after its initialisation.
func (r *resolver) packageVar(v *types.Var, sh shape, depth int) *state {
	init := r.packageInit(v)
	if init == nil {
		return opaqueState()
	}
	return r.eval(init, sh, depth+1)
}

// packageInit is the initialiser of an unexported package-level variable
// that nothing in the package assigns, stores into or takes the address of
// after its initialisation, nor, for a map, hands to a call; nil otherwise.
func (r *resolver) packageInit(v *types.Var) ast.Expr {
	if v.Exported() {
		return nil
	}
	info := r.pass.TypesInfo
	writes := r.vals.Writes()
	var init ast.Expr
	for _, w := range writes.Of(v) {
		if _, ok := w.Node.(*ast.ValueSpec); ok && w.Kind == values.Assigned && w.Idx < 0 {
			init = w.Expr
		}
	}
	for _, w := range writes.All {
		switch w.Node.(type) {
		case *ast.AssignStmt, *ast.UnaryExpr:
			if values.RootVar(info, w.Target) == v {
				return nil
			}
		}
	}
	if _, isMap := v.Type().Underlying().(*types.Map); !isMap {
		return init
	}
	handed := false
	for _, f := range r.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			// A map handed to a call may be changed there; maps.Copy
			// only reads its source.
			if call, ok := n.(*ast.CallExpr); ok {
				fn := callee.Func(info, call)
				for i, a := range call.Args {
					if values.RootVar(info, a) == v && !(i == 1 && fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && fn.Name() == "Copy") {
						handed = true
					}
				}
			}
			return !handed
		})
	}
	if handed {
		return nil
	}
	return init
}

func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// where formats a position as file:line for facts and messages.
func where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return ""
	}
	return fmt.Sprintf("%s:%d", shortFile(p.Filename), p.Line)
}

func shortFile(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

// origin is where the value of e was made: the initialiser of a local
// variable declared with it, or e itself.
func (r *resolver) origin(e ast.Expr) token.Pos {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return e.Pos()
	}
	v := r.localVar(id)
	body := r.bodyAt(id.Pos())
	if v == nil || body == nil {
		return e.Pos()
	}
	pos := e.Pos()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if lid, ok := l.(*ast.Ident); ok && r.pass.TypesInfo.Defs[lid] == v {
						pos = n.Rhs[i].Pos()
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if r.pass.TypesInfo.Defs[name] == v && len(n.Values) == len(n.Names) {
					pos = n.Values[i].Pos()
				}
			}
		}
		return true
	})
	return pos
}
