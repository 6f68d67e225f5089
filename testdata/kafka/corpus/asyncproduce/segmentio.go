package asyncproduce

import (
	"context"
	"log"
	"time"

	"github.com/segmentio/kafka-go"
)

type tracker struct{ w *kafka.Writer }

func newTracker(addr string) *tracker {
	return &tracker{w: &kafka.Writer{Addr: kafka.TCP(addr), Topic: "track", Async: true}} // label:bad
}

func (t *tracker) Track(ctx context.Context, v []byte) error {
	return t.w.WriteMessages(ctx, kafka.Message{Value: v})
}

func LogLines(ctx context.Context, lines [][]byte) error {
	w := kafka.Writer{ // label:bad
		Addr:         kafka.TCP("kafka:9092"),
		Topic:        "logs",
		BatchTimeout: 10 * time.Millisecond,
		Async:        true,
	}
	for _, l := range lines {
		if err := w.WriteMessages(ctx, kafka.Message{Value: l}); err != nil {
			return err
		}
	}
	return w.Close()
}

func LegacyWriter(ctx context.Context, m kafka.Message) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka:9092"}, Topic: "legacy", Async: true}) // label:bad
	defer w.Close()
	return w.WriteMessages(ctx, m)
}

func MadeAsyncLater(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t"} // label:bad
	w.Async = true
	return w.WriteMessages(ctx, m)
}

func newAsyncWriter(topic string) *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: topic, Balancer: &kafka.Hash{}, Async: true} // label:bad
}

// Look-alikes.

func AsyncLogged(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t", Async: true, Completion: func(msgs []kafka.Message, err error) { // label:ok
		if err != nil {
			log.Printf("%d messages lost: %v", len(msgs), err)
		}
	}}
	return w.WriteMessages(ctx, m)
}

type sender struct{ w *kafka.Writer }

func (s *sender) done(msgs []kafka.Message, err error) {
	if err != nil {
		log.Print(err)
	}
}

func newSender() *sender {
	s := &sender{}
	s.w = &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Async: true, Completion: s.done} // label:ok
	return s
}

func SyncWriter(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t"} // label:ok
	return w.WriteMessages(ctx, m)
}

func ConfiguredAsync(ctx context.Context, m kafka.Message, async bool) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t", Async: async} // label:ok
	return w.WriteMessages(ctx, m)
}

func CompletionLater(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t", Async: true} // label:ok
	w.Completion = func(_ []kafka.Message, err error) {
		if err != nil {
			log.Print(err)
		}
	}
	return w.WriteMessages(ctx, m)
}

// The writer logs every failed write through its ErrorLogger.
func AsyncErrorsLogged(ctx context.Context, m kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "t", Async: true, ErrorLogger: kafka.LoggerFunc(log.Printf)} // label:ok
	return w.WriteMessages(ctx, m)
}
