package producers

import (
	"time"

	"golang.org/x/mod/semver"
)

// The per-library knowledge: which calls construct a producer, which
// options, fields and config keys map to which canonical setting, and the
// defaults by library version. Adding a client library is an entry here
// plus testdata.

// Library keys, as in Producer.Lib.
const (
	FranzGo   = "franz-go"
	Sarama    = "sarama"
	Segmentio = "segmentio"
	Confluent = "confluent"
)

// valueKind says how an option's argument or a field's value becomes a
// Setting.
type valueKind int

const (
	plain     valueKind = iota // an int, duration or bool as is
	codecArg                   // a compression codec: constant or constructor
	millis                     // milliseconds, stored as nanoseconds
	text                       // a string
	opaqueArg                  // sets the key to something not statically known
)

type optionRule struct {
	key  string
	kind valueKind
}

// constructor says where a producer constructor takes its configuration.
type constructor struct {
	// options: every argument is an option (franz-go's NewClient).
	options bool
	// arg is the configuration argument, of the given shape.
	arg   int
	shape shape
	// clientOf: arg is a client made by this other constructor, whose
	// configuration the producer uses (sarama's ...FromClient).
	clientOf string
	// producer: the constructor makes a producer. A constructor listed only
	// as another's clientOf is not one by itself (a sarama client may serve
	// consumers only).
	producer bool
}

// library describes one Kafka client library.
type library struct {
	name string
	// constructors are the package-level functions that build a client or
	// producer, by name.
	constructors map[string]constructor
	// pkgs are the import paths of the package holding the API. Their
	// module's version selects the defaults.
	pkgs []string
	// options maps option constructors (franz-go) to settings.
	options map[string]optionRule
	// producerOptType is the named type of options that configure
	// producing (a client given one produces).
	producerOptType string
	// fields maps config field paths (sarama Config, segmentio Writer) to
	// settings.
	fields map[string]optionRule
	// configType is the named config type whose fields are in fields.
	configType string
	// keys maps config map keys (confluent) to settings.
	keys map[string]optionRule
	// codecs maps codec constructors or constant values to codec names.
	codecFuncs  map[string]string
	codecValues map[int64]string
	// defaults returns the library's defaults at a module version ("" when
	// unknown: only version-independent defaults).
	defaults func(version string) map[string]Setting
}

func known(i int64) Setting     { return Setting{Known: true, Int: i} }
func knownStr(s string) Setting { return Setting{Known: true, Str: s} }

// codecPackages are kafka-go's per-codec packages, whose constructors and
// Codec types select that codec.
var codecPackages = map[string]string{
	"github.com/segmentio/kafka-go/gzip":            "gzip",
	"github.com/segmentio/kafka-go/snappy":          "snappy",
	"github.com/segmentio/kafka-go/lz4":             "lz4",
	"github.com/segmentio/kafka-go/zstd":            "zstd",
	"github.com/segmentio/kafka-go/compress/gzip":   "gzip",
	"github.com/segmentio/kafka-go/compress/snappy": "snappy",
	"github.com/segmentio/kafka-go/compress/lz4":    "lz4",
	"github.com/segmentio/kafka-go/compress/zstd":   "zstd",
}

// codecNumbers is the codec numbering sarama and kafka-go share with the
// Kafka protocol's record batch attributes.
var codecNumbers = map[int64]string{0: "none", 1: "gzip", 2: "snappy", 3: "lz4", 4: "zstd"}

