package segio

import (
	"context"

	"github.com/segmentio/kafka-go"

	"produce/segwriter"
)

// Writers built by a constructor in another package, described by its
// analysis facts.

func writeEachShared(ctx context.Context, clicks []Click) {
	w := segwriter.New("localhost:9092")
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks: each call waits for the default BatchTimeout of 1s`
	}
}

func writeEachSharedFast(ctx context.Context, clicks []Click) {
	w := segwriter.NewFast("localhost:9092")
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks: each call waits for its BatchTimeout of 5ms`
	}
}

func writeEachSharedConfig(ctx context.Context, clicks []Click) {
	w := segwriter.NewFromConfig("localhost:9092")
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks`
	}
}

type Sink struct {
	w *kafka.Writer
}

func NewSink() *Sink { return &Sink{w: segwriter.New("localhost:9092")} }

func (s *Sink) WriteEach(ctx context.Context, clicks []Click) {
	for _, c := range clicks {
		s.w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks`
	}
}

// A writer built here and changed by another package's helper, described
// by its analysis facts.

func writeEachOneAtATime(ctx context.Context, clicks []Click) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092")}
	segwriter.OneAtATime(w)
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON}) // want `WriteMessages of one message per element of clicks: each call sends a batch of one message \(BatchSize 1\)`
	}
}

// ---- look-alikes ----

func writeEachMadeAsync(ctx context.Context, clicks []Click) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092")}
	segwriter.MakeAsync(w)
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

func writeAllShared(ctx context.Context, clicks []Click) {
	w := segwriter.New("localhost:9092")
	msgs := make([]kafka.Message, 0, len(clicks))
	for _, c := range clicks {
		msgs = append(msgs, kafka.Message{Value: c.JSON})
	}
	w.WriteMessages(ctx, msgs...)
}

func writeEachSharedAsync(ctx context.Context, clicks []Click) {
	w := segwriter.NewAsync("localhost:9092")
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}

func writeEachSharedTuned(ctx context.Context, clicks []Click, async bool) {
	w := segwriter.NewTuned(async)
	for _, c := range clicks {
		w.WriteMessages(ctx, kafka.Message{Value: c.JSON})
	}
}
