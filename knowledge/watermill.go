package knowledge

// WatermillKafkaPath is watermill-kafka's package (checked against v3.0.6),
// whose Publisher implements watermill's message.Publisher over a sarama
// SyncProducer. Publish(topic, msgs...) marshals each message and calls
// SendMessage, waiting for its ack before the next (pkg/kafka/publisher.go):
// a Publish of one message per element is a produce request per element,
// and so is one Publish of them all, so the fix leaves Publish.
const WatermillKafkaPath = "github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"

// WatermillKafka is watermill-kafka v3.
var WatermillKafka = Library{
	Key:   "watermill-kafka",
	Paths: []string{WatermillKafkaPath},
	Produces: []Produce{{
		Func: Func{WatermillKafkaPath, "Publisher", "Publish"}, Sends: OneVariadic, Topic: 1,
		Head: "Publish of one message", Cost: "one produce request per message",
		Batched: "Publish never batches: publish concurrently or use sarama SendMessages",
	}},
}

func init() { register(&WatermillKafka) }
