package knowledge

import (
	"slices"
	"strings"
)

// Canonical producer setting keys shared by all Kafka clients.
const (
	Linger           = "linger"             // time a batch may wait for more records, ns
	Compression      = "compression"        // codec name: "none", "gzip", "snappy", "lz4", "zstd"
	BatchMaxBytes    = "batch.max.bytes"    // largest batch, bytes
	BatchSize        = "batch.size"         // largest batch, records
	FlushBytes       = "flush.bytes"        // sarama: send when this many bytes are buffered
	FlushMessages    = "flush.messages"     // sarama: send when this many messages are buffered
	FlushFrequency   = "flush.frequency"    // sarama: send at least this often, ns
	Async            = "async"              // segmentio: WriteMessages does not wait (0/1)
	BatchTimeout     = "batch.timeout"      // segmentio: time a partial batch waits, ns
	BatchNumMessages = "batch.num.messages" // confluent: largest batch, records
	MaxBuffered      = "max.buffered"       // franz-go: records buffered before Produce blocks
	ReturnErrors     = "return.errors"      // sarama: failures go to Errors() (0/1)
	ReturnSuccesses  = "return.successes"   // sarama: acks go to Successes() (0/1)
	DeliveryReports  = "delivery.reports"   // confluent: reports go to Events() (0/1)
	Completion       = "completion"         // segmentio: the Writer's Completion callback
	ErrorLog         = "error.log"          // segmentio: the Writer's ErrorLogger or Logger
	Hooks            = "hooks"              // franz-go: kgo.WithHooks
)

// Produce is a method that sends Kafka records and returns once the broker
// has them, or one that only enqueues a record the code then waits for:
// called once per element, a produce request and an ack wait per record.
type Produce struct {
	Func
	// Sends says which calls send one record and wait for it.
	Sends Sends
	// Record is the argument holding the record (OneArg, Flushed,
	// Promised); Waiter the delivery channel (Flushed) or the promise
	// (Promised) argument.
	Record, Waiter int
	// Topic, when not 0, is the 1-based index of the argument naming the
	// topic; otherwise the record names it.
	Topic int
	// Flush is the receiver's method that waits for every buffered record;
	// Reports are its methods returning channels of the records' results.
	Flush   string
	Reports []string
	// Head names the call in messages. Cost is what one call costs ("":
	// the producer's configuration says, see Kafka.SyncWait); FlushCost
	// and ReportCost what waiting by a Flush or for the record's result
	// costs. Batched is the fix.
	Head, Cost, FlushCost, ReportCost, Batched string
	// Fix, when set, is how the suggested fix sends every record of the
	// loop with one call.
	Fix *BatchFix
}

// BatchFix is a call that sends every record at once: Method takes them
// all (the produce's own method when it is variadic, or one taking a slice
// that returns only an error), Slice names the records collected for it,
// and Chain is the method through which its result gives the error
// ("FirstErr"), if any.
type BatchFix struct{ Method, Slice, Chain string }

// Sends says which calls of a Produce send one record and wait for it.
type Sends int

const (
	OneVariadic Sends = iota // its variadic parameter gets one record
	OneArg                   // every call: it takes one record
	OneSlice                 // its slice argument is a literal of one record
	// Flushed: it enqueues, and the code then calls Flush, receives from
	// a Reports channel, or from the delivery channel it passed.
	Flushed
	// Promised: it enqueues, and the code then calls Flush or waits for
	// the promise it passed to run (a channel it sends on or closes, a
	// WaitGroup it marks done).
	Promised
	// Sent: it returns the channel the record is sent on, and the code
	// then receives from a Reports channel.
	Sent
)

// SyncWait words what a synchronous write of one record waits for when
// the producer's configuration decides (segmentio's Writer): a batch of one
// record, or the batch timeout (%s: how long), set, default or unknown.
type SyncWait struct {
	BatchOfOne, Timeout, DefaultTimeout, UnknownTimeout string
}

// Produces yields every library's produce calls, with the library.
var Produces = each(func(l *Library) []Produce { return l.Produces })

// ValueKind says how an option's argument or a field's value becomes a
// setting.
type ValueKind int

