package knowledge

import (
	"time"

	"golang.org/x/mod/semver"
)

// KgoPath is franz-go's client package (checked against v1.22.3).
const KgoPath = "github.com/twmb/franz-go/pkg/kgo"

// FranzGoKey names franz-go.
const FranzGoKey = "franz-go"

// franz-go's one-record synchronous produces, and the batched forms to
// recommend (the measured figures are on produceloop's page).
func franzGoProduces() []Produce {
	const batched = "call ProduceSync once with all records, or Produce and Flush once"
	sync := func(recv string) Produce {
		return Produce{Func: Func{KgoPath, recv, "ProduceSync"}, Sends: OneVariadic,
			Head: "ProduceSync of one record", Cost: "one produce request per record", Batched: batched,
			Fix: &BatchFix{"ProduceSync", "recs", "FirstErr"}}
	}
	waited := func(name string) Produce {
		return Produce{Func: Func{KgoPath, "Client", name}, Sends: Promised, Record: 1, Waiter: 2, Flush: "Flush",
			Head: name + " and wait", FlushCost: "the Flush after each Produce waits for that record",
			ReportCost: "waiting for each record's promise", Batched: "Produce every record, then Flush once after the loop"}
	}
	return []Produce{sync("Client"), sync("GroupTransactSession"), waited("Produce"), waited("TryProduce")}
}

// FranzGo is franz-go. The Each* methods of a fetch call their function
// once per record, or once per partition or topic: a batch of records
// handed over at once, so Chunked. PollFetches and PollRecords return a
// batch per call.
var FranzGo = Library{
	Key:   FranzGoKey,
	Paths: []string{KgoPath},
	Iterators: []Callback{
		{Func{KgoPath, "Fetches", "EachRecord"}, 0, false},
		{Func{KgoPath, "Fetches", "EachError"}, 0, false},
		{Func{KgoPath, "Fetches", "EachPartition"}, 0, true},
		{Func{KgoPath, "Fetches", "EachTopic"}, 0, true},
		{Func{KgoPath, "FetchTopic", "EachPartition"}, 0, true},
		{Func{KgoPath, "FetchTopic", "EachRecord"}, 0, false},
		{Func{KgoPath, "FetchPartition", "EachRecord"}, 0, false},
		{Func{KgoPath, "FetchTopicPartition", "EachRecord"}, 0, false},
	},
	Pollers:  []Func{{KgoPath, "Client", "PollFetches"}, {KgoPath, "Client", "PollRecords"}},
	Produces: franzGoProduces(),
	Kafka: &Kafka{
		Paths: []string{KgoPath},
		Constructors: map[string]Constructor{
			"NewClient": {Options: true, Producer: true},
		},
		Options: map[string]Option{
			"ProducerLinger":           {Linger, Plain},
			"ProducerBatchCompression": {Compression, CodecArg},
			"ProducerBatchMaxBytes":    {BatchMaxBytes, Plain},
			"MaxBufferedRecords":       {MaxBuffered, Plain},
			"WithCompressor":           {Compression, OpaqueArg},
			"WithHooks":                {Hooks, OpaqueArg},
		},
		ProducerOptType:  "ProducerOpt",
		ProducingMethods: []string{"Produce", "ProduceSync", "TryProduce"},
		Shapes:           []ShapedType{{"Opt", KgoOpt, ByValue}, {"ProducerOpt", KgoOpt, ByValue}},
		// A zero linger, which is the default before v1.20.0.
		Off: []OffRule{{Keys: []string{Linger}, Value: 0, Default: true,
			Set: "kgo.ProducerLinger(0)", Unset: "franz-go {version} lingers 0 by default, unlike v1.20+",
			Fix: "use kgo.ProducerLinger(20*time.Millisecond)", Edit: "set a 20ms linger", Unit: Plain}},
		CodecFuncs: map[string]string{
			"NoCompression": "none", "GzipCompression": "gzip", "SnappyCompression": "snappy",
			"Lz4Compression": "lz4", "ZstdCompression": "zstd",
		},
		Defaults: func(version string) map[string]Value {
			d := map[string]Value{
				Compression:   {Str: "snappy"},
				BatchMaxBytes: {Int: 1_000_012},
				MaxBuffered:   {Int: 50_000},
				Hooks:         {}, // none
			}
			// pkg/kgo/config.go: linger defaults to 10ms since v1.20.0, 0 before.
			// Pre-releases and pseudo-versions before v1.20.0 may or may
			// not hold the change: unknown.
			switch {
			case !semver.IsValid(version):
			case semver.Compare(version, "v1.20.0") < 0 && semver.Prerelease(version) != "":
			case semver.Compare(version, "v1.20.0") < 0:
				d[Linger] = Value{Int: 0}
			default:
				d[Linger] = Value{Int: int64(10 * time.Millisecond)}
			}
			return d
		},
		// producer.go (v1.22.3): Produce and TryProduce replace a nil
		// promise with one that does nothing, so the record's error is
		// seen only by hooks implementing HookProduceRecordUnbuffered,
		// which get every record and its error before its promise runs.
		// A transaction does not help: EndTransaction commits after a
		// refused record (internal/kafkacost shows it on kfake).
		Outcomes: &Outcomes{
			NilArg:    []ArgFunc{{"Client", "Produce", 2}, {"Client", "TryProduce", 2}},
			Observers: []Observer{{Hooks, "HookProduceRecordUnbuffered"}},
			Lost: "Produce with a nil promise: if the record fails, no one sees its error; pass a promise that handles it, " +
				"or use ProduceSync or runtime/kafkabatch.Producer",
		},
	},
}

func init() { register(&FranzGo) }
