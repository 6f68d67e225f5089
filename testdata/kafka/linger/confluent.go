package linger

import (
	"os"

	"example.com/kafka/kafkaopts"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func confluentInt() {
	kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "b", "linger.ms": 0}) // want `confluent linger.ms 0`
}

func confluentString() {
	kafka.NewProducer(&kafka.ConfigMap{"queue.buffering.max.ms": "0"}) // want `confluent linger.ms 0`
}

func confluentFloat() {
	cm := &kafka.ConfigMap{"bootstrap.servers": "b"}
	cm.SetKey("linger.ms", 0.0) // want `confluent linger.ms 0`
	kafka.NewProducer(cm)
}

func confluentIndex() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	cm["linger.ms"] = 0 // want `confluent linger.ms 0`
	kafka.NewProducer(&cm)
}

const lingerKey = "linger.ms"

func confluentConstKey() {
	kafka.NewProducer(&kafka.ConfigMap{lingerKey: 0}) // want `confluent linger.ms 0`
}

func confluentOtherPkg() {
	kafka.NewProducer(kafkaopts.ConfluentNoLinger()) // want `confluent linger.ms 0 \(set at opts.go:\d+\)`
}

// Look-alikes.

func confluentDefault() {
	kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "b"})
	kafka.NewProducer(kafkaopts.ConfluentDefault())
}

func confluentNonZero() {
	kafka.NewProducer(&kafka.ConfigMap{"linger.ms": 10})
}

func confluentEnv() {
	kafka.NewProducer(&kafka.ConfigMap{"linger.ms": os.Getenv("LINGER_MS")})
}

func confluentConsumer() {
	kafka.NewConsumer(&kafka.ConfigMap{"linger.ms": 0, "group.id": "g"})
}

func confluentOtherZero() {
	kafka.NewProducer(&kafka.ConfigMap{"retries": 0, "message.timeout.ms": 0})
}

func confluentSetFromParam(v int) {
	cm := &kafka.ConfigMap{}
	cm.SetKey("linger.ms", v)
	kafka.NewProducer(cm)
}
