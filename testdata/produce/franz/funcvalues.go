package franz

import (
	"context"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"
)

// A publisher whose send function is held in a field, set once.
type publisher struct {
	cl   *kgo.Client
	send func(ctx context.Context, e Event) error
}

func newPublisher(cl *kgo.Client) *publisher {
	return &publisher{cl: cl, send: func(ctx context.Context, e Event) error {
		return cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: e.Body}).FirstErr()
	}}
}

func (p *publisher) publishAll(ctx context.Context, events []Event) {
	for _, e := range events {
		p.send(ctx, e) // want `^franz.publisher.send per element of events waits for each produce`
	}
}

func (p *publisher) publishOne(ctx context.Context, e Event) error {
	return p.cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: e.Body}).FirstErr()
}

func (p *publisher) publishByMethodValue(ctx context.Context, events []Event) {
	publish := p.publishOne
	for _, e := range events {
		publish(ctx, e) // want `^\(\*franz.publisher\).publishOne per element of events waits for each produce`
	}
}

// ---- look-alikes ----

// Synchronous produces in goroutines launched per element overlap: the
// client batches what arrives while a request is in flight.
func syncPerGoroutine(ctx context.Context, cl *kgo.Client, events []Event) {
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Go(func() {
			cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: e.Body})
		})
	}
	wg.Wait()
}

func syncPerGoStatement(ctx context.Context, p *publisher, events []Event) {
	for _, e := range events {
		go p.publishOne(ctx, e)
	}
}
