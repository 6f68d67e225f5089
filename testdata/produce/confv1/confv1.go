// Package confv1 holds confluent-kafka-go v1 producer shapes: v1's import
// path is as much confluent's as v2's.
package confv1

import "github.com/confluentinc/confluent-kafka-go/kafka"

func produceFlushEach(p *kafka.Producer, topic string, payloads [][]byte) {
	for _, v := range payloads {
		p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil) // want `Produce and wait per element of payloads: the Flush after each Produce waits`
		p.Flush(15_000)
	}
}

// Look-alike: one Flush after the loop.
func produceThenFlush(p *kafka.Producer, topic string, payloads [][]byte) {
	for _, v := range payloads {
		p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil)
	}
	p.Flush(15_000)
}
