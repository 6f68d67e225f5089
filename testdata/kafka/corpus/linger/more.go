package linger

import (
	"context"
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

type Publisher struct {
	client *kgo.Client
	topic  string
}

func NewPublisher(brokers []string) (*Publisher, error) {
	var opts []kgo.Opt
	opts = append(opts, kgo.SeedBrokers(brokers...))
	opts = append(opts, kgo.ProducerLinger(0)) // label:bad
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return nil, err
	}
	return &Publisher{client: cl, topic: "events"}, nil
}

func (p *Publisher) Publish(ctx context.Context, v []byte) {
	p.client.Produce(ctx, &kgo.Record{Topic: p.topic, Value: v}, nil)
}

const (
	flushNow  = 0
	flushSoon = 20 * time.Millisecond
)

func NewFlushNow() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(flushNow)) // label:bad
}

func NewFlushSoon() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(flushSoon)) // label:ok
}

func zeroDuration() time.Duration { return time.Duration(0) }

func NewHelperZero() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(zeroDuration())) // label:bad
}

func baseOpts() []kgo.Opt {
	return []kgo.Opt{
		kgo.SeedBrokers("b"),
		kgo.ProducerLinger(0), // label:bad
	}
}

func NewFromBase() (*kgo.Client, error) {
	return kgo.NewClient(baseOpts()...)
}

func NewOverridden() (*kgo.Client, error) {
	return kgo.NewClient(kgo.ProducerLinger(0), kgo.ProducerLinger(10*time.Millisecond)) // label:ok
}

func NewLocalZero() (*kgo.Client, error) {
	linger := time.Duration(0)
	return kgo.NewClient(kgo.ProducerLinger(linger)) // label:bad
}

func NewLocalReassigned(prod bool) (*kgo.Client, error) {
	linger := time.Duration(0)
	if prod {
		linger = 20 * time.Millisecond
	}
	return kgo.NewClient(kgo.ProducerLinger(linger)) // label:ok
}

func NewBranchBoth(region string) (*kgo.Client, error) {
	var opts []kgo.Opt
	if region == "eu" {
		opts = []kgo.Opt{kgo.SeedBrokers("eu"), kgo.ProducerLinger(0)} // label:bad
	} else {
		opts = []kgo.Opt{kgo.SeedBrokers("us"), kgo.ProducerLinger(0)}
	}
	return kgo.NewClient(opts...)
}

func NewBranchDiffer(region string) (*kgo.Client, error) {
	var opts []kgo.Opt
	if region == "eu" {
		opts = []kgo.Opt{kgo.SeedBrokers("eu"), kgo.ProducerLinger(0)} // label:bad
	} else {
		opts = []kgo.Opt{kgo.SeedBrokers("us"), kgo.ProducerLinger(time.Second)}
	}
	return kgo.NewClient(opts...) // label:ok
}

func newSaramaConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.Version = sarama.V3_6_0_0
	c.Producer.Return.Successes = true
	return c
}

func NewSaramaFromHelper(addrs []string) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, newSaramaConfig()) // label:bad
}

func NewSaramaTunedHelper(addrs []string) (sarama.AsyncProducer, error) {
	c := newSaramaConfig()
	c.Producer.Flush.Frequency = 25 * time.Millisecond
	return sarama.NewAsyncProducer(addrs, c) // label:ok
}

func NewSaramaZeroConst(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = flushNow // label:bad
	return sarama.NewAsyncProducer(addrs, c)
}

func NewSaramaMaxOnly(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Flush.MaxMessages = 10
	return sarama.NewAsyncProducer(addrs, c) // label:ok
}

func NewSaramaNoFlushAsync(addrs []string) (sarama.AsyncProducer, error) {
	c := sarama.NewConfig()
	c.Producer.Compression = sarama.CompressionZSTD
	c.Producer.Return.Errors = true
	return sarama.NewAsyncProducer(addrs, c) // label:bad
}

func NewConfluentFloat() (*kafka.Producer, error) {
	cm := &kafka.ConfigMap{"bootstrap.servers": "b"}
	cm.SetKey("linger.ms", 0.0) // label:bad
	return kafka.NewProducer(cm)
}

func NewConfluentIndex() (*kafka.Producer, error) {
	cm := kafka.ConfigMap{}
	cm["linger.ms"] = "0" // label:bad
	return kafka.NewProducer(&cm)
}

func NewConfluentBranch(fast bool) (*kafka.Producer, error) {
	cm := kafka.ConfigMap{}
	if fast {
		cm["linger.ms"] = 0 // label:bad
	}
	return kafka.NewProducer(&cm) // label:ok
}

func NewConfluentTuned(tune func(*kafka.ConfigMap)) (*kafka.Producer, error) {
	cm := &kafka.ConfigMap{"linger.ms": 10}
	tune(cm)
	return kafka.NewProducer(cm) // label:ok
}

func NewConfluentQueueLinger() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"queue.buffering.max.ms": 50}) // label:ok
}

func NewConsumerOnly(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"), kgo.ConsumerGroup("g"), kgo.ConsumeTopics("t")) // label:ok
	cl.PollFetches(ctx)
}

func NewAdminClient() (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers("b"), kgo.ProduceRequestTimeout(0)) // label:ok
}
