// Package segio holds segmentio/kafka-go Writer shapes.
package segio

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"
)

type Click struct {
	User string
	JSON []byte
}

// ---- findings ----

func writeEach(ctx context.Context, clicks []Click) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks"}
	defer w.Close()
	for _, c := range clicks {
		if err := w.WriteMessages(ctx, kafka.Message{Key: []byte(c.User), Value: c.JSON}); err != nil { // want `WriteMessages of one message per element of clicks: each call waits for the default BatchTimeout of 1s`
			return err
		}
	}
	return nil
}

func writeEachTimeout(ctx context.Context, clicks []Click) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks", BatchTimeout: 50 * time.Millisecond}
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks: .* its BatchTimeout of 50ms`
	}
}

func writeEachSpread(ctx context.Context, clicks []Click) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"localhost:9092"}, Topic: "clicks"})
	for _, c := range clicks {
		w.WriteMessages(ctx, []kafka.Message{{Value: c.JSON}}...) // want `WriteMessages of one message per element`
	}
}

type Tracker struct {
	w *kafka.Writer
}

func NewTracker(brokers ...string) *Tracker {
	return &Tracker{w: &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks", RequiredAcks: kafka.RequireAll}}
}

func (t *Tracker) TrackAll(ctx context.Context, clicks []Click) error {
	for _, c := range clicks {
		if err := t.w.WriteMessages(ctx, kafka.Message{Value: c.JSON}); err != nil { // want `WriteMessages of one message per element of clicks`
			return err
		}
	}
	return nil
}

func newWriter() *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks", Async: false}
}

func writeFromHelper(ctx context.Context, clicks []Click) {
	w := newWriter()
	for i := 0; i < len(clicks); i++ {
		w.WriteMessages(ctx, kafka.Message{Value: clicks[i].JSON}) // want `WriteMessages of one message per element`
	}
}

func writeEachBatchSizeOne(ctx context.Context, clicks []Click) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks", BatchSize: 1}
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks: each call sends a batch of one message \(BatchSize 1\)`
	}
}

func connWriteMessages(conn *kafka.Conn, clicks []Click) error {
	for _, c := range clicks {
		if _, err := conn.WriteMessages(kafka.Message{Value: c.JSON}); err != nil { // want `Conn.WriteMessages of one message per element of clicks: one produce request per message`
			return err
		}
	}
	return nil
}

func connWrite(conn *kafka.Conn, lines [][]byte) {
	for _, l := range lines {
		conn.Write(l) // want `Conn.Write of one message per element of lines`
	}
}

// ---- look-alikes ----

func writeAll(ctx context.Context, clicks []Click) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks"}
	msgs := make([]kafka.Message, 0, len(clicks))
	for _, c := range clicks {
		msgs = append(msgs, kafka.Message{Value: c.JSON})
	}
	return w.WriteMessages(ctx, msgs...)
}

func writeAsync(ctx context.Context, clicks []Click) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks", Async: true}
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

type asyncTracker struct {
	w *kafka.Writer
}

func newAsyncTracker() *asyncTracker {
	return &asyncTracker{w: &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks", Async: true}}
}

func (t *asyncTracker) TrackAll(ctx context.Context, clicks []Click) {
	for _, c := range clicks {
		t.w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

// A writer handed in from elsewhere may be Async: its configuration is not
// visible here.
func writeUnknown(ctx context.Context, w *kafka.Writer, clicks []Click) {
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

func writeOne(ctx context.Context, w *kafka.Writer, c Click) error {
	return w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
}

func writeChunks(ctx context.Context, msgs []kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "clicks"}
	for start := 0; start < len(msgs); start += 100 {
		end := min(start+100, len(msgs))
		if err := w.WriteMessages(ctx, msgs[start:end]...); err != nil {
			return err
		}
	}
	return nil
}

func connWriteAll(conn *kafka.Conn, clicks []Click) (int, error) {
	msgs := make([]kafka.Message, 0, len(clicks))
	for _, c := range clicks {
		msgs = append(msgs, kafka.Message{Value: c.JSON})
	}
	return conn.WriteMessages(msgs...)
}

type bus struct{ sent []kafka.Message }

func (b *bus) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	b.sent = append(b.sent, msgs...)
	return nil
}

func ownType(ctx context.Context, b *bus, clicks []Click) {
	for _, c := range clicks {
		b.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

// An io.Writer-like interface that *kafka.Conn implements too: its method
// names no segmentio type, so nothing ties it to Kafka.
type lineWriter interface {
	Write(b []byte) (int, error)
}

func writeLines(w lineWriter, lines [][]byte) {
	for _, l := range lines {
		w.Write(l)
	}
}
