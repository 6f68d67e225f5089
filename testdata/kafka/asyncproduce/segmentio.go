package asyncproduce

import (
	"context"
	"log"

	"github.com/segmentio/kafka-go"
)

func AsyncNoCompletion(ctx context.Context, msgs []kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "t", Async: true} // want `Async writer with no Completion: WriteMessages returns before the write and its errors are dropped; set Completion to handle them`
	defer w.Close()
	return w.WriteMessages(ctx, msgs...)
}

func AsyncSetLater(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092")} // want `Async writer with no Completion`
	w.Async = true
	return w.WriteMessages(ctx, m)
}

func AsyncWriterConfig(ctx context.Context, m kafka.Message) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"localhost:9092"}, Topic: "t", Async: true}) // want `Async writer with no Completion`
	return w.WriteMessages(ctx, m)
}

// Look-alikes.

func AsyncWithCompletion(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: true, Completion: func(_ []kafka.Message, err error) {
		if err != nil {
			log.Print(err)
		}
	}}
	return w.WriteMessages(ctx, m)
}

func AsyncCompletionLater(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: true}
	w.Completion = func(_ []kafka.Message, err error) { log.Print(err) }
	return w.WriteMessages(ctx, m)
}

func Synchronous(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092")}
	return w.WriteMessages(ctx, m)
}

func AsyncFromFlag(ctx context.Context, m kafka.Message, async bool) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: async}
	return w.WriteMessages(ctx, m)
}

// Returned from an exported function: the caller may set Completion.
func NewAsyncWriter(topic string) *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: topic, Async: true}
}

// In an exported field: another package may set Completion.
type Emitter struct{ W *kafka.Writer }

func NewEmitter() *Emitter {
	return &Emitter{W: &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: true}}
}

// In an unexported field, with no Completion anywhere.
type emitter struct{ w *kafka.Writer }

func newEmitter() *emitter {
	return &emitter{w: &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: true}} // want `Async writer with no Completion`
}

func (e *emitter) emit(ctx context.Context, m kafka.Message) error { return e.w.WriteMessages(ctx, m) }

// Made and discarded: nothing is written.
func Discarded() {
	_ = &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Async: true}
}

func AsyncWriterConfigCompletionLater(ctx context.Context, m kafka.Message) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"localhost:9092"}, Async: true})
	w.Completion = func(_ []kafka.Message, err error) { log.Print(err) }
	return w.WriteMessages(ctx, m)
}
