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
//     or a constructor in another package, through its analysis facts).
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
//     finding is at the call in the loop and names the function. A wrapper
//     around a segmentio Writer is not followed: whether it waits depends on
//     a writer the caller cannot see.
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
// first iteration; methods of the program's own types, or of interfaces no
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
// Flags:
//
//	-tests  also report findings in test code
//
// Suppress a deliberate per-record produce with a reason:
//
//	//batchlint:ignore produceloop -- each payment must be acknowledged before the next is priced
package produceloop
