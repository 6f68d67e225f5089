// Package producers probes passes/producers: each construction site is
// summarised by the test analyzer, and Of is asked about each WriteMessages,
// Produce and SendMessage receiver.
package producers

import (
	"context"
	"time"

	"example.com/kafka/kafkaopts"
	"example.com/kafka/lingershared/tune"
	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

type svc struct {
	w  *segkafka.Writer
	cl *kgo.Client
}

func newSvc() *svc {
	w := &segkafka.Writer{Addr: segkafka.TCP("b"), BatchTimeout: 5 * time.Millisecond} // want `segmentio async=0 batch.size=100 batch.timeout=5000000\(set\)`
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"))                                       // want `franz-go linger=10000000 compression=snappy producing v1.22.3`
	return &svc{w: w, cl: cl}
}

func (s *svc) send(ctx context.Context) {
	s.w.WriteMessages(ctx, segkafka.Message{}) // want `receiver is the producer at producers.go:24`
	s.cl.Produce(ctx, &kgo.Record{}, nil)      // want `receiver is the producer at producers.go:25`
}

func asyncWriter(ctx context.Context) {
	w := segkafka.NewWriter(segkafka.WriterConfig{Brokers: []string{"b"}, Async: true}) // want `segmentio async=1\(set\) batch.size=100 batch.timeout=1000000000`
	w.WriteMessages(ctx, segkafka.Message{})                                            // want `receiver is the producer at producers.go:35`
}

func unknownWriter(ctx context.Context, w *segkafka.Writer) {
	w.WriteMessages(ctx, segkafka.Message{})
}

func twoWriters(ctx context.Context, fast bool) {
	var w *segkafka.Writer
	if fast {
		w = &segkafka.Writer{Async: true} // want `segmentio async=\?\(set\)`
	} else {
		w = &segkafka.Writer{} // want `segmentio async=\?\(set\)`
	}
	// One variable, two writers: each site's fields are joined over both
	// paths, and the receiver below is ambiguous.
	w.WriteMessages(ctx, segkafka.Message{})
}

func consumer() {
	kgo.NewClient(kafkaopts.Consumer("g")...) // want `franz-go linger=10000000 compression=snappy v1.22.3`
}

func opaqueOpts(opts []kgo.Opt) {
	kgo.NewClient(opts...) // want `franz-go opaque`
}

func mixedOpts(opts []kgo.Opt) {
	kgo.NewClient(append(opts, kgo.ProducerLinger(0))...) // want `franz-go opaque linger=0\(set\)`
}

func overriddenOpts(extra []kgo.Opt) {
	kgo.NewClient(append([]kgo.Opt{kgo.ProducerLinger(0)}, extra...)...) // want `franz-go opaque linger=\?\(set\)`
}

func saramaSites() {
	c := sarama.NewConfig()
	c.Producer.Flush.Bytes = 1000
	p, _ := sarama.NewSyncProducer(nil, c)                         // want `sarama batch.size=0 flush.bytes=1000\(set\) flush.frequency=0 flush.messages=0 compression=none config@L72`
	p.SendMessage(&sarama.ProducerMessage{})                       // want `receiver is the producer at producers.go:74`
	kafka.NewProducer(&kafka.ConfigMap{"linger.ms": "7.5"})        // want `confluent linger=7500000\(set\)`
	kafka.NewProducer(&kafka.ConfigMap{"compression.type": "LZ4"}) // want `confluent linger=5000000 compression=lz4\(set\)`
}

// Writers changed by another package's helpers, through facts.

func tunedWriters() {
	one := &segkafka.Writer{Addr: segkafka.TCP("b")} // want `segmentio async=0 batch.size=1\(set\) batch.timeout=1000000000`
	tune.OneAtATime(one)
	async := segkafka.Writer{Addr: segkafka.TCP("b")} // want `segmentio async=1\(set\) batch.size=100 batch.timeout=1000000000`
	tune.Async(&async)
}
