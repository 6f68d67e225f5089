// Package use builds producers from lingershared's settings.
package use

import (
	"time"

	"example.com/kafka/lingershared"
	"example.com/kafka/lingershared/ctor"
	"example.com/kafka/lingershared/tune"
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

// Configurations built here and handed to another package's constructor.

func ctorDefaults() {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	ctor.NewSync(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func ctorAcked() {
	ctor.NewAcked(addrs, sarama.NewConfig()) // want `sarama config with no Producer.Flush trigger`
}

func ctorZero() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger`
	ctor.NewSync(addrs, c)
}

func ctorConfluentZero() {
	ctor.NewConfluent(&kafka.ConfigMap{"linger.ms": 0}) // want `confluent linger.ms 0`
}

// Look-alikes.

func ctorFlushHere() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	ctor.NewSync(addrs, c)
}

func ctorTuned() {
	ctor.NewTuned(addrs, sarama.NewConfig())
}

func ctorParam(c *sarama.Config) {
	ctor.NewSync(addrs, c)
}

func ctorPair() {
	ctor.NewPair(addrs, sarama.NewConfig())
}

// Configurations handed to another package's configure(cfg) helpers.

func tuneAcks() {
	c := sarama.NewConfig()
	tune.Acks(c)
	sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func tuneSecure() error {
	c := sarama.NewConfig()
	tune.Secure(c)
	_, err := sarama.NewAsyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
	return err
}

func tuneZero() {
	c := sarama.NewConfig()
	tune.ZeroFlush(c) // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger \(set at tune.go:31\)`
	sarama.NewSyncProducer(addrs, c)
}

func tuneConfluentZero() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	tune.ZeroLinger(cm) // reported in tune, where the zero is written
	kafka.NewProducer(&cm)
}

func tuneNoFlush() {
	c := sarama.NewConfig()
	tune.NoFlush(c) // reported in tune
	sarama.NewSyncProducer(addrs, c)
}

func tuneThenCtor() {
	c := sarama.NewConfig()
	tune.Acks(c)
	ctor.NewSync(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

// Look-alikes: a helper that sets a flush trigger, on every path or on
// one, from options read at run time, or that keeps the config for later.

func tuneFlush() {
	c := sarama.NewConfig()
	tune.Flush(c)
	sarama.NewSyncProducer(addrs, c)
}

func tuneFlushWhen(batch bool) {
	c := sarama.NewConfig()
	tune.FlushWhen(c, batch)
	sarama.NewSyncProducer(addrs, c)
}

func tuneOptions(o tune.Options) {
	c := sarama.NewConfig()
	o.Apply(c)
	sarama.NewSyncProducer(addrs, c)
}

func tuneKeep() {
	c := sarama.NewConfig()
	tune.Keep(c)
	tune.Later()
	sarama.NewSyncProducer(addrs, c)
}

func tuneFlushAfterZero() {
	c := sarama.NewConfig()
	tune.ZeroFlush(c)
	c.Producer.Flush.Bytes = 64 << 10
	sarama.NewSyncProducer(addrs, c)
}
