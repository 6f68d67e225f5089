// Package ctor builds producers from configurations its callers pass.
package ctor

import (
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// NewSync builds a sync producer from cfg as given.
func NewSync(addrs []string, cfg *sarama.Config) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, cfg)
}

// NewAcked asks for every replica's ack, then builds the producer.
func NewAcked(addrs []string, cfg *sarama.Config) (sarama.AsyncProducer, error) {
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	return sarama.NewAsyncProducer(addrs, cfg)
}

// NewTuned sets a flush trigger itself.
func NewTuned(addrs []string, cfg *sarama.Config) (sarama.AsyncProducer, error) {
	cfg.Producer.Flush.Frequency = 10 * time.Millisecond
	return sarama.NewAsyncProducer(addrs, cfg)
}

// NewConfluent builds a confluent producer from cm.
func NewConfluent(cm *kafka.ConfigMap) (*kafka.Producer, error) {
	return kafka.NewProducer(cm)
}

// NewPair builds two producers from one config: not followed.
func NewPair(addrs []string, cfg *sarama.Config) {
	sarama.NewSyncProducer(addrs, cfg)
	sarama.NewAsyncProducer(addrs, cfg)
}
