// Package compression defines an Analyzer that reports Kafka producers that
// compress batches which never wait to fill.
//
// # Analyzer compression
//
// compression: report producer compression where batching is effectively off
//
// Compression works on a batch: a single 200-byte record barely compresses,
// while a 128 KB batch of similar records compresses 2–4x (zstd about 20–30%
// better than lz4, at more CPU). A producer whose batches never wait to fill
// sends a record or a few per batch at light load, and pays the codec's CPU
// and framing for almost no saving.
// Batch first, then compress.
//
// The analyzer reports a gzip, snappy, lz4 or zstd codec, at the setting,
// when the same producer turns batching off:
//
//   - franz-go: kgo.ProducerBatchCompression with kgo.ProducerLinger(0), or
//     with no ProducerLinger on franz-go older than v1.20.0 (default 0).
//   - sarama: Producer.Compression with Producer.Flush.Frequency, Bytes and
//     Messages all 0 (the NewConfig default).
//   - confluent-kafka-go: compression.type or compression.codec with
//     linger.ms (queue.buffering.max.ms) 0 or batch.num.messages 1.
//   - segmentio/kafka-go: Writer.Compression or WriterConfig.CompressionCodec
//     with BatchSize 1.
//
// The finding's related location points at what turns batching off. The
// fix is to batch (a linger of 5–100 ms, a flush threshold), not to drop
// the codec, so no automatic fix is offered. Values from flags, the
// environment or parameters are unknown and never reported. Batching must
// be off on every path: a zero linger on one branch is linger's finding.
//
// Each codec setting is reported once, with the producers of the package it
// reaches as related information. A codec written in an exported helper
// together with what turns batching off is reported in the helper's
// package, not again at each importer's constructor; when the importer (or
// a library default the helper leaves) turns batching off, the finding is
// at the importer's use of the helper.
//
// A finding reads:
//
//	orders.go:22:3: zstd compression where batching is off (kgo.ProducerLinger(0)): tiny batches barely compress; use kgo.ProducerLinger(20*time.Millisecond)
//
// # Why
//
// Measured with franz-go on loopback, batching first and then compressing
// (linger 20 ms plus zstd) reached ~3.2M records/s at ~3800 records per
// request.
//
// # What is reported
//
// | Library | Codec | Batching is off when |
// |---|---|---|
// | franz-go `kgo` | `ProducerBatchCompression(...)` whose first preference is not `NoCompression()` | `ProducerLinger(0)`, or no `ProducerLinger` on franz-go < v1.20.0 for a producing client |
// | sarama (IBM and Shopify paths) | `Producer.Compression` | `Producer.Flush.Frequency`, `Bytes` and `Messages` all 0 (the `NewConfig` default) |
// | confluent-kafka-go v2 | `compression.type` / `compression.codec` | `linger.ms` (or `queue.buffering.max.ms`) 0, or `batch.num.messages` 1 |
// | segmentio/kafka-go | `Writer.Compression`, `WriterConfig.CompressionCodec` | `BatchSize: 1` |
//
//	// Reported.
//	kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0))
//
//	// Good: batches fill, then compress.
//	kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(20*time.Millisecond))
//
// Values are resolved as for [linger](linger.md). A codec that is only a
// default (franz-go's snappy) is not reported. Batching must be off on every
// path: a zero linger on one branch is [linger](linger.md)'s finding.
//
// Each codec setting is reported once, with the producers of the package it
// reaches as related information. A codec written in an exported helper
// together with what turns batching off is reported in the helper's package, not
// again at each importer's constructor; when the importer (or a library default
// the helper leaves) turns batching off, the finding is at the importer's use of
// the helper.
//
// # Suppressing
//
//	//batchlint:ignore compression -- 1 MB JSON documents, each compresses on its own
//
// # Precision
//
// The labelled corpus in `testdata/kafka/corpus/compression` (31 findings, 32
// look-alikes) is measured by `TestCorpus`: precision 1.00, recall 1.00.
// It also fails when the analyzer's misses or false positives differ from
// the list of known ones, each with its reason, in `known.tsv` in that
// folder (empty today).
package compression
