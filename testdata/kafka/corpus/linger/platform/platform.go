// Package platform holds a platform team's shared producer settings, used
// by the services in the linger corpus. An explicit setting written here is
// reported here, once, not at each service's constructor.
package platform

import (
	"time"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

// LowLatency returns options that send every record at once.
func LowLatency(brokers ...string) []kgo.Opt {
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(0)} // label:bad
}

// Throughput returns options that batch.
func Throughput(brokers ...string) []kgo.Opt {
	return []kgo.Opt{kgo.SeedBrokers(brokers...), kgo.ProducerLinger(50 * time.Millisecond)} // label:ok
}

// ConfluentNoLinger returns a config map that never lingers.
func ConfluentNoLinger() *kafka.ConfigMap {
	return &kafka.ConfigMap{"bootstrap.servers": "localhost:9092", "linger.ms": 0} // label:bad
}
