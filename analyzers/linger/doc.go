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
// the config to change (configure(cfg)) applies its assignments. An
// exported function of another package that builds one producer from a
// config parameter (ctor.NewSync(addrs, cfg)) is, at its call, a producer
// built from the config the caller passes; defaults are reported at that
// call. Confluent
// ConfigMap entries copied (a range loop or maps.Copy) from an unexported
// package-level map, or from one profile of a map of named profiles, are
// known; with a profile name not known, every profile's values count, as
// paths. Values that come from flags, the environment, files, or
// parameters of exported functions are not known statically and are never
// reported. A deliberate zero linger (a latency-critical control-plane
// producer) is suppressed with
//
//	//batchlint:ignore linger -- control-plane producer, latency over throughput
package linger
