package sinks

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/batchlint/batchlint/passes/callee"
)

// An asynchronous produce is a one-record write only when the code waits for
// that record before it produces the next one. kafkaWait recognises one way
// of waiting: it returns the cost text for the message when n waits, else "".
type kafkaWait func(n ast.Node) string

// kafkaWaitedInScope reports how the record produced by call is waited for
// before control leaves the innermost loop body or function around call, or
// "" when it is not. Only statements that run whenever call has run count:
// later statements of the blocks that enclose call, not the bodies of ifs,
// switches or loops that follow it (a Flush under "if len(buf) >= n" is
// batching, not waiting).
func kafkaWaitedInScope(c *Context, call *ast.CallExpr, waits []kafkaWait) string {
	file := kafkaFileOf(c.Pass, call.Pos())
	if file == nil {
		return ""
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	for i := 1; i < len(path); i++ {
		var list []ast.Stmt
		switch n := path[i].(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			return ""
		default:
			continue
		}
		after := false
		for _, s := range list {
			if after {
				if how := kafkaStmtWaits(s, waits); how != "" {
					return how
				}
			} else if s == path[i-1] {
				after = true
			}
		}
	}
	return ""
}

// kafkaStmtWaits checks the parts of s that always run when s runs.
func kafkaStmtWaits(s ast.Stmt, waits []kafkaWait) string {
	var exprs []ast.Node
	switch s := s.(type) {
	case *ast.ExprStmt:
		exprs = append(exprs, s.X)
	case *ast.AssignStmt:
		for _, e := range s.Rhs {
			exprs = append(exprs, e)
		}
	case *ast.DeclStmt:
		exprs = append(exprs, s.Decl)
	case *ast.ReturnStmt:
		for _, e := range s.Results {
			exprs = append(exprs, e)
		}
	case *ast.IfStmt:
		if s.Init != nil {
			if how := kafkaStmtWaits(s.Init, waits); how != "" {
				return how
			}
		}
		exprs = append(exprs, s.Cond)
	case *ast.SwitchStmt:
		if s.Init != nil {
			if how := kafkaStmtWaits(s.Init, waits); how != "" {
				return how
			}
		}
		if s.Tag != nil {
			exprs = append(exprs, s.Tag)
		}
	case *ast.ForStmt:
		// Init and the first test of Cond run whenever the loop is reached
		// ("for p.Flush(ms) > 0 {}").
		if s.Init != nil {
			if how := kafkaStmtWaits(s.Init, waits); how != "" {
				return how
			}
		}
		if s.Cond != nil {
			exprs = append(exprs, s.Cond)
		}
	case *ast.LabeledStmt:
		return kafkaStmtWaits(s.Stmt, waits)
	case *ast.BlockStmt:
		for _, st := range s.List {
			if how := kafkaStmtWaits(st, waits); how != "" {
				return how
			}
		}
	case *ast.SelectStmt:
		// A select without default blocks until one case is ready; it waits
		// for the record when one of its cases receives the signal.
		for _, cc := range s.Body.List {
			if cc.(*ast.CommClause).Comm == nil {
				return ""
			}
		}
		for _, cc := range s.Body.List {
			if how := kafkaStmtWaits(cc.(*ast.CommClause).Comm, waits); how != "" {
				return how
			}
		}
	}
	for _, e := range exprs {
		if how := kafkaExprWaits(e, waits); how != "" {
			return how
		}
	}
	return ""
}

func kafkaExprWaits(e ast.Node, waits []kafkaWait) string {
	how := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if how != "" {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // runs later, if ever
		}
		for _, w := range waits {
			if h := w(n); h != "" {
				how = h
				return false
			}
		}
		return true
	})
	return how
}

