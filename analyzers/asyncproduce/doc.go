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
package asyncproduce
