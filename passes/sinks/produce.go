package sinks

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// Import paths of the Kafka producer clients.
const (
	kgoPkg        = "github.com/twmb/franz-go/pkg/kgo"
	ibmSaramaPkg  = "github.com/IBM/sarama"
	saramaPkg     = "github.com/Shopify/sarama"
	segmentioPkg  = "github.com/segmentio/kafka-go"
	confluentPkg  = "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	produceOp     = "produce"
	franzGoLib    = "franz-go"
	saramaLib     = "sarama"
	segmentioLib  = "segmentio"
	confluentLib  = "confluent"
	kgoBatched    = "collect the records and call ProduceSync once with all of them, or Produce asynchronously and Flush after the loop (runtime/kafkabatch.Producer)"
	kgoWaitFix    = "Produce every record and Flush (or wait for the promises) once after the loop (runtime/kafkabatch.Producer)"
	saramaBatched = "collect the messages and call SendMessages once with all of them, or use an AsyncProducer"
	segioBatched  = "collect the messages and call WriteMessages once with all of them, or set Async: true and handle errors in Completion"
	confBatched   = "Produce every message and Flush once after the loop, reading delivery reports from Events() in one goroutine"

	kgoSyncCost    = "each call un-lingers the partition and waits for the ack (one produce request per record, ~25k records/s on loopback vs ~2.5M async)"
	kgoFlushCost   = "the Flush after each Produce un-lingers the partition and waits for that one record's ack (one produce request per record, ~25k records/s on loopback vs ~2.5M async)"
	kgoPromiseCost = "waiting for each record's promise before producing the next costs a linger (10ms by default) plus a round trip per record (one produce request per record)"
	asyncWaitCost  = "waiting on Successes() or Errors() after each send makes the AsyncProducer synchronous (one produce request per message)"
	asyncBatched   = "send every message first and read Successes() and Errors() in their own goroutines, or collect the messages and call SendMessages once"
	connCost       = "each call is its own produce request and waits for the broker's response (a Conn asks for acks from all replicas by default: one request per message)"
	connBatched    = "pass all the messages to one WriteMessages call, or use a kafka.Writer"
	saramaCost     = "each call sends one message and waits for its ack (one produce request per message)"
	confFlushCost  = "the Flush after each Produce overrides linger.ms and waits for that one message's delivery report (one produce request per message)"
	confReportCost = "waiting for each message's delivery report before producing the next costs linger.ms (5ms by default) plus a round trip per message (one produce request per message)"
)

// produceRules is the produce part of the knowledge base: calls that send one
// Kafka record and wait for its acknowledgement before returning.
var produceRules = []Rule{
	{Pkg: kgoPkg, Type: "Client", Name: "ProduceSync", Lib: franzGoLib, Kind: Produce, Match: matchProduceSync},
	{Pkg: kgoPkg, Type: "GroupTransactSession", Name: "ProduceSync", Lib: franzGoLib, Kind: Produce, Match: matchProduceSync},
	{Pkg: kgoPkg, Type: "Client", Name: "Produce", Lib: franzGoLib, Kind: Produce, Match: matchKgoProduceWaited},
	{Pkg: kgoPkg, Type: "Client", Name: "TryProduce", Lib: franzGoLib, Kind: Produce, Match: matchKgoProduceWaited},
	{Pkg: ibmSaramaPkg, Type: "SyncProducer", Name: "SendMessage", Lib: saramaLib, Kind: Produce, Match: matchSendMessage},
	{Pkg: saramaPkg, Type: "SyncProducer", Name: "SendMessage", Lib: saramaLib, Kind: Produce, Match: matchSendMessage},
	{Pkg: ibmSaramaPkg, Type: "SyncProducer", Name: "SendMessages", Lib: saramaLib, Kind: Produce, Match: matchSendOneMessage},
	{Pkg: saramaPkg, Type: "SyncProducer", Name: "SendMessages", Lib: saramaLib, Kind: Produce, Match: matchSendOneMessage},
	{Pkg: ibmSaramaPkg, Type: "AsyncProducer", Name: "Input", Lib: saramaLib, Kind: Produce, Match: matchAsyncInputWaited},
	{Pkg: saramaPkg, Type: "AsyncProducer", Name: "Input", Lib: saramaLib, Kind: Produce, Match: matchAsyncInputWaited},
	{Pkg: segmentioPkg, Type: "Writer", Name: "WriteMessages", Lib: segmentioLib, Kind: Produce, Match: matchWriteMessages},
	{Pkg: segmentioPkg, Type: "Conn", Name: "WriteMessages", Lib: segmentioLib, Kind: Produce, Match: matchConnWrite},
	{Pkg: segmentioPkg, Type: "Conn", Name: "WriteCompressedMessages", Lib: segmentioLib, Kind: Produce, Match: matchConnWrite},
	{Pkg: segmentioPkg, Type: "Conn", Name: "Write", Lib: segmentioLib, Kind: Produce, Match: matchConnWrite},
	{Pkg: confluentPkg, Type: "Producer", Name: "Produce", Lib: confluentLib, Kind: Produce, Match: matchConfluentProduceWaited},
}

