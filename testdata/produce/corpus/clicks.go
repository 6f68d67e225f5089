package corpus

import (
	"context"
	"encoding/json"
	"time"

	"github.com/segmentio/kafka-go"
)

type Click struct {
	UserID string    `json:"user_id"`
	URL    string    `json:"url"`
	At     time.Time `json:"at"`
}

type ClickSink struct {
	writer *kafka.Writer
	async  *kafka.Writer
}

func NewClickSink(brokers []string) *ClickSink {
	return &ClickSink{
		writer: &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks", Balancer: &kafka.Hash{}},
		async:  &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks", Async: true},
	}
}

// Store writes each click with its own WriteMessages call.
func (s *ClickSink) Store(ctx context.Context, clicks []Click) error {
	for _, c := range clicks {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		if err := s.writer.WriteMessages(ctx, kafka.Message{Key: []byte(c.UserID), Value: b}); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// StoreBatch writes all clicks with one call.
func (s *ClickSink) StoreBatch(ctx context.Context, clicks []Click) error {
	msgs := make([]kafka.Message, 0, len(clicks))
	for _, c := range clicks {
		b, _ := json.Marshal(c)
		msgs = append(msgs, kafka.Message{Key: []byte(c.UserID), Value: b})
	}
	return s.writer.WriteMessages(ctx, msgs...) // label:ok
}

// StoreAsync uses the Async writer, which returns at once.
func (s *ClickSink) StoreAsync(ctx context.Context, clicks []Click) {
	for _, c := range clicks {
		b, _ := json.Marshal(c)
		s.async.WriteMessages(ctx, kafka.Message{Key: []byte(c.UserID), Value: b}) // label:ok
	}
}

// StoreOne is the handler for one click.
func (s *ClickSink) StoreOne(ctx context.Context, c Click) error {
	b, _ := json.Marshal(c)
	return s.writer.WriteMessages(ctx, kafka.Message{Key: []byte(c.UserID), Value: b}) // label:ok
}

// Export writes a day of clicks with a short batch timeout, still one by one.
func Export(ctx context.Context, brokers []string, day []Click) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "clicks-export", BatchTimeout: 10 * time.Millisecond})
	defer w.Close()
	for i := range day {
		b, _ := json.Marshal(day[i])
		if err := w.WriteMessages(ctx, kafka.Message{Value: b}); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// ExportChunks writes 1000 messages per call.
func ExportChunks(ctx context.Context, w *kafka.Writer, msgs []kafka.Message) error {
	for start := 0; start < len(msgs); start += 1000 {
		end := min(start+1000, len(msgs))
		if err := w.WriteMessages(ctx, msgs[start:end]...); err != nil { // label:ok
			return err
		}
	}
	return nil
}