var libraries = []*library{
	{
		name: FranzGo,
		pkgs: []string{"github.com/twmb/franz-go/pkg/kgo"},
		constructors: map[string]constructor{
			"NewClient": {options: true, producer: true},
		},
		options: map[string]optionRule{
			"ProducerLinger":           {Linger, plain},
			"ProducerBatchCompression": {Compression, codecArg},
			"ProducerBatchMaxBytes":    {BatchMaxBytes, plain},
			"MaxBufferedRecords":       {MaxBuffered, plain},
			"WithCompressor":           {Compression, opaqueArg},
		},
		producerOptType: "ProducerOpt",
		codecFuncs: map[string]string{
			"NoCompression": "none", "GzipCompression": "gzip", "SnappyCompression": "snappy",
			"Lz4Compression": "lz4", "ZstdCompression": "zstd",
		},
		defaults: func(version string) map[string]Setting {
			d := map[string]Setting{
				Compression:   knownStr("snappy"),
				BatchMaxBytes: known(1_000_012),
				MaxBuffered:   known(50_000),
			}
			// pkg/kgo/config.go: linger defaults to 10ms since v1.20.0, 0 before.
			// Pre-releases and pseudo-versions before v1.20.0 may or may
			// not hold the change: unknown.
			switch {
			case !semver.IsValid(version):
			case versionLess(version, "v1.20.0") && semver.Prerelease(version) != "":
			case versionLess(version, "v1.20.0"):
				d[Linger] = known(0)
			default:
				d[Linger] = known(int64(10 * time.Millisecond))
			}
			return d
		},
	},
	saramaLib("github.com/IBM/sarama"),
	saramaLib("github.com/Shopify/sarama"),
	{
		name: Segmentio,
		pkgs: []string{"github.com/segmentio/kafka-go"},
		// Writer literals are producers too (see writerProducer).
		constructors: map[string]constructor{
			"NewWriter": {arg: 0, shape: writerConfig, producer: true},
		},
		fields: map[string]optionRule{
			"Async":        {Async, plain},
			"BatchTimeout": {BatchTimeout, plain},
			"BatchSize":    {BatchSize, plain},
			"BatchBytes":   {BatchMaxBytes, plain},
			"Compression":  {Compression, codecArg},
			// WriterConfig's codec value.
			"CompressionCodec": {Compression, codecArg},
		},
		configType:  "Writer",
		codecValues: codecNumbers,
		// writer.go: zero values mean these defaults.
		defaults: func(string) map[string]Setting {
			return map[string]Setting{
				Async:         known(0),
				BatchTimeout:  known(int64(time.Second)),
				BatchSize:     known(100),
				BatchMaxBytes: known(1 << 20),
				Compression:   knownStr("none"),
			}
		},
	},
	{
		name: Confluent,
		pkgs: []string{"github.com/confluentinc/confluent-kafka-go/v2/kafka", "github.com/confluentinc/confluent-kafka-go/kafka"},
		constructors: map[string]constructor{
			"NewProducer": {arg: 0, shape: configMap, producer: true},
		},
		keys: map[string]optionRule{
			"linger.ms":              {Linger, millis},
			"queue.buffering.max.ms": {Linger, millis},
			"compression.type":       {Compression, text},
			"compression.codec":      {Compression, text},
			"batch.num.messages":     {BatchNumMessages, plain},
			"batch.size":             {BatchMaxBytes, plain},
		},
		// librdkafka CONFIGURATION.md (2.x).
		defaults: func(string) map[string]Setting {
			return map[string]Setting{
				Linger:           known(int64(5 * time.Millisecond)),
				Compression:      knownStr("none"),
				BatchNumMessages: known(10000),
				BatchMaxBytes:    known(1_000_000),
			}
		},
	},
}

func saramaLib(path string) *library {
	return &library{
		name: Sarama,
		pkgs: []string{path},
		constructors: map[string]constructor{
			"NewSyncProducer":            {arg: 1, shape: saramaCfg, producer: true},
			"NewAsyncProducer":           {arg: 1, shape: saramaCfg, producer: true},
			"NewClient":                  {arg: 1, shape: saramaCfg},
			"NewSyncProducerFromClient":  {arg: 0, clientOf: "NewClient", producer: true},
			"NewAsyncProducerFromClient": {arg: 0, clientOf: "NewClient", producer: true},
		},
		fields: map[string]optionRule{
			"Producer.Flush.Frequency":   {FlushFrequency, plain},
			"Producer.Flush.Bytes":       {FlushBytes, plain},
			"Producer.Flush.Messages":    {FlushMessages, plain},
			"Producer.Flush.MaxMessages": {BatchSize, plain},
			"Producer.Compression":       {Compression, codecArg},
			"Producer.MaxMessageBytes":   {BatchMaxBytes, plain},
		},
		configType:  "Config",
		codecValues: codecNumbers,
		// config.go NewConfig: the flush triggers are all zero ("as fast as
		// possible") and compression is none in every version.
		defaults: func(string) map[string]Setting {
			return map[string]Setting{
				FlushFrequency: known(0),
				FlushBytes:     known(0),
				FlushMessages:  known(0),
				BatchSize:      known(0),
				Compression:    knownStr("none"),
				BatchMaxBytes:  known(1_000_000),
			}
		},
	}
}

// libraryOf returns the library whose package has import path path.
func libraryOf(path string) *library {
	for _, l := range libraries {
		for _, p := range l.pkgs {
			if p == path {
				return l
			}
		}
	}
	return nil
}

// versionLess compares two module versions "vMAJOR.MINOR.PATCH[-pre]".
func versionLess(a, b string) bool { return semver.Compare(a, b) < 0 }
