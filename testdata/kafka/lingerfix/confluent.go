package lingerfix

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

func confluentZero() {
	kafka.NewProducer(&kafka.ConfigMap{"linger.ms": 0})                // want `confluent linger.ms 0`
	kafka.NewProducer(&kafka.ConfigMap{"queue.buffering.max.ms": "0"}) // want `confluent linger.ms 0`
	kafka.NewProducer(&kafka.ConfigMap{"linger.ms": 0.0})              // want `confluent linger.ms 0`
}
