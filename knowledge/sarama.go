package knowledge

// sarama, under its current and its former import path.
const (
	SaramaPath    = "github.com/IBM/sarama"
	SaramaOldPath = "github.com/Shopify/sarama"
	SaramaKey     = "sarama"
)

// SaramaPaths are both import paths.
var SaramaPaths = []string{SaramaPath, SaramaOldPath}

// saramaProduces: a SyncProducer's SendMessage, or SendMessages of one,
// is a produce request per message; an AsyncProducer waited on after each
// send is one too.
func saramaProduces() []Produce {
	const cost, batched = "one produce request per message", "call SendMessages once with all messages, or use an AsyncProducer"
	var ps []Produce
	for _, path := range SaramaPaths {
		ps = append(ps,
			Produce{Func: Func{path, "SyncProducer", "SendMessage"}, Sends: OneArg, Head: "SendMessage", Cost: cost, Batched: batched,
				Fix: &BatchFix{Method: "SendMessages", Slice: "msgs"}},
			Produce{Func: Func{path, "SyncProducer", "SendMessages"}, Sends: OneSlice, Head: "SendMessages of one message", Cost: cost, Batched: batched},
			Produce{Func: Func{path, "AsyncProducer", "Input"}, Sends: Sent, Reports: []string{"Successes", "Errors"},
				Head: "AsyncProducer send and wait", ReportCost: "waiting on Successes() or Errors() after each send",
				Batched: "send all messages first and read Successes() and Errors() in goroutines"})
	}
	return ps
}

// Sarama is sarama. config.go NewConfig: the flush triggers are all zero
// ("as fast as possible") and compression is none in every version.
var Sarama = Library{
	Key:      SaramaKey,
	Paths:    SaramaPaths,
	Produces: saramaProduces(),
	Kafka: &Kafka{
		Paths: SaramaPaths,
		Constructors: map[string]Constructor{
			"NewSyncProducer":            {Arg: 1, Shape: SaramaCfg, Producer: true},
			"NewAsyncProducer":           {Arg: 1, Shape: SaramaCfg, Producer: true},
			"NewClient":                  {Arg: 1, Shape: SaramaCfg},
			"NewSyncProducerFromClient":  {Arg: 0, ClientOf: "NewClient", Producer: true},
			"NewAsyncProducerFromClient": {Arg: 0, ClientOf: "NewClient", Producer: true},
		},
		Fields: map[string]Option{
			"Producer.Flush.Frequency":   {FlushFrequency, Plain},
			"Producer.Flush.Bytes":       {FlushBytes, Plain},
			"Producer.Flush.Messages":    {FlushMessages, Plain},
			"Producer.Flush.MaxMessages": {BatchSize, Plain},
			"Producer.Compression":       {Compression, CodecArg},
			"Producer.MaxMessageBytes":   {BatchMaxBytes, Plain},
			"Producer.Return.Errors":     {ReturnErrors, Plain},
			"Producer.Return.Successes":  {ReturnSuccesses, Plain},
		},
		ConfigType: "Config",
		Shapes:     []ShapedType{{"Config", SaramaCfg, ByPointer}},
		NewConfig:  "NewConfig",
		// No flush trigger: the NewConfig default sends as fast as possible.
		// Setting MaxMessages (a cap, not a trigger) or a trigger to 0 is
		// a choice about flushing, not an oversight.
		Off: []OffRule{{Keys: []string{FlushFrequency, FlushBytes, FlushMessages}, Value: 0, Default: true,
			Chosen: []string{FlushBytes, FlushMessages, BatchSize},
			Set:    "sarama Producer.Flush.Frequency = 0 and no other Flush trigger",
			Unset:  "sarama config with no Producer.Flush trigger", Fix: "set Producer.Flush.Frequency to 20ms",
			Edit: "set Flush.Frequency to 20ms", Unit: Plain}},
		CodecValues: codecNumbers,
		Defaults: func(string) map[string]Value {
			return map[string]Value{
				FlushFrequency: {},
				FlushBytes:     {},
				FlushMessages:  {},
				BatchSize:      {},
				Compression:    {Str: "none"},
				BatchMaxBytes:  {Int: 1_000_000},
				// Errors are returned by default, successes not.
				ReturnErrors:    {Int: 1},
				ReturnSuccesses: {},
			}
		},
		// async_producer.go: "You must read from the Errors() channel or
		// the producer will deadlock", and Successes() likewise when
		// Return.Successes is set; each holds ChannelBufferSize (256).
		// Close reads both channels to the end and returns the errors.
		Outcomes: &Outcomes{
			ChannelCtors: []string{"NewAsyncProducer", "NewAsyncProducerFromClient"},
			Drain:        "Close",
			Send:         "Input",
			Channels: []Channel{
				{"Errors", ReturnErrors, "nothing reads this AsyncProducer's Errors(): failures go unseen and, once the channel fills, " +
					"the producer blocks; read Errors() in a goroutine"},
				{"Successes", ReturnSuccesses, "Return.Successes is set but nothing reads Successes(): once the channel fills, " +
					"the producer blocks; read Successes() in a goroutine"},
			},
		},
	},
}

func init() { register(&Sarama) }