// kafkaFlushOf waits by calling flush on the same client or producer. When
// that is a value of the program's interface, which the library type
// implements (throughInterface), the interface's flush is the library's.
func kafkaFlushOf(info *types.Info, recv ast.Expr, pkg, typ, flush, how string) kafkaWait {
	return func(n ast.Node) string {
		call, ok := n.(*ast.CallExpr)
		if !ok || flush == "" || !kafkaSameRef(info, receiver(call), recv) {
			return ""
		}
		if fn := callee.Func(info, call); IsMethod(info, call, pkg, typ, flush) ||
			fn != nil && fn.Name() == flush && callee.Abstract(fn) && info.TypeOf(recv) != nil && types.IsInterface(info.TypeOf(recv)) {
			return how
		}
		return ""
	}
}

// kafkaReceiveFrom waits by receiving from a channel that ch accepts.
func kafkaReceiveFrom(ch func(ast.Expr) bool, how string) kafkaWait {
	return func(n ast.Node) string {
		u, ok := n.(*ast.UnaryExpr)
		if ok && u.Op == token.ARROW && ch(u.X) {
			return how
		}
		return ""
	}
}

// kafkaPromiseWaits returns the waits that a franz-go promise literal makes
// possible: it calls wg.Done (waited by wg.Wait), sends on or closes a
// channel (waited by a receive from it).
func kafkaPromiseWaits(info *types.Info, promise ast.Expr, how string) []kafkaWait {
	lit, ok := ast.Unparen(promise).(*ast.FuncLit)
	if !ok {
		return nil
	}
	var waits []kafkaWait
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			ch := n.Chan
			waits = append(waits, kafkaReceiveFrom(func(e ast.Expr) bool { return kafkaSameRef(info, e, ch) }, how))
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "close" {
					ch := n.Args[0]
					waits = append(waits, kafkaReceiveFrom(func(e ast.Expr) bool { return kafkaSameRef(info, e, ch) }, how))
				}
			}
			if IsMethod(info, n, "sync", "WaitGroup", "Done") {
				wg := receiver(n)
				waits = append(waits, func(m ast.Node) string {
					call, ok := m.(*ast.CallExpr)
					if ok && IsMethod(info, call, "sync", "WaitGroup", "Wait") && kafkaSameRef(info, receiver(call), wg) {
						return how
					}
					return ""
				})
			}
		}
		return true
	})
	return waits
}

func kafkaFileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// IsMethod reports whether call calls one of the methods names of the type
// pkg.typ (pointer or value receiver, interface or concrete). A vendored copy
// of pkg (".../vendor/" + pkg) is pkg, as in the tables.
func IsMethod(info *types.Info, call *ast.CallExpr, pkg, typ string, names ...string) bool {
	fn := callee.Func(info, call)
	if fn == nil || !slices.Contains(names, fn.Name()) {
		return false
	}
	k := callee.Key(fn)
	return k.Recv == typ && k.Pkg == callee.TrimVendor(pkg)
}

func kafkaTypeOf(info *types.Info, e ast.Expr) types.Type {
	if info == nil || e == nil {
		return nil
	}
	return info.TypeOf(e)
}

// kafkaSameRef reports whether a and b name the same variable or field path
// (cl, s.client, s.cfg.client); calls and other expressions never match.
func kafkaSameRef(info *types.Info, a, b ast.Expr) bool {
	if a == nil || b == nil {
		return false
	}
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		oa, ob := info.ObjectOf(a), info.ObjectOf(b)
		_, isVar := oa.(*types.Var)
		return isVar && oa == ob
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		oa, ob := info.ObjectOf(a.Sel), info.ObjectOf(b.Sel)
		_, isVar := oa.(*types.Var)
		return isVar && oa == ob && kafkaSameRef(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && kafkaSameRef(info, a.X, b.X)
	}
	return false
}

func kafkaIsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// kafkaTopic returns the topic of a record or message literal
// (&kgo.Record{Topic: "t"}, sarama.ProducerMessage, kafka.Message), when it
// is a constant, else "".
func kafkaTopic(info *types.Info, rec ast.Expr) string {
	if rec == nil {
		return ""
	}
	e := ast.Unparen(rec)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != "Topic" {
			continue
		}
		if tv, ok := info.Types[kv.Value]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value)
		}
	}
	return ""
}
