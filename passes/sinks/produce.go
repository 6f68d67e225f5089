package sinks

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/batchlint/batchlint/knowledge"
)

const produceOp = "produce"

// produceRules is the produce part of the knowledge base: calls that send one
// Kafka record and wait for its acknowledgement before returning.
var produceRules = append([]Rule{
	{Pkg: knowledge.KgoPath, Type: "Client", Name: "ProduceSync", Lib: knowledge.FranzGoKey, Kind: Produce, Match: matchProduceSync},
	{Pkg: knowledge.KgoPath, Type: "GroupTransactSession", Name: "ProduceSync", Lib: knowledge.FranzGoKey, Kind: Produce, Match: matchProduceSync},
	{Pkg: knowledge.KgoPath, Type: "Client", Name: "Produce", Lib: knowledge.FranzGoKey, Kind: Produce, Match: matchKgoProduceWaited},
	{Pkg: knowledge.KgoPath, Type: "Client", Name: "TryProduce", Lib: knowledge.FranzGoKey, Kind: Produce, Match: matchKgoProduceWaited},
	{Pkg: knowledge.SaramaPath, Type: "SyncProducer", Name: "SendMessage", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchSendMessage},
	{Pkg: knowledge.SaramaOldPath, Type: "SyncProducer", Name: "SendMessage", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchSendMessage},
	{Pkg: knowledge.SaramaPath, Type: "SyncProducer", Name: "SendMessages", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchSendOneMessage},
	{Pkg: knowledge.SaramaOldPath, Type: "SyncProducer", Name: "SendMessages", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchSendOneMessage},
	{Pkg: knowledge.SaramaPath, Type: "AsyncProducer", Name: "Input", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchAsyncInputWaited},
	{Pkg: knowledge.SaramaOldPath, Type: "AsyncProducer", Name: "Input", Lib: knowledge.SaramaKey, Kind: Produce, Match: matchAsyncInputWaited},
	{Pkg: knowledge.SegmentioPath, Type: "Writer", Name: "WriteMessages", Lib: knowledge.SegmentioKey, Kind: Produce, Match: matchWriteMessages},
	{Pkg: knowledge.SegmentioPath, Type: "Conn", Name: "WriteMessages", Lib: knowledge.SegmentioKey, Kind: Produce, Match: matchConnWrite},
	{Pkg: knowledge.SegmentioPath, Type: "Conn", Name: "WriteCompressedMessages", Lib: knowledge.SegmentioKey, Kind: Produce, Match: matchConnWrite},
	{Pkg: knowledge.SegmentioPath, Type: "Conn", Name: "Write", Lib: knowledge.SegmentioKey, Kind: Produce, Match: matchConnWrite},
}, confluentRules()...)

// confluentRules match confluent-kafka-go v1 and v2 alike, as the producers
// pass resolves both.
func confluentRules() []Rule {
	var rs []Rule
	for _, path := range knowledge.Confluent.Kafka.Paths {
		rs = append(rs, Rule{Pkg: path, Type: "Producer", Name: "Produce", Lib: knowledge.ConfluentKey, Kind: Produce, Match: matchConfluentProduceWaited})
	}
	return rs
}

// matchProduceSync accepts ProduceSync(ctx, rec) and ProduceSync(ctx,
// []*kgo.Record{rec}...): exactly one record per call.
func matchProduceSync(c *Context, call *ast.CallExpr) *Write {
	if kafkaVariadicCount(c.Pass.TypesInfo, call) != 1 {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.FranzGoKey, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, kafkaLastArg(call)),
		Batched: knowledge.FranzGoBatched,
		Detail:  knowledge.FranzGoSyncCost,
	}
}

// matchKgoProduceWaited accepts Produce (or TryProduce) whose record is
// waited for before the iteration (or the function) ends: a Flush of the same
// client, or the wait for a signal its promise sends.
func matchKgoProduceWaited(c *Context, call *ast.CallExpr) *Write {
	if len(call.Args) != 3 {
		return nil
	}
	recv := kafkaReceiver(call)
	if recv == nil {
		return nil
	}
	info := c.Pass.TypesInfo
	waits := []kafkaWait{kafkaFlushOf(info, recv, knowledge.KgoPath, "Client", knowledge.FranzGoFlushCost)}
	waits = append(waits, kafkaPromiseWaits(info, call.Args[2], knowledge.FranzGoPromiseCost)...)
	how := kafkaWaitedInScope(c, call, waits)
	if how == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.FranzGoKey, Op: produceOp,
		Target:  kafkaTopic(info, call.Args[1]),
		Batched: knowledge.FranzGoWaitFix,
		Detail:  how,
	}
}