const (
	Plain     ValueKind = iota // an int, duration or bool as is
	CodecArg                   // a compression codec: constant or constructor
	Millis                     // milliseconds, stored as nanoseconds
	Text                       // a string
	OpaqueArg                  // sets the key to something not statically known
)

// Option maps an option, field or config key to a setting.
type Option struct {
	Key  string
	Kind ValueKind
}

// Shape is what kind of configuration value an expression holds.
type Shape int

const (
	NoShape      Shape = iota
	KgoOpt             // kgo.Opt or one of its option interfaces
	KgoOpts            // []kgo.Opt
	SaramaCfg          // *sarama.Config
	ConfigMap          // confluent kafka.ConfigMap or *kafka.ConfigMap
	Writer             // segmentio kafka.Writer or *kafka.Writer
	WriterConfig       // segmentio kafka.WriterConfig
)

// ShapedType is a named type of a Kafka client's API that holds producer
// configuration of shape Shape, used through a pointer, by value, or
// either.
type ShapedType struct {
	Name  string
	Shape Shape
	Use   PtrUse
}

// PtrUse says how a ShapedType is used.
type PtrUse int

const (
	ByEither PtrUse = iota
	ByPointer
	ByValue
)

// ShapeOf returns the shape of the library's configuration type name,
// used through a pointer when ptr, or NoShape.
func (k *Kafka) ShapeOf(name string, ptr bool) Shape {
	for _, c := range k.Shapes {
		if c.Name == name && (c.Use == ByEither || (c.Use == ByPointer) == ptr) {
			return c.Shape
		}
	}
	return NoShape
}

// Constructor says where a producer constructor takes its configuration.
type Constructor struct {
	// Options: every argument is an option (franz-go's NewClient).
	Options bool
	// Arg is the configuration argument, of the given shape.
	Arg   int
	Shape Shape
	// ClientOf: Arg is a client made by this other constructor, whose
	// configuration the producer uses (sarama's ...FromClient).
	ClientOf string
	// Producer: the constructor makes a producer. A constructor listed only
	// as another's ClientOf is not one by itself (a sarama client may serve
	// consumers only).
	Producer bool
}

// OffRule is one way a producer's configuration turns batching off, so
// that every batch leaves with about one record: every one of Keys holds
// the number Value, set explicitly or, when Default, by the library's
// default on a producing client.
type OffRule struct {
	Keys    []string
	Value   int64
	Default bool
	// Chosen are settings whose explicit value, whatever it is, shows that
	// the code chose how batches fill: with one set, the default alone is
	// not reported as a missing linger.
	Chosen []string
	// For messages: Set names the setting as the code writes it, Unset
	// says that the library's default holds (Default rules; "{version}"
	// stands for the module version), and Fix is the change to make.
	Set, Unset, Fix string
	// Edit, when set, titles the suggested fix that replaces the zero with
	// a 20ms linger written in Unit (Plain: a time.Duration; Millis:
	// milliseconds).
	Edit string
	Unit ValueKind
}

// UnsetText is Unset for a module version.
func (r OffRule) UnsetText(version string) string {
	return strings.ReplaceAll(r.Unset, "{version}", version)
}

// Value is a setting's value.
type Value struct {
	Int int64
	Str string
}

// Kafka is what batchlint knows about a Kafka client's producer.
type Kafka struct {
	// Paths are the import paths of the package holding the API. Their
	// module's version selects the defaults.
	Paths []string
	// Constructors are the package-level functions that build a client or
	// producer, by name.
	Constructors map[string]Constructor
	// Options maps option constructors (franz-go) to settings.
	Options map[string]Option
	// ProducerOptType is the named type of options that configure
	// producing (a client given one produces).
	ProducerOptType string
	// ProducingMethods, when set, are the client's methods that produce:
	// its clients may only consume, and produce when given a
	// ProducerOptType option or when one of these is called on them.
	ProducingMethods []string
	// Shapes are its types that hold producer configuration.
	Shapes []ShapedType
	// NewConfig is the function returning a default configuration, also
	// used for a nil one.
	NewConfig string
	// CodecTypePaths are packages besides Paths whose codec types use the
	// library's codec numbering.
	CodecTypePaths []string
	// Fields maps config field paths (sarama Config, segmentio Writer) to
	// settings.
	Fields map[string]Option
	// ConfigType is the named config type whose fields are in Fields.
	ConfigType string
	// Keys maps config map keys (confluent) to settings.
	Keys map[string]Option
	// CodecFuncs and CodecValues map codec constructors or constant values
	// to codec names; CodecPackages per-codec packages, whose constructors
	// and Codec types select that codec.
	CodecFuncs    map[string]string
	CodecValues   map[int64]string
	CodecPackages map[string]string
	// Off lists the configurations that turn batching off, in the order
	// they are reported.
	Off []OffRule
	// Defaults returns the library's defaults at a module version ("" when
	// unknown: only version-independent defaults).
	Defaults func(version string) map[string]Value
	// Outcomes says where an asynchronous produce's per-record result
	// (its error, its ack) goes, for asyncproduce.
	Outcomes *Outcomes
	// SyncWait words the wait of a synchronous write whose Produce has no
	// Cost.
	SyncWait *SyncWait
}

