// Package linger is a labelled corpus: producer set-ups as they appear in
// services, each reported line labelled bad, each look-alike labelled ok.
package linger

import (
	"context"
	"flag"
	"log"
	"os"
	"strconv"
	"time"

	"example.com/kafka/corpus/linger/platform"
	"example.com/kafka/kafkaopts"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

type Config struct {
	Brokers []string
	Topic   string
	Linger  time.Duration
}

var (
	brokers     = flag.String("brokers", "localhost:9092", "")
	lingerFlag  = flag.Duration("linger", 10*time.Millisecond, "")
	defaultTick = 0 * time.Millisecond
)

const lowLatency = time.Duration(0)

func NewEventProducer(cfg Config) (*kgo.Client, error) {
	return kgo.NewClient(
		kgo.SeedBrokers(cfg.Brokers...),
		kgo.DefaultProduceTopic(cfg.Topic),
		kgo.ProducerLinger(0), // label:bad
	)
}

func NewAuditProducer(cfg Config) (*kgo.Client, error) {
	opts := []kgo.Opt{kgo.SeedBrokers(cfg.Brokers...)}
	opts = append(opts, kgo.RequiredAcks(kgo.AllISRAcks()))
	opts = append(opts, kgo.ProducerLinger(lowLatency)) // label:bad
	return kgo.NewClient(opts...)
}

func NewMetricsProducer(cfg Config) (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(cfg.Brokers...), kgo.ProducerLinger(cfg.Linger)) // label:ok
}

func NewFlagProducer() (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers(*brokers), kgo.ProducerLinger(*lingerFlag)) // label:ok
}

func NewTickProducer() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(defaultTick)) // label:bad
}

func NewEnvProducer() (*kgo.Client, error) {
	ms, err := strconv.Atoi(os.Getenv("KAFKA_LINGER_MS"))
	if err != nil {
		ms = 0
	}
	return kgo.NewClient(kgo.ProducerLinger(time.Duration(ms) * time.Millisecond)) // label:ok
}

func NewSharedLowLatency() (*kgo.Client, error) {
	return kgo.NewClient(platform.LowLatency("b1", "b2")...) // reported in platform, where the zero is written
}

func NewSharedThroughput() (*kgo.Client, error) {
	return kgo.NewClient(kafkaopts.Throughput("b1", "b2")...) // label:ok
}

func NewLingerFromHelper() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(kafkaopts.Linger())) // label:bad
}

func NewGoodLinger() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(kafkaopts.GoodLinger())) // label:ok
}

func NewControlPlane() (*kgo.Client, error) {
	//batchlint:ignore linger -- leader election heartbeats, latency over throughput
	return kgo.NewClient(kgo.ProducerLinger(0)) // label:ok
}

func NewConsumer(group string) (*kgo.Client, error) {
	return kgo.NewClient(kafkaopts.Consumer(group)...) // label:ok
}

func NewDefaultProducer(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("b")) // label:ok
	if err != nil {
		return err
	}
	return cl.ProduceSync(ctx, &kgo.Record{Value: []byte("x")}).FirstErr()
}

func newTunedOpts(tuning string) []kgo.Opt {
	opts := []kgo.Opt{kgo.SeedBrokers("b")}
	switch tuning {
	case "latency":
		opts = append(opts, kgo.ProducerLinger(0)) // label:bad
	case "throughput":
		opts = append(opts, kgo.ProducerLinger(100*time.Millisecond))
	}
	return opts
}

func NewTuned(t string) (*kgo.Client, error) {
	return kgo.NewClient(newTunedOpts(t)...) // label:ok
}

type settings struct {
	linger time.Duration
	acks   int
}

func NewFromSettings() (*kgo.Client, error) {
	s := settings{acks: 1}
	return kgo.NewClient(kgo.ProducerLinger(s.linger)) // label:bad
}

func NewFromLoadedSettings() (*kgo.Client, error) {
	var s settings
	loadSettings(&s)
	return kgo.NewClient(kgo.ProducerLinger(s.linger)) // label:ok
}

