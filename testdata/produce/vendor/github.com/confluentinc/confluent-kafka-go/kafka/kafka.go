// Package kafka is a stub of confluent-kafka-go v1's producer API (v1.9.2),
// enough to type-check the produce shapes in testdata; the real package
// needs cgo and librdkafka. Its signatures are v1's, which v2 kept.
package kafka

// PartitionAny is the partition for the partitioner to choose.
const PartitionAny = int32(-1)

// ConfigMap is a librdkafka configuration.
type ConfigMap map[string]interface{}

// TopicPartition is a topic and partition.
type TopicPartition struct {
	Topic     *string
	Partition int32
	Offset    int64
	Error     error
}

// Message is a Kafka message.
type Message struct {
	TopicPartition TopicPartition
	Key, Value     []byte
}

// Event is a producer event: a delivery report or an error.
type Event interface{ String() string }

func (m *Message) String() string { return "message" }

// Producer is a high-level Kafka producer.
type Producer struct{ events chan Event }

// NewProducer creates a producer.
func NewProducer(conf *ConfigMap) (*Producer, error) {
	return &Producer{events: make(chan Event)}, nil
}

// Produce queues msg; its delivery report goes to deliveryChan, or to
// Events() when that is nil.
func (p *Producer) Produce(msg *Message, deliveryChan chan Event) error { return nil }

// Events returns the delivery report channel.
func (p *Producer) Events() chan Event { return p.events }

// Flush waits up to timeoutMs for the queued messages, returning how many
// are still queued.
func (p *Producer) Flush(timeoutMs int) int { return 0 }

// Close closes the producer.
func (p *Producer) Close() {}
