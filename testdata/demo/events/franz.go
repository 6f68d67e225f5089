// Package events publishes domain events to Kafka.
package events

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

// NewClient returns the events producer. Linger 0 sends a produce request as
// soon as a record arrives, so batches stay small.
func NewClient(brokers []string) (*kgo.Client, error) {
	return kgo.NewClient(
		kgo.SeedBrokers(brokers...),
		kgo.DefaultProduceTopic("events"),
		kgo.ProducerLinger(0),
	)
}

// PublishEach waits for one acknowledged produce request per event.
func PublishEach(ctx context.Context, cl *kgo.Client, payloads [][]byte) error {
	for _, p := range payloads {
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: p}).FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

// PublishAll produces every event and waits once.
func PublishAll(ctx context.Context, cl *kgo.Client, payloads [][]byte) error {
	recs := make([]*kgo.Record, 0, len(payloads))
	for _, p := range payloads {
		recs = append(recs, &kgo.Record{Value: p})
	}
	return cl.ProduceSync(ctx, recs...).FirstErr()
}
