// Package kafka produces one record per synchronous call.
package kafka

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

func Publish(ctx context.Context, cl *kgo.Client, values [][]byte) error {
	for _, v := range values {
		if err := cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: v}).FirstErr(); err != nil { // finding: produceloop
			return err
		}
	}
	return nil
}

func NewProducer() (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers("localhost:9092"), kgo.ProducerLinger(0)) // finding: linger
}
