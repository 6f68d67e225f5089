// Package asyncproduce defines an Analyzer that reports asynchronous Kafka
// produces whose per-record results nobody reads.
//
// # Analyzer asyncproduce
//
// asyncproduce: report asynchronous produces whose errors and acks nobody reads
//
// Batching producers are asynchronous: a produce call only buffers the
// record, and its error (or its ack) comes back later, through a callback
// or a channel. When the code asks for that result nowhere, a failed
// record is lost without a trace, or the result channel fills and the
// producer blocks, taking the application's produce path with it.
//
// The analyzer reports, for producers constructed in the package:
//
//   - franz-go: Produce or TryProduce with a nil promise, on a client with
//     no hook implementing kgo.HookProduceRecordUnbuffered (which sees every
//     record's error). ProduceSync, a promise, and such a hook are fine;
//     a transaction is not: EndTransaction commits after a refused record.
//   - sarama: an AsyncProducer whose Errors() is never read, while
//     Producer.Return.Errors is true (the default), or whose Successes() is
//     never read while Producer.Return.Successes is true: once the channel
//     (ChannelBufferSize, 256 by default) fills, the producer blocks.
//   - segmentio/kafka-go: a Writer with Async: true, no Completion function
//     and no ErrorLogger or Logger: WriteMessages returns at once and write
//     errors are dropped.
//   - confluent-kafka-go: Produce with a nil delivery channel while nothing
//     reads the producer's Events() and go.delivery.reports is not false:
//     delivery reports, errors included, pile up unread.
//
// A channel counts as read when the package calls the method anywhere on
// the producer: in a goroutine, a for range, a select. A producer passed to
// a function, in this package or another, is followed into it: a fact says
// which methods the function uses on that parameter. sarama's Close reads
// both channels to the end and returns the errors, so a function that
// sends on Input() outside any loop and checks Close's error is fine. The
// analyzer stays silent when the producer reaches code it cannot see (a
// function that stores it, an interface, an exported field or variable, an
// exported function's result), for a segmentio Writer when code outside
// the package can reach it (it may set Completion), and when the
// configuration is not known (options or configs from parameters).
// The fix is to read the channel in a goroutine, pass a promise, set
// Completion, or use runtime/kafkabatch.Producer, which hands failed
// records back from Flush; none is mechanical, so no fix is suggested.
//
// The analyzer is off by default until its precision on real code is
// measured: enable it with enabled: true in the configuration file, or
// run it alone with -asyncproduce.
//
// A finding reads:
//
//	events.go:19:3: asyncproduce: Produce with a nil promise: if the record fails, no one sees its
//	error; pass a promise that handles it, or use ProduceSync or runtime/kafkabatch.Producer
//		events.go:13:13: the producer is constructed here
//
// # Why
//
// batchlint's other Kafka analyzers push code towards asynchronous, batched produces. Their classic
// failure is the mirror image of the per-record one: the call returns before the broker answers, so
// the result has to come back some other way, and code that never collects it either drops errors
// (silent data loss) or, where results queue on a channel, stalls once the channel is full (a
// buffer hides a capacity problem until the producer blocks and backpressure runs through the
// application).
//
// `TestFranzGoNilPromiseLosesTheError` and `TestSaramaUnreadErrorsBlock` (internal/kafkacost, on a
// kfake cluster that refuses every record) show both: franz-go's `Flush` returns nil after a
// `Produce` with a nil promise whose record was refused, while `ProduceSync` and a promise get
// `INVALID_RECORD` (and in a transaction, `EndTransaction` commits all the same:
// `TestFranzGoTransactionLosesTheErrorToo`); a sarama `AsyncProducer` whose `Errors()` nobody reads
// stops taking messages on `Input()` (after several hundred messages with `ChannelBufferSize` 1)
// until a reader appears.
//
// # What is reported
//
// | Library | Reported | Where | What the library does (version read) |
// |---|---|---|---|
// | franz-go `kgo` | `Produce` or `TryProduce` with a nil promise, on a client with no hook implementing `kgo.HookProduceRecordUnbuffered` | the call | `producer.go` (v1.22.3, and v1.19.5) replaces a nil promise with one that does nothing; `Flush` returns no record's error; a `HookProduceRecordUnbuffered` hook gets every record with its error |
// | sarama (IBM and Shopify paths) | an `AsyncProducer` whose `Errors()` the package never reads while `Producer.Return.Errors` is true (the default), or whose `Successes()` it never reads while `Producer.Return.Successes` is true | the constructor (`NewAsyncProducer`, `NewAsyncProducerFromClient`) | `async_producer.go` (v1.61.1, v1.38.1): "You must read from the Errors() channel or the producer will deadlock"; each channel holds `ChannelBufferSize` (256) |
// | segmentio/kafka-go | a `Writer` (or `WriterConfig`) with `Async: true`, no `Completion` and no `ErrorLogger` or `Logger` | the writer | `writer.go` (v0.4.51): an async `WriteMessages` returns nil at once and `Close` returns nil; errors go only to `Completion`, and as a log line to the `ErrorLogger` (or else the `Logger`) |
// | confluent-kafka-go v2 and v1 | `Produce(msg, nil)` while the package never reads the producer's `Events()` and `go.delivery.reports` is not false | the call | `producer.go` (v2.11.1, and v1): reports, errors included, go to `Events()`, which buffers `go.events.channel.size` (1,000,000) events |
//
// A finding at a call points at the producer's construction; one at a construction points at the
// setting that asks for the unread results when it is explicit (`Return.Successes = true`,
// `w.Async = true`).
//
// The fixes: pass a promise (or use `ProduceSync`, or
// [runtime/kafkabatch](../../runtime/kafkabatch)`.Producer`, whose `Flush` hands failed records
// back); read `Errors()` (and `Successes()`) in a goroutine for the producer's whole life; set
// `Completion`; read `Events()` in a goroutine or pass a delivery channel. None is mechanical, so no
// fix is suggested.
//
//	// Reported: the error of a refused record is seen by no one.
//	cl.Produce(ctx, rec, nil)
//
//	// Good.
//	cl.Produce(ctx, rec, func(r *kgo.Record, err error) {
//		if err != nil {
//			log.Printf("produce to %s: %v", r.Topic, err)
//		}
//	})
//
//	// Reported: once 256 errors wait, Input() blocks.
//	p, err := sarama.NewAsyncProducer(brokers, sarama.NewConfig())
//
//	// Good.
//	go func() {
//		for err := range p.Errors() {
//			log.Print(err)
//		}
//	}()
//
// # What stays silent
//
//   - A channel the package reads anywhere on the same producer: in a goroutine, a `for range`, a
//     `select`, a method of the struct that holds it. Any use of `Errors()` counts as reading it.
//   - A sarama producer whose `Close()` error is checked in the function that makes every `Input()`
//     send, none of them in a loop: `Close` reads both channels to the end and returns the errors, and
//     so few sends cannot fill them. Sends in a loop can fill the channel long before `Close` runs, and
//     stay reported.
//   - A producer that reaches code the analyzer cannot see: passed to a function that stores it,
//     returns it or hands it on where facts do not follow, stored in an exported field or package
//     variable, returned from an exported function or a function literal. A producer passed to a
//     function, in the same package or another, is followed into it: a fact records which methods
//     the function calls on that parameter (`go drain(p)` reads `Errors()` when `drain` does, and a
//     function that only sends on `Input()` reads nothing).
//   - A segmentio `Writer` that code outside the package can reach (returned from an exported
//     function, stored in an exported field or variable): that code may set `Completion` on it. A
//     `Completion`, `ErrorLogger` or `Logger` the package sets on the writer anywhere counts.
//   - A configuration that is not known: options, configs or config maps from parameters, a hook
//     whose type is an interface, `Async` from a variable. `Producer.Return.Errors = false` and
//     `"go.delivery.reports": false` ask for no results.
//   - A franz-go client that is not constructed in the package (a parameter): its hooks are unknown.
//   - `ProduceSync`, sarama's `SyncProducer`, a synchronous `Writer`.
//   - A producer whose construction result is discarded: nothing is sent on it.
//
// # Precision
//
// Two labelled corpora, both labelled before the rule ran on them:
//
//   - `testdata/kafka/corpus/asyncproduce`, written with the rule: 30 positives and 32 look-alikes,
//     precision 1.000, recall 1.000 (`TestCorpus` fails below the suite's bars).
//   - `testdata/kafka/independent/asyncproduce`, shapes of public Go code rewritten: 18 positives and
//     14 look-alikes, precision 1.000, recall 0.667 (`TestIndependentCorpus`). The
//     six misses are producers the rule cannot see whole, by design: franz-go clients injected, kept
//     in an `atomic.Value` or passed as a parameter (their hooks are unknown); confluent producers in
//     an exported field or made by an exported helper (someone else may read `Events()`); a sarama
//     producer stored in a struct field that two constructors share.
//
// Each corpus lists the lines the analyzer gets wrong, with the reason for each, in `known.tsv` in
// its folder; the tests fail when the analyzer's misses or false positives differ from that list
// in either direction, so these figures change only together with a list.
//
// On the Kafka repositories of the real-code sweep (kaf, kafkactl, Burrow, kafka-pixy, topicctl,
// kcl, kafka-message-scheduler) it reports nothing: their async producers read their channels
// (kafka-pixy's `Errors()` and `Successes()` in a select, kafka-message-scheduler's `Events()` in a
// goroutine). With no finding there, its precision on real code is not measured, which is why it
// ships off.
//
// # Suppressing
//
//	//batchlint:ignore asyncproduce -- metrics records: losing one is fine
package asyncproduce
