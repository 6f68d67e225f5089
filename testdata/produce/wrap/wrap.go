// Package wrap is a library of the program's own around its Kafka clients:
// one synchronous produce per call, and a batched form.
package wrap

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

type Publisher struct {
	cl *kgo.Client
}

// Publish sends one event and waits for its acknowledgement.
func (p *Publisher) Publish(ctx context.Context, topic string, value []byte) error {
	return p.cl.ProduceSync(ctx, &kgo.Record{Topic: topic, Value: value}).FirstErr()
}

// PublishAll sends every value with one ProduceSync.
func (p *Publisher) PublishAll(ctx context.Context, topic string, values [][]byte) error {
	recs := make([]*kgo.Record, 0, len(values))
	for _, v := range values {
		recs = append(recs, &kgo.Record{Topic: topic, Value: v})
	}
	return p.cl.ProduceSync(ctx, recs...).FirstErr()
}

// Enqueue hands the record to the client's buffer and returns.
func (p *Publisher) Enqueue(ctx context.Context, topic string, value []byte) {
	p.cl.Produce(ctx, &kgo.Record{Topic: topic, Value: value}, nil)
}

// Notify sends one message with sarama and waits.
func Notify(p sarama.SyncProducer, topic string, body []byte) error {
	_, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(body)})
	return err
}

// Send produces one record and flushes it.
func (p *Publisher) Send(ctx context.Context, value []byte) error {
	p.cl.Produce(ctx, &kgo.Record{Value: value}, nil)
	return p.cl.Flush(ctx)
}

// NewAsyncClickWriter returns a writer whose WriteMessages does not wait.
func NewAsyncClickWriter(brokers ...string) *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks", Async: true}
}
