// Package produceloop defines an Analyzer that reports Kafka produces that
// send one record and wait for it, once per iteration of a loop.
//
// # Analyzer produceloop
//
// produceloop: report one-record synchronous produces in loops
//
// A produce that waits for its acknowledgement before the next record is
// sent pays a full produce request per record: the request, the broker's
// append and replication, and the ack. Kafka's throughput comes from
// batching many records per request; a loop that waits per record gets
// none of it. Measured against an in-memory cluster on loopback (kfake,
// 200-byte records), a franz-go ProduceSync per record does one produce
// request per record and a few thousand records/s, while one ProduceSync
// of all the records is a single request and ~100x faster; a segmentio
// Writer with the default BatchTimeout waits about one second per message.
// On a real network every request also waits a real round trip.
//
// produceloop reports, inside a loop that runs once per element:
//
//   - franz-go (pkg/kgo): (*Client).ProduceSync and
//     (*GroupTransactSession).ProduceSync with exactly one record (one
//     argument, or a spread one-element slice literal); Produce and
//     TryProduce whose record is waited for in the same iteration: a Flush
//     of the same client after it, or the wait (wg.Wait, a receive, a select
//     without default) for a signal its promise sends.
//   - sarama (github.com/IBM/sarama and github.com/Shopify/sarama):
//     SyncProducer.SendMessage, SendMessages of a one-element slice literal,
//     and an AsyncProducer used synchronously: a send on Input() followed in
//     the same iteration by a receive from Successes() or Errors().
//   - segmentio/kafka-go: (*Writer).WriteMessages with one message on a
//     writer that is not Async, as resolved where the writer is built (a
//     struct literal, kafka.NewWriter, a struct field, a helper's result,
//     or a constructor in another package, through its analysis facts),
//     with the fields set by helpers it is handed to (tune(w), in this
//     package or, through analysis facts, in another).
//     The message states the BatchTimeout each call waits (1s by default).
//     A writer whose configuration cannot be seen (a parameter) is not
//     reported. A low-level *kafka.Conn sends every Write, WriteMessages or
//     WriteCompressedMessages call as one produce request and reads the
//     response: one message per call is reported too.
//   - confluent-kafka-go (v2 and v1): (*Producer).Produce followed in the
//     same iteration by a Flush of the same producer or a receive of the
//     delivery report (from the delivery channel or Events()).
//   - watermill-kafka (v3): (*kafka.Publisher).Publish with exactly one
//     message. Publish sends each message with a sarama SyncProducer's
//     SendMessage and waits for its ack, so one Publish of all the messages
//     costs as many requests (it has no loop of the caller's to report):
//     publish concurrently, or send with SendMessages. Calls through
//     watermill's message.Publisher interface are not reported.
//   - the same calls through the program's own interface (a producer
//     interface that tests fake) when a client type above implements the
//     whole interface (types.Implements) with that very method, and the
//     method's signature names a type of the client (*kgo.Record,
//     *sarama.ProducerMessage, *kafka.Message); its Flush is then the
//     client's too. An interface no client type implements, or whose method
//     names no client type (an io.Writer that segmentio's Conn satisfies),
//     stays unknown; so does a segmentio Writer behind an interface, whose
//     configuration cannot be seen.
//   - calls of functions, in this package or any other, that perform one
//     such produce on every call (a Publish method around ProduceSync): the
//     finding is at the call in the loop and names the function. So is a
//     call of a function value whose value is certain: a local variable
//     given one function or method value and never reassigned nor
//     addressed, or a field of a struct type of the package that the
//     package gives exactly one value (a function, a method value or a
//     literal) and never addresses. A wrapper around a segmentio Writer is
//     not followed: whether it waits depends on a writer the caller cannot
//     see.
//
// A counted loop that repeats an iteration's work a fixed or configured
// number of times (for i := 0; i < n; i++ or for range n, with n a constant
// or a package-level variable such as a -n flag, and an index that picks no
// element) inside a loop over data is not the loop the message names: the
// loop over data is.
//
// Consume-transform-produce: a synchronous produce per consumed record
// (inside fetches.EachRecord, a RecordIter loop, or a range over a sarama
// claim's Messages()) is reported, since it caps the pipeline at one
// produce round trip per record; produce the poll's records with one
// ProduceSync, or Produce asynchronously and Flush before committing
// offsets. One produce per poll (a progress record in the
// "for { fetches := cl.PollFetches(ctx) ... }" loop) is one per batch and
// is not reported.
//
// Not reported: produces of the whole slice (ProduceSync(ctx, recs...),
// SendMessages(msgs), WriteMessages(ctx, msgs...)); asynchronous Produce in
// a loop with one Flush or wait after it; a Flush under a threshold guard
// (if i%1000 == 0); Async segmentio writers; retry loops around one
// record; loops over a short literal list (fan-out to fixed topics) or a
// constant count of at most 16; chunk loops, including constant strides of
// 10 or more; paced loops (a range over data whose body sleeps a constant
// time or waits for a tick on every iteration); loops that exit in their
// first iteration; a produce in a goroutine launched once per element (go
// func(){...}(), errgroup's Go, sync.WaitGroup's Go), since those produces
// overlap and the producer batches the records that arrive while a request
// is in flight, so nobody waits once per record in turn; methods of the
// program's own types, or of interfaces no
// client type implements, that merely share a name with a client's method.
// Code in generated files is skipped, and so, unless -tests is set, is test
// code: _test.go files, and functions anywhere that take a *testing.T,
// *testing.B, *testing.F or testing.TB (helpers shared by several packages'
// tests).
//
// The message names the call, the topic when it is a constant, the loop,
// the cost and the batched form; related positions point at the loop and,
// for a wrapper, at the function that produces. For the simple shape — a
// range over a slice whose body only builds the record (declarations,
// assignments, "if skip { continue }" filters) and ends with the send and
// its error check — a suggested fix collects the records in the loop and
// sends them with one call after it: ProduceSync(ctx, recs...),
// SendMessages(msgs) or WriteMessages(ctx, msgs...); a loop that only sends
// the elements of a slice of records becomes one call with that slice. The
// fix is not offered when the error handling uses per-element variables or
// branches, or the body does anything else, since the rewrite would change
// behaviour; the fixed code sends every record before it reports the first
// error, where the loop stopped at it.
//
// A finding reads:
//
//	relay.go:31:13: ProduceSync of one record per element of rows: one produce request per record; call ProduceSync once with all records, or Produce and Flush once
//
// # Why
//
// Kafka's throughput comes from batching: a producer collects records per
// partition and sends many of them in one produce request. Waiting for each
// record's ack before producing the next defeats it: every record becomes a
// produce request of its own, and the loop runs at the speed of one request
// round trip (plus, for some shapes, a linger or batch timeout).
//
// Measured by `internal/kafkacost` (`go test -v` there) against franz-go's
// in-memory kfake cluster on loopback, 200-byte records. Produce requests are
// counted by the cluster, so they are exact; times were taken on a loaded
// 2-core machine and vary run to run, but the ratios hold:
//
// | shape | records | produce requests | time | records/s |
// |---|---|---|---|---|
// | kgo `ProduceSync` of one record per element | 200 | 200 | 44 ms | ~4.5k |
// | kgo `ProduceSync(ctx, recs...)` once | 200 | 1 | 0.44 ms | ~455k |
// | kgo `Produce` + `Flush` per element | 200 | 200 | 18 ms | ~11k |
// | kgo `Produce` all, one `Flush` | 200 | 1 | 0.56 ms | ~357k |
// | kgo `Produce`, wait for the promise per element | 50 | 50 | 568 ms | ~88 |
// | kgo `Produce` all, wait for the promises after | 50 | 1 | 11 ms | ~4.7k |
// | sarama `SendMessage` per element | 200 | 200 | 26 ms | ~7.6k |
// | sarama `SendMessages(msgs)` once | 200 | 2 | 1.8 ms | ~111k |
// | segmentio `WriteMessages` of one message per element | 3 | 3 | 3.004 s | 1 |
// | segmentio `WriteMessages(ctx, msgs...)` once | 3 | 1 | 1.001 s | 3 |
//
// On a quiet machine of the same kind the team measured ~25k records/s for
// one-record `ProduceSync` and ~2.5M records/s for asynchronous `Produce` with
// the default 10 ms linger (~3000 records per request). On a real cluster each
// request also waits a network round trip, so the one-record shapes fall much
// further behind.
//
// Two shapes are worse than they look:
//
//   - Waiting on a franz-go promise per record waits the client's linger (10 ms
//     by default since v1.20.0) as well as the request: under 100 records/s.
//   - A synchronous segmentio `Writer` waits `BatchTimeout` (1 s by default) for
//     a batch that one message never fills: about one message per second
//     (segmentio/kafka-go#1180). The finding states the writer's effective
//     `BatchTimeout`.
//
// The asynchronous forms this page recommends hand each record's result back
// later; code that never collects it loses errors or blocks, which
// [asyncproduce](asyncproduce.md) reports.
//
// # What is reported, and the fix per library
//
// # franz-go (github.com/twmb/franz-go/pkg/kgo)
//
// Bad: `ProduceSync` with one record per element (also through a
// `GroupTransactSession`, and `ProduceSync(ctx, []*kgo.Record{rec}...)`).
//
//	for _, e := range events {
//		rec := &kgo.Record{Topic: "events", Value: e.Body}
//		if err := cl.ProduceSync(ctx, rec).FirstErr(); err != nil {
//			return err
//		}
//	}
//
// Good, one call with every record (this is the suggested fix):
//
//	recs := make([]*kgo.Record, 0, len(events))
//	for _, e := range events {
//		rec := &kgo.Record{Topic: "events", Value: e.Body}
//		recs = append(recs, rec)
//	}
//	if err := cl.ProduceSync(ctx, recs...).FirstErr(); err != nil {
//		return err
//	}
//
// Bad: `Produce` followed by `Flush` (or by a wait on the promise: `wg.Wait()`,
// `<-done`, a `select`) in the same iteration.
//
//	for _, e := range events {
//		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
//		if err := cl.Flush(ctx); err != nil {
//			return err
//		}
//	}
//
// Good, produce everything, then flush or wait once:
//
//	for _, e := range events {
//		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(r *kgo.Record, err error) {
//			if err != nil {
//				log.Printf("produce %s: %v", r.Key, err)
//			}
//		})
//	}
//	if err := cl.Flush(ctx); err != nil {
//		return err
//	}
//
// Good, a stream of unknown length: `runtime/kafkabatch.Producer` produces
// asynchronously with bounded buffering and returns the failed records from
// `Flush`:
//
//	p := kafkabatch.Wrap(cl)
//	for e := range events {
//		if err := p.Produce(ctx, &kgo.Record{Value: e.Body}); err != nil {
//			return err
//		}
//	}
//	return p.Flush(ctx)
//
// Consume-transform-produce: a synchronous produce per consumed record (inside
// `fetches.EachRecord`, a `RecordIter` loop, a range over a sarama claim's
// `Messages()`) is reported — it caps the pipeline at one produce round trip per
// record. Produce the poll's records with one `ProduceSync`, or `Produce`
// asynchronously and `Flush` before committing offsets. One produce per poll
// (a progress record in `for { fetches := cl.PollFetches(ctx); ... }`) is one
// per batch and is not reported.
//
// # sarama (github.com/IBM/sarama, github.com/Shopify/sarama)
//
// Bad: `SyncProducer.SendMessage` (or `SendMessages` of a one-element slice
// literal) per element.
//
//	for _, o := range orders {
//		msg := &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
//		_, _, err := p.SendMessage(msg)
//		if err != nil {
//			return err
//		}
//	}
//
// Good (the suggested fix, when partition and offset are not used):
//
//	msgs := make([]*sarama.ProducerMessage, 0, len(orders))
//	for _, o := range orders {
//		msg := &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
//		msgs = append(msgs, msg)
//	}
//	if err := p.SendMessages(msgs); err != nil {
//		return err
//	}
//
// Bad: an `AsyncProducer` used synchronously — a send on `Input()` followed by
// a receive from `Successes()` or `Errors()` in the same iteration.
//
//	for _, o := range orders {
//		p.Input() <- &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
//		select {
//		case <-p.Successes():
//		case err := <-p.Errors():
//			return err
//		}
//	}
//
// Good, for a stream: send everything on `Input()`, and read `Successes()` and
// `Errors()` in their own goroutines.
//
// # segmentio/kafka-go
//
// Bad: `WriteMessages` of one message per element on a writer that is not
// `Async` — each call waits the writer's `BatchTimeout` (1 s by default).
//
//	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks"}
//	for _, c := range clicks {
//		if err := w.WriteMessages(ctx, kafka.Message{Value: c.JSON}); err != nil {
//			return err
//		}
//	}
//
// Good (the suggested fix):
//
//	msgs := make([]kafka.Message, 0, len(clicks))
//	for _, c := range clicks {
//		msgs = append(msgs, kafka.Message{Value: c.JSON})
//	}
//	if err := w.WriteMessages(ctx, msgs...); err != nil {
//		return err
//	}
//
// Or, for a stream, `Async: true` with a `Completion` callback that handles
// errors.
//
// A low-level `*kafka.Conn` sends every `Write`, `WriteMessages` or
// `WriteCompressedMessages` call as one produce request and waits for the
// response (it asks for acks from all replicas by default), so one message per
// call in a loop is reported as well; pass all the messages to one
// `WriteMessages`, or use a `Writer`. The writer's configuration is resolved where it is built (a struct
// literal, `kafka.NewWriter`, a struct field, a helper's result, or a
// constructor in another package through its analysis facts, by
// `passes/producers`), with the fields set by helpers it is handed to
// (`tune(w)`, in this package or, through analysis facts, in another); a writer whose configuration is not visible (a
// parameter) is not reported.
//
// # confluent-kafka-go (v2 and v1)
//
// Bad: `Produce` followed by `Flush`, or by a receive of the delivery report,
// in the same iteration.
//
//	for _, pay := range payments {
//		if err := p.Produce(msg(pay), nil); err != nil {
//			return err
//		}
//		p.Flush(15_000)
//	}
//
// Good: produce everything, then flush once (read delivery reports from
// `Events()` or a delivery channel in one goroutine):
//
//	for _, pay := range payments {
//		if err := p.Produce(msg(pay), nil); err != nil {
//			return err
//		}
//	}
//	if left := p.Flush(15_000); left > 0 {
//		return fmt.Errorf("%d payments not delivered", left)
//	}
//
// # watermill-kafka (github.com/ThreeDotsLabs/watermill-kafka/v3)
//
// Bad: `Publish` of one message per element. The `Publisher` wraps a sarama
// `SyncProducer` and sends each message with `SendMessage`, waiting for its
// ack.
//
//	for _, e := range events {
//		if err := pub.Publish("events", message.NewMessage(e.ID, e.Body)); err != nil {
//			return err
//		}
//	}
//
// `Publish("events", msgs...)` with every message is not reported (the loop is
// the library's), but it costs the same: `Publish` never batches. Good:
// publish from several goroutines (concurrent `SendMessage` calls share
// produce requests), or send the batch with a sarama `SyncProducer`'s
// `SendMessages`. Calls through watermill's `message.Publisher` interface are
// not reported: the publisher behind it may be any.
//
// # Wrappers
//
// A function that performs one synchronous produce on every call (a
// `Publish(ctx, e)` around `ProduceSync`, a `Notify` around `SendMessage`),
// in this package or another, is reported at the call in the loop, naming the
// function; the related position points at it. (A wrapper around a segmentio
// `Writer` is not followed: whether it waits depends on the writer's
// configuration, which the caller cannot see.) Give it a batched sibling
// (`PublishAll(ctx, events)`) and call that once.
//
// # What is not reported
//
//   - Produces of the whole slice: `ProduceSync(ctx, recs...)`,
//     `SendMessages(msgs)`, `WriteMessages(ctx, msgs...)`, including per chunk.
//   - Asynchronous `Produce` in a loop with one `Flush` or wait after it, or a
//     `Flush` under a threshold guard (`if i%1000 == 999 { Flush }`).
//   - `Async: true` segmentio writers, and writers whose configuration is not
//     visible.
//   - Retry loops around one record, loops over a short literal list (fan-out to
//     fixed topics) or a constant count of at most 16, chunk loops
//     (`slices.Chunk`, constant strides of 10 or more), paced loops (a range over
//     data whose body sleeps a constant time or waits for a tick on every
//     iteration), loops that exit during their first iteration, closures stored in
//     the loop but not run in it.
//   - One produce per poll of a consumer loop.
//   - Methods of the program's own types, and of interfaces no client type
//     implements, that share a name with a client's method (matching is by
//     package path and type). A method of your own interface counts as the
//     client's when a client type implements the whole interface with that very
//     method and the method's signature names a client type (`*kgo.Record`,
//     `*sarama.ProducerMessage`, `*kafka.Message`): a `syncProducer` interface
//     over `*kgo.Client`'s `ProduceSync` is reported, an `io.Writer` that
//     segmentio's `Conn` happens to satisfy is not, and neither is a segmentio
//     `Writer` behind an interface (its configuration is not visible).
//   - Generated files; unless `-tests` is set, test code: `_test.go` files, and functions anywhere that take a `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB` (helpers shared by several packages' tests).
//
// Precision and recall are measured on a labelled corpus of realistic producer
// code (`testdata/produce/corpus`, 32 bad and 36 ok call sites): precision
// 1.00, recall 0.97. The one miss is a segmentio writer built inside the loop
// body, whose configuration the producer resolution does not yet follow.
// The lines it gets wrong are listed, with the reason for each, in
// `testdata/produce/corpus/known.tsv`; `TestCorpus` fails when its misses or
// false positives differ from that list in either direction.
//
// # Suggested fix
//
// Offered for the simple shape only: a `range` over a slice whose body builds
// the record (declarations, assignments to the iteration's own variables,
// `if skip { continue }` filters) and ends with the send and its error check
// (`if err := ...; err != nil`, or `err := ...` / `err = ...` then
// `if err != nil`). The records are collected in the loop and sent with one
// call after it; a loop that only sends the elements of a slice of records
// (`for _, r := range recs { cl.ProduceSync(ctx, r) }`) becomes one call with
// that slice. It is not offered when the error handling names the element
// (`fmt.Errorf("event %s: %w", e.ID, err)`), continues or breaks, uses
// sarama's partition or offset, when the body logs or does anything else
// around the send, or when it reassigns a variable the send uses (such as
// `ctx`): each would change behaviour. Note that the fixed code sends every
// record before it reports the first error, where the loop stopped at it.
//
// # Suppressing
//
//	//batchlint:ignore produceloop -- each payment must be acknowledged before the next is priced
//	_, _, err := p.SendMessage(msg)
package produceloop
