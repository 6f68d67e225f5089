// Package lingerold is compiled against franz-go v1.19.5, which lingers 0
// unless told otherwise.
package lingerold

import (
	"context"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func produceAsync(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b")) // want `franz-go v1.19.5 lingers 0 by default`
	cl.Produce(ctx, &kgo.Record{}, nil)
}

func produceSync(ctx context.Context) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("b")) // want `franz-go v1.19.5 lingers 0 by default`
	if err != nil {
		return
	}
	defer cl.Close()
	cl.ProduceSync(ctx, &kgo.Record{})
}

func producerOption() {
	kgo.NewClient(kgo.SeedBrokers("b"), kgo.DefaultProduceTopic("t")) // want `franz-go v1.19.5 lingers 0 by default`
}

type service struct {
	client *kgo.Client
}

func newService() *service {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b")) // want `franz-go v1.19.5 lingers 0 by default`
	return &service{client: cl}
}

func (s *service) send(ctx context.Context, r *kgo.Record) {
	s.client.TryProduce(ctx, r, nil)
}

func newClient() (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers("b")) // want `franz-go v1.19.5 lingers 0 by default`
}

func useHelper(ctx context.Context) {
	cl, _ := newClient()
	cl.ProduceSync(ctx, &kgo.Record{})
}

func explicitZero(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	cl.ProduceSync(ctx, &kgo.Record{})
}

// Look-alikes.

func withLinger(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"), kgo.ProducerLinger(10*time.Millisecond))
	cl.Produce(ctx, &kgo.Record{}, nil)
}

func consumer(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"), kgo.ConsumeTopics("t"))
	cl.PollFetches(ctx)
}

func admin() {
	kgo.NewClient(kgo.SeedBrokers("b"))
}

func unknownOpts(ctx context.Context, opts []kgo.Opt) {
	cl, _ := kgo.NewClient(opts...)
	cl.ProduceSync(ctx, &kgo.Record{})
}

func lingerFromParam(ctx context.Context, l time.Duration) {
	cl, _ := kgo.NewClient(kgo.ProducerLinger(l))
	cl.ProduceSync(ctx, &kgo.Record{})
}

func deliberate(ctx context.Context) {
	//batchlint:ignore linger -- control-plane producer, latency over throughput
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b"))
	cl.ProduceSync(ctx, &kgo.Record{})
}
