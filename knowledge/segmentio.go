package knowledge

import "time"

// segmentio/kafka-go.
const (
	SegmentioPath = "github.com/segmentio/kafka-go"
	SegmentioKey  = "segmentio"
	// SegmentioCompressPath is the package of its Codec interface, which
	// kafka.Compression's codecs implement.
	SegmentioCompressPath = SegmentioPath + "/compress"
)

// segmentioProduces: a Writer's WriteMessages of one message waits as its
// configuration says; a Conn writes without a Writer's batching.
func segmentioProduces() []Produce {
	conn := func(name string, sends Sends) Produce {
		return Produce{Func: Func{SegmentioPath, "Conn", name}, Sends: sends, Head: "Conn." + name + " of one message",
			Cost: "one produce request per message", Batched: "pass all messages to one WriteMessages call, or use a kafka.Writer"}
	}
	return []Produce{
		{Func: Func{SegmentioPath, "Writer", "WriteMessages"}, Sends: OneVariadic, Head: "WriteMessages of one message",
			Batched: "call WriteMessages once with all messages, or set Async: true", Fix: &BatchFix{Method: "WriteMessages", Slice: "msgs"}},
		conn("WriteMessages", OneVariadic), conn("WriteCompressedMessages", OneVariadic), conn("Write", OneArg),
	}
}

// Segmentio is segmentio/kafka-go. Writer literals are producers too;
// writer.go: zero values mean the defaults.
var Segmentio = Library{
	Key:      SegmentioKey,
	Paths:    []string{SegmentioPath, SegmentioCompressPath},
	Produces: segmentioProduces(),
	Kafka: &Kafka{
		Paths: []string{SegmentioPath},
		Constructors: map[string]Constructor{
			"NewWriter": {Arg: 0, Shape: WriterConfig, Producer: true},
		},
		Fields: map[string]Option{
			"Async":        {Async, Plain},
			"BatchTimeout": {BatchTimeout, Plain},
			"BatchSize":    {BatchSize, Plain},
			"BatchBytes":   {BatchMaxBytes, Plain},
			"Compression":  {Compression, CodecArg},
			// WriterConfig's codec value.
			"CompressionCodec": {Compression, CodecArg},
			"Completion":       {Completion, OpaqueArg},
			"ErrorLogger":      {ErrorLog, OpaqueArg},
			"Logger":           {ErrorLog, OpaqueArg},
		},
		ConfigType:     "Writer",
		Shapes:         []ShapedType{{"Writer", Writer, ByEither}, {"WriterConfig", WriterConfig, ByValue}},
		CodecTypePaths: []string{SegmentioCompressPath},
		Off:            []OffRule{{Keys: []string{BatchSize}, Value: 1, Set: "BatchSize 1", Fix: "raise BatchSize (default 100)"}},
		CodecValues:    codecNumbers,
		CodecPackages: map[string]string{
			SegmentioPath + "/gzip":           "gzip",
			SegmentioPath + "/snappy":         "snappy",
			SegmentioPath + "/lz4":            "lz4",
			SegmentioPath + "/zstd":           "zstd",
			SegmentioCompressPath + "/gzip":   "gzip",
			SegmentioCompressPath + "/snappy": "snappy",
			SegmentioCompressPath + "/lz4":    "lz4",
			SegmentioCompressPath + "/zstd":   "zstd",
		},
		Defaults: func(string) map[string]Value {
			return map[string]Value{
				Async:         {},
				BatchTimeout:  {Int: int64(time.Second)},
				BatchSize:     {Int: 100},
				BatchMaxBytes: {Int: 1 << 20},
				Compression:   {Str: "none"},
				Completion:    {}, // none
				ErrorLog:      {}, // none
			}
		},
		// writer.go: an Async WriteMessages returns nil at once, and Close
		// returns nil; a write's error reaches only the Completion
		// callback, and the ErrorLogger (or else the Logger) as a line.
		SyncWait: &SyncWait{
			BatchOfOne:     "each call sends a batch of one message (BatchSize 1) and waits for it",
			Timeout:        "each call waits for its BatchTimeout of %s",
			DefaultTimeout: "each call waits for the default BatchTimeout of %s",
			UnknownTimeout: "each call waits for its BatchTimeout",
		},
		Outcomes: &Outcomes{
			AsyncKey:  Async,
			Observers: []Observer{{Key: Completion}, {Key: ErrorLog}},
			Lost: "Async writer with no Completion: WriteMessages returns before the write and its errors are dropped; " +
				"set Completion to handle them",
		},
	},
}

func init() { register(&Segmentio) }