func loadSettings(s *settings) { s.linger = 5 * time.Millisecond }

func NewZeroMillis() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(0 * time.Millisecond)) // label:bad
}

func NewRetryZero() (*kgo.Client, error) {
	return kgo.NewClient(kgo.RetryBackoffFn(func(int) time.Duration { return 0 }), kgo.ProducerLinger(time.Millisecond)) // label:ok
}

func NewSaramaSync(addrs []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	return sarama.NewSyncProducer(addrs, cfg) // label:bad
}

func NewSaramaAsync(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Flush.Frequency = 0 // label:bad
	cfg.Producer.Return.Errors = true
	return sarama.NewAsyncProducer(addrs, cfg)
}

func NewSaramaBatched(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Flush.Frequency = 50 * time.Millisecond
	cfg.Producer.Flush.Messages = 1000
	return sarama.NewAsyncProducer(addrs, cfg) // label:ok
}

func NewSaramaByBytes(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Flush.Bytes = 1 << 20
	return sarama.NewAsyncProducer(addrs, cfg) // label:ok
}

func NewSaramaFromEnv(addrs []string) (sarama.AsyncProducer, error) {
	cfg := sarama.NewConfig()
	if v := os.Getenv("FLUSH_FREQUENCY"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			log.Fatal(err)
		}
		cfg.Producer.Flush.Frequency = d
	}
	return sarama.NewAsyncProducer(addrs, cfg) // label:ok
}

func NewSaramaDefaults(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, nil) // label:bad
}

func NewSaramaShared(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, kafkaopts.SaramaFast()) // label:bad
}

func NewSaramaSharedBatched(addrs []string) (sarama.AsyncProducer, error) {
	return sarama.NewAsyncProducer(addrs, kafkaopts.SaramaBatched()) // label:ok
}

func NewSaramaConfigured(addrs []string, cfg *sarama.Config) (sarama.AsyncProducer, error) {
	return sarama.NewAsyncProducer(addrs, cfg) // label:ok
}

func NewSaramaClient(addrs []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.ClientID = "orders"
	client, err := sarama.NewClient(addrs, cfg)
	if err != nil {
		return nil, err
	}
	return sarama.NewSyncProducerFromClient(client) // label:bad
}

func NewSaramaConsumer(addrs []string) (sarama.Consumer, error) {
	cfg := sarama.NewConfig()
	return sarama.NewConsumer(addrs, cfg) // label:ok
}

func NewShopifyLegacy(addrs []string) (shopify.AsyncProducer, error) {
	cfg := shopify.NewConfig()
	cfg.Producer.Flush.Frequency = 0 * time.Second // label:bad
	return shopify.NewAsyncProducer(addrs, cfg)
}

func NewShopifyBatched(addrs []string) (shopify.AsyncProducer, error) {
	cfg := shopify.NewConfig()
	cfg.Producer.Flush.Frequency = 10 * time.Millisecond
	return shopify.NewAsyncProducer(addrs, cfg) // label:ok
}

func NewConfluent() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{
		"bootstrap.servers": "b",
		"linger.ms":         0, // label:bad
		"acks":              "all",
	})
}

func NewConfluentLegacyKey() (*kafka.Producer, error) {
	cm := kafka.ConfigMap{"bootstrap.servers": "b"}
	if err := cm.SetKey("queue.buffering.max.ms", "0"); err != nil { // label:bad
		return nil, err
	}
	return kafka.NewProducer(&cm)
}

func NewConfluentDefault() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "b", "acks": "all"}) // label:ok
}

func NewConfluentEnv() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"linger.ms": os.Getenv("LINGER_MS")}) // label:ok
}

func NewConfluentLinger() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"linger.ms": 25}) // label:ok
}

func NewConfluentShared() (*kafka.Producer, error) {
	return kafka.NewProducer(platform.ConfluentNoLinger()) // reported in platform
}

func NewConfluentConsumer() (*kafka.Consumer, error) {
	return kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g", "linger.ms": 0}) // label:ok
}
