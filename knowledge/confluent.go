package knowledge

import "time"

// confluent-kafka-go, v2 and v1.
const (
	ConfluentPath   = "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	ConfluentV1Path = "github.com/confluentinc/confluent-kafka-go/kafka"
	ConfluentKey    = "confluent"
)

// confluentProduces: Produce enqueues; waiting for the message after each
// one, by Flush or its delivery report, sends it alone.
func confluentProduces() []Produce {
	var ps []Produce
	for _, path := range []string{ConfluentPath, ConfluentV1Path} {
		ps = append(ps, Produce{Func: Func{path, "Producer", "Produce"}, Sends: Flushed, Record: 0, Waiter: 1,
			Flush: "Flush", Reports: []string{"Events"}, Head: "Produce and wait",
			FlushCost: "the Flush after each Produce waits for that message", ReportCost: "waiting for each message's delivery report",
			Batched: "Produce every message, then Flush once after the loop"})
	}
	return ps
}

// Confluent is confluent-kafka-go; its defaults are librdkafka's
// (CONFIGURATION.md, 2.x).
var Confluent = Library{
	Key:      ConfluentKey,
	Paths:    []string{ConfluentPath, ConfluentV1Path},
	Produces: confluentProduces(),
	Kafka: &Kafka{
		Paths: []string{ConfluentPath, ConfluentV1Path},
		Constructors: map[string]Constructor{
			"NewProducer": {Arg: 0, Shape: ConfigMap, Producer: true},
		},
		Shapes: []ShapedType{{"ConfigMap", ConfigMap, ByEither}},
		Keys: map[string]Option{
			"linger.ms":              {Linger, Millis},
			"queue.buffering.max.ms": {Linger, Millis},
			"compression.type":       {Compression, Text},
			"compression.codec":      {Compression, Text},
			"batch.num.messages":     {BatchNumMessages, Plain},
			"batch.size":             {BatchMaxBytes, Plain},
			"go.delivery.reports":    {DeliveryReports, Plain},
		},
		Off: []OffRule{
			{Keys: []string{Linger}, Value: 0, Set: "confluent linger.ms 0",
				Fix: `set "linger.ms": 20 (librdkafka's default is 5)`, Edit: "set linger.ms to 20", Unit: Millis},
			{Keys: []string{BatchNumMessages}, Value: 1, Set: "batch.num.messages 1", Fix: "drop batch.num.messages or raise it"},
		},
		Defaults: func(string) map[string]Value {
			return map[string]Value{
				Linger:           {Int: int64(5 * time.Millisecond)},
				Compression:      {Str: "none"},
				BatchNumMessages: {Int: 10000},
				BatchMaxBytes:    {Int: 1_000_000},
				// producer.go: go.delivery.reports defaults to true.
				DeliveryReports: {Int: 1},
			}
		},
		// producer.go: Produce with a nil delivery channel sends the
		// report, error included, to Events(), which buffers
		// go.events.channel.size (1,000,000) events.
		Outcomes: &Outcomes{
			NilArg: []ArgFunc{{"Producer", "Produce", 1}},
			Channels: []Channel{{"Events", DeliveryReports,
				"Produce with no delivery channel while nothing reads Events(): delivery reports, errors included, pile up unread; " +
					"read Events() in a goroutine"}},
		},
	},
}

func init() { register(&Confluent) }