// produceCosts is what one synchronous one-record produce costs, per library,
// as measured against kfake on loopback (internal/kafkacost).
var produceCosts = map[string]string{
	franzGoLib:   "each call waits for the record's ack, so every record is its own produce request (~25k records/s on loopback vs ~2.5M async)",
	saramaLib:    "each call sends one message and waits for its ack, so every message is its own produce request",
	segmentioLib: "each call waits for the writer's BatchTimeout before sending a batch of one message",
	confluentLib: "Flush overrides linger.ms and waits for the one queued message's delivery report, so every message is its own produce request",
}

// ProduceCost states the cost of one synchronous one-record produce with lib
// ("franz-go", "sarama", "segmentio", "confluent"), for messages about writes
// that happen inside a wrapper, or "" for an unknown library.
func ProduceCost(lib string) string { return produceCosts[lib] }

// matchProduceSync accepts ProduceSync(ctx, rec) and ProduceSync(ctx,
// []*kgo.Record{rec}...): exactly one record per call.
func matchProduceSync(c *Context, call *ast.CallExpr) *Write {
	if kafkaVariadicCount(c.Pass.TypesInfo, call) != 1 {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: franzGoLib, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, kafkaLastArg(call)),
		Batched: kgoBatched,
		Detail:  kgoSyncCost,
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
	waits := []kafkaWait{kafkaFlushOf(info, recv, kgoPkg, "Client", kgoFlushCost)}
	waits = append(waits, kafkaPromiseWaits(info, call.Args[2], kgoPromiseCost)...)
	how := kafkaWaitedInScope(c, call, waits)
	if how == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: franzGoLib, Op: produceOp,
		Target:  kafkaTopic(info, call.Args[1]),
		Batched: kgoWaitFix,
		Detail:  how,
	}
}

// matchSendMessage accepts every SyncProducer.SendMessage: it takes one message.
func matchSendMessage(c *Context, call *ast.CallExpr) *Write {
	if len(call.Args) != 1 {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: saramaLib, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, call.Args[0]),
		Batched: saramaBatched,
		Detail:  saramaCost,
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
	}, asyncWaitCost)
	if kafkaWaitedInScope(c, call, []kafkaWait{wait}) == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: saramaLib, Op: produceOp,
		Target:  kafkaTopic(info, send.Value),
		Batched: asyncBatched,
		Detail:  asyncWaitCost,
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
		Call: call, Kind: Produce, Lib: saramaLib, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, lit.Elts[0]),
		Batched: saramaBatched,
		Detail:  saramaCost,
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
		Call: call, Kind: Produce, Lib: segmentioLib, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, kafkaLastArg(call)),
		Batched: segioBatched,
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
		Call: call, Kind: Produce, Lib: segmentioLib, Op: produceOp,
		Target:  kafkaTopic(c.Pass.TypesInfo, rec),
		Batched: connBatched,
		Detail:  connCost,
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
		kafkaFlushOf(info, recv, pkg, "Producer", confFlushCost),
		kafkaReceiveFrom(func(ch ast.Expr) bool {
			if kafkaIsNil(info, call.Args[1]) {
				return false
			}
			return kafkaSameRef(info, ch, call.Args[1])
		}, confReportCost),
		kafkaReceiveFrom(func(ch ast.Expr) bool {
			ev, ok := ast.Unparen(ch).(*ast.CallExpr)
			return ok && IsMethod(info, ev, pkg, "Producer", "Events") && kafkaSameRef(info, kafkaReceiver(ev), recv)
		}, confReportCost),
	}
	how := kafkaWaitedInScope(c, call, waits)
	if how == "" {
		return nil
	}
	return &Write{
		Call: call, Kind: Produce, Lib: confluentLib, Op: produceOp,
		Target:  kafkaTopic(info, call.Args[0]),
		Batched: confBatched,
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
