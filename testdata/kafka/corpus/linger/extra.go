package linger

import (
	shopify "github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

const keyLinger = "linger.ms"

func NewShopifyNil(addrs []string) (shopify.SyncProducer, error) {
	return shopify.NewSyncProducer(addrs, nil) // label:bad
}

func NewShopifyNoFlush(addrs []string) (shopify.AsyncProducer, error) {
	cfg := shopify.NewConfig()
	cfg.Producer.Retry.Max = 10
	return shopify.NewAsyncProducer(addrs, cfg) // label:bad
}

func NewOptionVar() (*kgo.Client, error) {
	immediate := kgo.ProducerLinger(0) // label:bad
	return kgo.NewClient(kgo.SeedBrokers("b"), immediate)
}

func NewConfluentConstKey() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{keyLinger: 0}) // label:bad
}

func NewConfluentBatchSize() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"batch.size": 0, "retries": 0}) // label:ok
}
