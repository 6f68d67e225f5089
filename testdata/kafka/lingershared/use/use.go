// Package use builds producers from lingershared's settings.
package use

import (
	"example.com/kafka/lingershared"
	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

var addrs = []string{"b"}

func fromShared() {
	// Reported in lingershared, where the zeros are written.
	kgo.NewClient(lingershared.LowLatency()...)
	kgo.NewClient(lingershared.Maybe(true)...)
	sarama.NewAsyncProducer(addrs, lingershared.ZeroFlush())
	cm := lingershared.NoLinger()
	kafka.NewProducer(&cm)
}

func defaultsHere() {
	sarama.NewSyncProducer(addrs, lingershared.Defaults()) // want `sarama config with no Producer.Flush trigger`
}

func zeroHere() {
	kgo.NewClient(append(lingershared.Batched(), kgo.ProducerLinger(0))...) // want `kgo.ProducerLinger\(0\)`
}

// Look-alikes.

func flushHere() {
	c := lingershared.Defaults()
	c.Producer.Flush.Frequency = 20e6
	sarama.NewSyncProducer(addrs, c)
}

func consumer() {
	kgo.NewClient(lingershared.Consumer()...)
}
