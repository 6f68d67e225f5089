// Package wrapuse calls the wrappers of package wrap in loops.
package wrapuse

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"

	"produce/wrap"
)

func publishEach(ctx context.Context, p *wrap.Publisher, values [][]byte) error {
	for _, v := range values {
		if err := p.Publish(ctx, "events", v); err != nil { // want `\(\*wrap.Publisher\).Publish per element of values waits for each produce`
			return err
		}
	}
	return nil
}

func notifyEach(p sarama.SyncProducer, bodies [][]byte) {
	for _, b := range bodies {
		wrap.Notify(p, "alerts", b) // want `Notify per element of bodies waits for each produce`
	}
}

func sendEach(ctx context.Context, p *wrap.Publisher, values [][]byte) {
	for _, v := range values {
		p.Send(ctx, v) // want `\(\*wrap.Publisher\).Send per element of values waits for each produce \(franz-go Produce`
	}
}

// ---- look-alikes ----

func writeWithAsyncHelper(ctx context.Context, values [][]byte) {
	w := wrap.NewAsyncClickWriter("localhost:9092")
	for _, v := range values {
		w.WriteMessages(ctx, kafka.Message{Value: v})
	}
}

func publishAll(ctx context.Context, p *wrap.Publisher, values [][]byte) error {
	return p.PublishAll(ctx, "events", values)
}

func enqueueEach(ctx context.Context, p *wrap.Publisher, values [][]byte) {
	for _, v := range values {
		p.Enqueue(ctx, "events", v)
	}
}

func publishOne(ctx context.Context, p *wrap.Publisher, v []byte) error {
	return p.Publish(ctx, "events", v)
}