// Outcomes is how an asynchronous producer hands back each record's
// result. A producer loses results, or blocks, when its code asks for
// them nowhere.
type Outcomes struct {
	// AsyncKey, when set, is the setting that must be non-zero for writes
	// to return before their result (segmentio's Async); otherwise the
	// producer is always asynchronous.
	AsyncKey string
	// Observers are settings whose presence hands every result to code:
	// a callback, a hook.
	Observers []Observer
	// NilArg are the producing methods whose Arg'th argument, nil, asks
	// for no result of the record.
	NilArg []ArgFunc
	// Channels are methods returning a channel of results that the code
	// must receive from while the setting Key is non-zero.
	Channels []Channel
	// ChannelCtors are the constructors whose producers have Channels;
	// empty: every producer of the library.
	ChannelCtors []string
	// Drain is a method that reads every channel until the producer stops
	// and returns the errors (sarama's Close); Send the method whose
	// channel takes records. A checked Drain in the function that makes
	// every Send, none of them in a loop, reads the channels: too few
	// results to fill them come back from it.
	Drain, Send string
	// Lost says what a producer matching the rule (NilArg without
	// Channels; Channels without NilArg; AsyncKey with neither) loses,
	// and the fix, in one sentence.
	Lost string
}

// Observer is a setting that observes every result. Iface, when set, is
// an interface of the API package that the setting's values must
// implement to see errors; a value not known to implement it counts.
type Observer struct{ Key, Iface string }

// ArgFunc is a method of Recv with its Arg'th argument.
type ArgFunc struct {
	Recv, Name string
	Arg        int
}

// Channel is a method returning a channel of results, filled while the
// setting Key is non-zero.
type Channel struct {
	Method, Key string
	// Lost says what an unread channel costs and the fix.
	Lost string
}

// codecNumbers is the codec numbering sarama and kafka-go share with the
// Kafka protocol's record batch attributes.
var codecNumbers = map[int64]string{0: "none", 1: "gzip", 2: "snappy", 3: "lz4", 4: "zstd"}

// KafkaOf returns the Kafka client whose API package has import path path,
// or nil.
func KafkaOf(path string) *Library {
	for _, l := range libraries {
		if l.Kafka == nil {
			continue
		}
		for _, p := range l.Kafka.Paths {
			if p == path {
				return l
			}
		}
	}
	return nil
}

// CodecLibOf returns the Kafka client whose codec numbering the codec
// types of package path use, or nil.
func CodecLibOf(path string) *Library {
	for _, l := range libraries {
		if l.Kafka != nil && slices.Contains(l.Kafka.CodecTypePaths, path) {
			return l
		}
	}
	return KafkaOf(path)
}

// IsProducingMethod reports a method that produces on a client that may
// only consume, of any library.
func IsProducingMethod(name string) bool {
	for _, l := range libraries {
		if l.Kafka != nil && slices.Contains(l.Kafka.ProducingMethods, name) {
			return true
		}
	}
	return false
}

// CodecPackage returns the codec a per-codec package selects, or "".
func CodecPackage(path string) string {
	for _, l := range libraries {
		if l.Kafka != nil && l.Kafka.CodecPackages[path] != "" {
			return l.Kafka.CodecPackages[path]
		}
	}
	return ""
}
