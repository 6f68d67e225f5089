package linger

import (
	"maps"
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
	kafka.NewProducer(kafkaopts.ConfluentNoLinger()) // reported once, in kafkaopts
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

func withAcks(cm kafka.ConfigMap) {
	cm["acks"] = "all"
}

func confluentConfigureHelper() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b", "linger.ms": 0} // want `confluent linger.ms 0`
	withAcks(cm)
	kafka.NewProducer(&cm)
}

func withLinger(cm *kafka.ConfigMap) {
	cm.SetKey("linger.ms", 10)
}

func confluentConfigureLinger() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b", "linger.ms": 0}
	withLinger(&cm)
	kafka.NewProducer(&cm)
}

// Values copied from a package-level map, or from a map of named profiles.

var producerDefaults = map[string]kafka.ConfigValue{
	"acks":      "all",
	"linger.ms": 0, // want `confluent linger.ms 0`
}

func confluentCopiedDefaults() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	for k, v := range producerDefaults {
		cm[k] = v
	}
	kafka.NewProducer(&cm)
}

var profiles = map[string]kafka.ConfigMap{
	"latency": {"linger.ms": 0}, // want `confluent linger.ms 0`
	"bulk":    {"linger.ms": 100, "compression.type": "zstd"},
}

func confluentProfile(name string) {
	cm := &kafka.ConfigMap{"bootstrap.servers": "b"}
	for k, v := range profiles[name] {
		cm.SetKey(k, v)
	}
	kafka.NewProducer(cm)
}

func confluentProfileDirect() {
	cm := profiles["latency"]
	kafka.NewProducer(&cm)
}

// Look-alikes: a profile that lingers, a later override, a map changed
// elsewhere, values transformed on the way.

func confluentBulkProfile() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	for k, v := range profiles["bulk"] {
		cm[k] = v
	}
	kafka.NewProducer(&cm)
}

func confluentProfileOverridden(name string) {
	cm := kafka.ConfigMap{}
	for k, v := range profiles[name] {
		cm[k] = v
	}
	cm["linger.ms"] = 10
	kafka.NewProducer(&cm)
}

var tunable = map[string]kafka.ConfigValue{"linger.ms": 0}

func init() {
	tunable["linger.ms"] = os.Getenv("LINGER_MS")
}

func confluentTunable() {
	cm := kafka.ConfigMap{}
	for k, v := range tunable {
		cm[k] = v
	}
	kafka.NewProducer(&cm)
}

var asText = map[string]string{"linger.ms": "0"}

func confluentTransformed() {
	cm := kafka.ConfigMap{}
	for k, v := range asText {
		cm[k] = k + v
	}
	kafka.NewProducer(&cm)
}

var fastDefaults = kafka.ConfigMap{
	"queue.buffering.max.ms": 0, // want `confluent linger.ms 0`
}

func confluentMapsCopy() {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	maps.Copy(cm, fastDefaults)
	kafka.NewProducer(&cm)
}

func confluentMapsCopyThenSet() {
	cm := kafka.ConfigMap{}
	maps.Copy(cm, fastDefaults)
	cm["queue.buffering.max.ms"] = 5
	kafka.NewProducer(&cm)
}

var patched = kafka.ConfigMap{"linger.ms": 0}

func init() {
	maps.Copy(patched, kafka.ConfigMap{"linger.ms": 10})
}

func confluentPatchedDefaults() {
	cm := kafka.ConfigMap{}
	maps.Copy(cm, patched)
	kafka.NewProducer(&cm)
}
