package asyncproduce

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"time"

	kafkago "github.com/segmentio/kafka-go"
)

// A click tracker that must never slow the redirect.
type clickProducer struct{ writer *kafkago.Writer }

func NewClickProducer(brokers []string) *clickProducer {
	return &clickProducer{
		writer: &kafkago.Writer{ // label:bad
			Addr:         kafkago.TCP(brokers...),
			Topic:        "url.clicked",
			Balancer:     &kafkago.LeastBytes{},
			Async:        true,
			BatchTimeout: 10 * time.Millisecond,
		},
	}
}

func (p *clickProducer) PublishClick(code string) {
	payload, _ := json.Marshal(map[string]any{"code": code, "at": time.Now().UTC()})
	_ = p.writer.WriteMessages(context.Background(), kafkago.Message{Key: []byte(code), Value: payload})
}

// A TLS writer built by a helper.
func newTLSWriter(topic string, cfg *tls.Config) *kafkago.Writer {
	w := &kafkago.Writer{ // label:bad
		Addr:         kafkago.TCP("kafka.example.com:26032"),
		Topic:        topic,
		RequiredAcks: kafkago.RequireOne,
		Async:        true,
		Balancer:     &kafkago.LeastBytes{},
		Transport:    &kafkago.Transport{TLS: cfg},
		Compression:  kafkago.Lz4,
	}
	return w
}

// An event publisher returning WriteMessages' error, always nil.
type opsPublisher struct{ writer *kafkago.Writer }

func NewOpsPublisher(brokers []string, topic string) *opsPublisher {
	writer := &kafkago.Writer{ // label:bad
		Addr:         kafkago.TCP(brokers...),
		Topic:        topic,
		Balancer:     &kafkago.LeastBytes{},
		RequiredAcks: kafkago.RequireOne,
		Async:        true,
	}
	return &opsPublisher{writer: writer}
}

func (p *opsPublisher) Publish(ctx context.Context, v []byte) error {
	return p.writer.WriteMessages(ctx, kafkago.Message{Value: v})
}

// An inference logger in a package variable.
var insightsWriter *kafkago.Writer

func InitInsights(servers, topic string) {
	if topic == "" {
		return
	}
	insightsWriter = &kafkago.Writer{ // label:bad
		Addr:         kafkago.TCP(servers),
		Topic:        topic,
		Balancer:     &kafkago.LeastBytes{},
		BatchTimeout: 10 * time.Millisecond,
		Async:        true,
	}
}

// A synchronous writer from a WriterConfig.
func SendHello(ctx context.Context) error {
	w := kafkago.NewWriter(kafkago.WriterConfig{Brokers: []string{"localhost:9092"}, Topic: "my-topic"}) // label:ok
	defer w.Close()
	return w.WriteMessages(ctx, kafkago.Message{Key: []byte("Key-A"), Value: []byte("Hello World!")})
}

// Async options from a settings struct.
type writerOptions struct {
	Async        bool
	BatchTimeout time.Duration
}

func NewConfiguredWriter(o writerOptions, brokers []string) *kafkago.Writer {
	return &kafkago.Writer{Addr: kafkago.TCP(brokers...), Async: o.Async, BatchTimeout: o.BatchTimeout} // label:ok
}
