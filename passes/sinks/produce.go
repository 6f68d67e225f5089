package sinks

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/batchlint/batchlint/knowledge"
)

const produceOp = "produce"

// produceRules are the registry's produce calls: calls that send one Kafka
// record and wait for its acknowledgement before the next.
func produceRules() []Rule {
	var rs []Rule
	for lib, p := range knowledge.Produces {
		match := matchOneRecord
		switch p.Sends {
		case knowledge.Flushed, knowledge.Promised:
			match = matchProduceWaited
		case knowledge.Sent:
			match = matchSendWaited
		}
		rs = append(rs, Rule{Pkg: p.Pkg, Type: p.Recv, Name: p.Name, Lib: lib.Key, Kind: Produce,
			Match: func(c *Context, call *ast.CallExpr) *Write { return match(c, call, p) }})
	}
	return rs
}

// produceWrite is the write of one record rec by call.
func produceWrite(c *Context, call *ast.CallExpr, p knowledge.Produce, rec ast.Expr, cost string) *Write {
	info := c.Pass.TypesInfo
	target := kafkaTopic(info, rec)
	if p.Topic > 0 && p.Topic <= len(call.Args) {
		if tv, ok := info.Types[call.Args[p.Topic-1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			target = constant.StringVal(tv.Value)
		}
	}
	return &Write{Call: call, Kind: Produce, Op: produceOp, Target: target, Head: p.Head, Fix: p.Fix, Batched: p.Batched, Detail: cost}
}

// matchOneRecord accepts the calls that carry exactly one record:
// ProduceSync(ctx, rec), ProduceSync(ctx, []*kgo.Record{rec}...),
// SendMessage(msg), SendMessages([]*ProducerMessage{msg}). Whether a
// segmentio Writer waits (Async false) is the producer configuration's
// business: produceloop consults passes/producers, which this pass cannot
// require.
func matchOneRecord(c *Context, call *ast.CallExpr, p knowledge.Produce) *Write {
	var rec ast.Expr
	switch p.Sends {
	case knowledge.OneVariadic:
		if kafkaVariadicCount(c.Pass.TypesInfo, call) != 1 {
			return nil
		}
		rec = kafkaLastArg(call)
	case knowledge.OneArg:
		if len(call.Args) != 1 || call.Ellipsis.IsValid() {
			return nil
		}
		rec = call.Args[0]
	case knowledge.OneSlice:
		if len(call.Args) != 1 {
			return nil
		}
		lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
		if !ok || len(lit.Elts) != 1 {
			return nil
		}
		if _, kv := lit.Elts[0].(*ast.KeyValueExpr); kv {
			return nil
		}
		rec = lit.Elts[0]
	}
	return produceWrite(c, call, p, rec, p.Cost)
}

// matchProduceWaited accepts a produce that only enqueues its record,
// followed, in the same iteration (or function), by a wait for it: a Flush
// of the same client or producer, a receive of its delivery report (from
// the channel passed or a Reports channel), or the wait for a signal its
// promise sends.
func matchProduceWaited(c *Context, call *ast.CallExpr, p knowledge.Produce) *Write {
	recv := receiver(call)
	if recv == nil || len(call.Args) <= max(p.Record, p.Waiter) {
		return nil
	}
	info := c.Pass.TypesInfo
	fn := c.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	pkg := fn.Pkg().Path()
	waiter := call.Args[p.Waiter]
	waits := []kafkaWait{kafkaFlushOf(info, recv, pkg, p.Recv, p.Flush, p.FlushCost)}
	if p.Sends == knowledge.Promised {
		waits = append(waits, kafkaPromiseWaits(info, waiter, p.ReportCost)...)
	} else if !kafkaIsNil(info, waiter) {
		waits = append(waits, kafkaReceiveFrom(func(ch ast.Expr) bool { return kafkaSameRef(info, ch, waiter) }, p.ReportCost))
	}
	waits = append(waits, kafkaReportOf(info, recv, pkg, p))
	how := kafkaWaitedInScope(c, call, waits)
	if how == "" {
		return nil
	}
	return produceWrite(c, call, p, call.Args[p.Record], how)
}

// matchSendWaited accepts "p.Input() <- msg" followed, in the same
// iteration, by a receive from one of the same producer's Reports channels.
func matchSendWaited(c *Context, call *ast.CallExpr, p knowledge.Produce) *Write {
	recv := receiver(call)
	if len(call.Args) != 0 || recv == nil {
		return nil
	}
	info := c.Pass.TypesInfo
	file := kafkaFileOf(c.Pass, call.Pos())
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	var send *ast.SendStmt
	for _, n := range path[1:] {
		if _, ok := n.(*ast.ParenExpr); ok {
			continue
		}
		send, _ = n.(*ast.SendStmt)
		break
	}
	if send == nil || ast.Unparen(send.Chan) != call {
		return nil
	}
	fn := c.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if kafkaWaitedInScope(c, call, []kafkaWait{kafkaReportOf(info, recv, fn.Pkg().Path(), p)}) == "" {
		return nil
	}
	return produceWrite(c, call, p, send.Value, p.ReportCost)
}

// kafkaReportOf waits by receiving from one of recv's Reports channels.
func kafkaReportOf(info *types.Info, recv ast.Expr, pkg string, p knowledge.Produce) kafkaWait {
	return kafkaReceiveFrom(func(ch ast.Expr) bool {
		ev, ok := ast.Unparen(ch).(*ast.CallExpr)
		return ok && len(p.Reports) > 0 && IsMethod(info, ev, pkg, p.Recv, p.Reports...) && kafkaSameRef(info, receiver(ev), recv)
	}, p.ReportCost)
}

// kafkaVariadicCount returns how many values a call passes to its variadic
// parameter: the arguments after the fixed ones, or the length of a spread
// slice literal; -1 when a spread slice's length is unknown.
func kafkaVariadicCount(info *types.Info, call *ast.CallExpr) int {
	sig, ok := kafkaTypeOf(info, call.Fun).(*types.Signature)
	if !ok || !sig.Variadic() {
		return -1
	}
	fixed := sig.Params().Len() - 1
	if call.Ellipsis.IsValid() {
		if len(call.Args) != fixed+1 {
			return -1
		}
		lit, ok := ast.Unparen(call.Args[fixed]).(*ast.CompositeLit)
		if !ok {
			return -1
		}
		return len(lit.Elts)
	}
	return len(call.Args) - fixed
}

func kafkaLastArg(call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 {
		return nil
	}
	arg := ast.Unparen(call.Args[len(call.Args)-1])
	if lit, ok := arg.(*ast.CompositeLit); ok && call.Ellipsis.IsValid() && len(lit.Elts) == 1 {
		return lit.Elts[0]
	}
	return arg
}
