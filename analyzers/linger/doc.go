// Package linger defines an Analyzer that reports Kafka producers that never
// linger: every batch leaves as soon as one record is buffered.
//
// # Analyzer linger
//
// linger: report Kafka producers configured to send every batch immediately
//
// A producer that lingers waits a few milliseconds for more records before
// it sends a batch. Without a linger each produce request carries only what
// happened to be buffered at that instant: measured with franz-go on
// loopback, ~280 records per request instead of ~3000, 2.0M instead of 2.5M
// records/s, and a real network round trip widens the gap. A linger costs
// nothing under load: batches fill and leave before it expires. It only
// bounds how long a half-empty batch waits.
//
// The analyzer reports, at the setting:
//
//   - franz-go: kgo.ProducerLinger(0), also through constants, variables,
//     helper functions and option slices built elsewhere. The suggested fix
//     sets kgo.ProducerLinger(20 * time.Millisecond).
//   - sarama (github.com/IBM/sarama and github.com/Shopify/sarama):
//     Producer.Flush.Frequency = 0 while Flush.Bytes and Flush.Messages are
//     also 0. The suggested fix sets Frequency to 20 * time.Millisecond;
//     add a Flush.Bytes threshold too. A SyncProducer's lone SendMessage
//     then waits up to Frequency for the flush: the linger pays off with
//     concurrent senders or SendMessages batches.
//   - confluent-kafka-go: "linger.ms" or "queue.buffering.max.ms" set to 0
//     (int, float or string). The suggested fix sets 20.
//
// and, at the producer's construction, the producers that linger 0 by
// default in the library version being compiled:
//
//   - sarama producers whose config assigns no Producer.Flush field (sarama
//     never lingers unless told to).
//   - franz-go clients used for producing that set no ProducerLinger, when
//     franz-go is older than v1.20.0 (the default became 10ms in v1.20.0).
//     The version is the one the build resolves for the kgo package; when it
//     is unknown nothing is reported.
//
// An explicit zero written on one path only (if lowLatency { opts =
// append(opts, kgo.ProducerLinger(0)) }) is reported at that line, even when
// the other paths linger: the user wrote it, and the fix or the suppression
// belongs there. An option that may come later and override it (an option
// slice from a parameter) keeps it unreported.
//
// Each explicit setting is reported once, at the line that writes it, with
// the producers of the package it reaches as related information. A
// setting written in an exported helper (a shared options package) is
// reported in the helper's package when the helper's configuration alone
// turns batching off; go/analysis reports only in the package it analyses,
// so producers built from the helper in other packages are not listed, and
// they are not reported again. A default the helper leaves (no
// ProducerLinger, no Flush field) is reported at each constructor that uses
// it, since an importer may set it.
//
// A configuration is followed into the package's own functions: a config
// handed to an unexported constructor helper as a parameter is what every
// call in the package passes (when the calls agree), and a helper handed
// the config to change (configure(cfg)) applies its assignments. So does
// an exported helper of another package (tune.Acks(cfg)), through an
// analysis fact on what it writes. An explicit zero it writes is reported
// once, in the helper's package, when what it writes alone turns batching
// off (confluent linger.ms 0, every sarama Flush trigger 0); otherwise at
// each call, naming the helper's line. A helper that keeps the config,
// replaces it or hands it to code this pass cannot follow leaves it
// unknown. An exported function of another package that builds one
// producer from a config parameter (ctor.NewSync(addrs, cfg)) is, at its
// call, a producer built from the config the caller passes; defaults are
// reported at that call. Confluent
// ConfigMap entries copied (a range loop or maps.Copy) from an unexported
// package-level map, or from one profile of a map of named profiles, are
// known; with a profile name not known, every profile's values count, as
// paths. Values that come from flags, the environment, files, or
// parameters of exported functions are not known statically and are never
// reported.
//
// A finding reads:
//
//	events.go:37:3: kgo.ProducerLinger(0): each batch leaves before it fills; use kgo.ProducerLinger(20*time.Millisecond)
//
// Related information points at the producer's construction when the setting is
// elsewhere (an option slice, a helper, a config built earlier).
//
// # Why
//
// A batch is sent when it is full or when its linger expires. With a linger of
// 0 a batch holds only the records that arrived while the previous request was
// in flight. Measured with franz-go v1.22.3 on an in-memory cluster (loopback,
// 200-byte records, async Produce): linger 0 ~2.0M records/s at ~280 records per
// request; the default 10 ms ~2.5M records/s at ~3000; 20 ms with zstd ~3.2M at
// ~3800. Loopback hides the round trip: on a real network the gap widens.
//
// # What is reported
//
// | Library | Explicit (at the setting) | Implicit (at the constructor) | Fix |
// |---|---|---|---|
// | franz-go `kgo` | `kgo.ProducerLinger(0)` | producing client without `ProducerLinger` on franz-go < v1.20.0 (default 0; 10 ms since v1.20.0) | `kgo.ProducerLinger(20 * time.Millisecond)`, importing `time` when needed |
// | sarama (`github.com/IBM/sarama`, `github.com/Shopify/sarama`) | `Producer.Flush.Frequency = 0` while `Flush.Bytes` and `Flush.Messages` are 0 | `NewSyncProducer`/`NewAsyncProducer`/`...FromClient` whose config assigns no `Producer.Flush` field (also a nil config) | `Frequency = 20 * time.Millisecond`; add `Flush.Bytes` |
// | confluent-kafka-go v2 | `"linger.ms"` / `"queue.buffering.max.ms"` = 0 (int, float or `"0"`) | — (librdkafka defaults to 5 ms) | the value becomes 20 |
//
// segmentio/kafka-go writers linger by default (BatchTimeout 1 s — too long for
// a synchronous loop, which is produceloop's business).
//
// The franz-go version is the one the build resolves for
// `github.com/twmb/franz-go/pkg/kgo` (go.mod, vendor/modules.txt, replace
// directives with a version). When it is unknown — a replace to a directory, a
// driver that reports no module, a pre-release or pseudo-version before v1.20.0 —
// nothing implicit is reported.
//
//	// Reported (franz-go v1.19.5, go.mod): no ProducerLinger, so linger is 0.
//	cl, _ := kgo.NewClient(kgo.SeedBrokers(brokers...))
//	cl.Produce(ctx, rec, nil)
//
//	// Reported: sarama never lingers unless told to.
//	cfg := sarama.NewConfig()
//	cfg.Producer.Return.Successes = true
//	p, _ := sarama.NewSyncProducer(addrs, cfg)
//
//	// Good.
//	cfg.Producer.Flush.Frequency = 20 * time.Millisecond
//	cfg.Producer.Flush.Bytes = 64 << 10
//
// # How values are resolved
//
// The setting is followed from the constructor through option slices
// (literals, `append`, conditional appends), local variables assigned once,
// unexported package variables never reassigned, constants, helper functions
// returning a constant or a configuration (in the same package, or exported
// from another package via analysis facts), struct fields set in the same
// function, sarama `*Config` values built by helpers, confluent `ConfigMap`
// literals, `SetKey` calls and index stores. A configuration is followed into
// the package's own functions: a config handed to an unexported constructor
// helper as a parameter is what every call in the package passes (when they
// agree), and a `configure(cfg)` helper applies its assignments, in this
// package or, described by an analysis fact, in another (`tune.Acks(cfg)`). An
// explicit zero such a helper writes is reported once, in its package, when what
// it writes alone turns batching off (`"linger.ms"` 0, every sarama `Flush`
// trigger 0), and otherwise at each call, naming the helper's line. The helper must be handed a sarama `*Config`, a confluent
// `ConfigMap` or a segmentio `*Writer` and use it only to read and set what it
// holds: one that stores it, returns it, replaces it or hands it to code this
// pass cannot follow leaves the configuration unknown. franz-go option slices
// are values, not shared: a builder that takes a slice and returns it appended
// (`withProducing(opts)`) is followed only when it is unexported and every call
// is in view. An exported function of another package that builds one producer
// from a config parameter (`ctor.NewSync(addrs, cfg)`, described by an analysis
// fact) is, at its call, a producer built from the config the caller passes;
// defaults are reported at that call. Confluent `ConfigMap` entries copied (a
// range loop or `maps.Copy`) from an unexported package-level map, or from one
// profile of a map of named profiles, are known;
// with a profile name not known, every profile's values count, as paths. Types and
// import paths decide what is a producer and an option, never names.
//
// A value is known when every path agrees. An explicit zero written on one path
// only (`if lowLatency { opts = append(opts, kgo.ProducerLinger(0)) }`) is still
// reported at that line: the user wrote it, and the fix or the suppression
// belongs there. An option that may come later and override it (an option slice
// from a parameter) keeps it unreported.
//
// Values from flags, the environment, files, or parameters of exported
// functions are unknown and never reported; so is a configuration handed to a
// function this pass cannot follow.
//
// # Where a finding is reported
//
// Each explicit setting is reported once, at the line that writes it, with the
// producers of the package it reaches as related information. A setting written
// in an exported helper (a shared options package) is reported in the helper's
// package when the helper's configuration alone turns batching off: go/analysis
// reports only in the package it analyses, so producers built from the helper in
// other packages are not listed, and they are not reported again. A default the
// helper leaves (no `ProducerLinger`, no `Flush` field) is reported at each
// constructor that uses it, since an importer may set it. A `configure(cfg)`
// helper of another package counts as such a helper when what it writes alone
// turns batching off; an explicit zero that needs the caller's other settings
// to turn it off is reported at each call of the helper.
//
// # Suppressing
//
// A deliberate zero linger (a latency-critical control-plane producer):
//
//	//batchlint:ignore linger -- leader-election heartbeats, latency over throughput
//	cl, err := kgo.NewClient(kgo.ProducerLinger(0))
//
// # Precision
//
// The labelled corpus in `testdata/kafka/corpus/linger` (34 findings that must
// be reported, 35 look-alikes) is measured by `TestCorpus`: precision 1.00,
// recall 1.00.
// It also fails when the analyzer's misses or false positives differ from
// the list of known ones, each with its reason, in `known.tsv` in that
// folder (empty today).
package linger