// matchSendMessage accepts every SyncProducer.SendMessage: it takes one message.
func matchSendMessage(c *Context, call *ast.CallExpr) *Write {
	if len(call.Args) != 1 {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.SaramaKey, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, call.Args[0]),
		Batched: knowledge.SaramaBatched,
		Detail:  knowledge.SaramaCost,
	}
}

// matchAsyncInputWaited accepts "p.Input() <- msg" followed, in the same
// iteration, by a receive from the same producer's Successes() or Errors().
func matchAsyncInputWaited(c *Context, call *ast.CallExpr) *Write {
	recv := kafkaReceiver(call)
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
	fn := kafkaCallee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	pkg := fn.Pkg().Path()
	wait := kafkaReceiveFrom(func(ch ast.Expr) bool {
		ev, ok := ast.Unparen(ch).(*ast.CallExpr)
		return ok && IsMethod(info, ev, pkg, "AsyncProducer", "Successes", "Errors") &&
			kafkaSameRef(info, kafkaReceiver(ev), recv)
	}, knowledge.SaramaAsyncWaitCost)
	if kafkaWaitedInScope(c, call, []kafkaWait{wait}) == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.SaramaKey, Op: produceOp,
		Target:  kafkaTopic(info, send.Value),
		Batched: knowledge.SaramaAsyncBatched,
		Detail:  knowledge.SaramaAsyncWaitCost,
	}
}

// matchSendOneMessage accepts SendMessages of a one-element slice literal:
// one message per call, like SendMessage.
func matchSendOneMessage(c *Context, call *ast.CallExpr) *Write {
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
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.SaramaKey, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, lit.Elts[0]),
		Batched: knowledge.SaramaBatched,
		Detail:  knowledge.SaramaCost,
	}
}

// matchWriteMessages accepts Writer.WriteMessages with one message. Whether
// the writer waits (Async false) is the producer configuration's business:
// produceloop consults passes/producers, which this pass cannot require.
func matchWriteMessages(c *Context, call *ast.CallExpr) *Write {
	if kafkaVariadicCount(c.Pass.TypesInfo, call) != 1 {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.SegmentioKey, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, kafkaLastArg(call)),
		Batched: knowledge.SegmentioBatched,
	}
}

// matchConnWrite accepts a Conn's Write(b) and WriteMessages or
// WriteCompressedMessages with one message: a Conn sends each call as one
// produce request and reads the response before returning.
func matchConnWrite(c *Context, call *ast.CallExpr) *Write {
	fn := kafkaCallee(c.Pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	var rec ast.Expr
	if fn.Name() == "Write" {
		if len(call.Args) != 1 || call.Ellipsis.IsValid() {
			return nil
		}
	} else {
		if kafkaVariadicCount(c.Pass.TypesInfo, call) != 1 {
			return nil
		}
		rec = kafkaLastArg(call)
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.SegmentioKey, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, rec),
		Batched: knowledge.SegmentioConnBatched,
		Detail:  knowledge.SegmentioConnCost,
	}
}

// matchConfluentProduceWaited accepts Producer.Produce followed, in the same
// iteration, by a Flush of the same producer or a receive of the delivery
// report (from the delivery channel or the producer's Events()).
func matchConfluentProduceWaited(c *Context, call *ast.CallExpr) *Write {
	if len(call.Args) != 2 {
		return nil
	}
	recv := kafkaReceiver(call)
	if recv == nil {
		return nil
	}
	info := c.Pass.TypesInfo
	fn := kafkaCallee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	pkg := fn.Pkg().Path()
	waits := []kafkaWait{
		kafkaFlushOf(info, recv, pkg, "Producer", knowledge.ConfluentFlushCost),
		kafkaReceiveFrom(func(ch ast.Expr) bool {
			if kafkaIsNil(info, call.Args[1]) {
				return false
			}
			return kafkaSameRef(info, ch, call.Args[1])
		}, knowledge.ConfluentReportCost),
		kafkaReceiveFrom(func(ch ast.Expr) bool {
			ev, ok := ast.Unparen(ch).(*ast.CallExpr)
			return ok && IsMethod(info, ev, pkg, "Producer", "Events") && kafkaSameRef(info, kafkaReceiver(ev), recv)
		}, knowledge.ConfluentReportCost),
	}
	how := kafkaWaitedInScope(c, call, waits)
	if how == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: knowledge.ConfluentKey, Op: produceOp,
		Target:  kafkaTopic(info, call.Args[0]),
		Batched: knowledge.ConfluentBatched,
		Detail:  how,
	}
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
