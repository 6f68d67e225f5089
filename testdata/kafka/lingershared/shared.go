// Package lingershared holds exported producer settings that other
// packages build producers from: an explicit zero written here is reported
// here, once, and not at each importer's constructor.
package lingershared

import (
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

// LowLatency sends every record at once.
func LowLatency() []kgo.Opt {
	return []kgo.Opt{kgo.SeedBrokers("b"), kgo.ProducerLinger(0)} // want `kgo.ProducerLinger\(0\): each batch leaves`
}

// Maybe lingers 0 when asked to.
func Maybe(low bool) []kgo.Opt {
	var opts []kgo.Opt
	if low {
		opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	}
	return opts
}

// ZeroFlush has an explicit zero flush frequency.
func ZeroFlush() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger`
	return c
}

// NoLinger is a config map that never lingers.
func NoLinger() kafka.ConfigMap {
	return kafka.ConfigMap{"bootstrap.servers": "b", "linger.ms": 0} // want `confluent linger.ms 0`
}

func newLocal() {
	// The same setting, reached from here and from other packages: one
	// finding, at the setting.
	kgo.NewClient(LowLatency()...)
}

// Look-alikes.

// Defaults sets no Flush field: that default is judged at the
// constructors that use it, which may set their own.
func Defaults() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	return c
}

// Batched lingers.
func Batched() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerLinger(20 * time.Millisecond)}
}

// Consumer configures no producing.
func Consumer() []kgo.Opt {
	return []kgo.Opt{kgo.ConsumerGroup("g")}
}

func unusedZero() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerLinger(0)} // unexported and unused: it reaches no producer
}
