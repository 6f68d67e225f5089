// Package asyncproduce holds shapes of asynchronous produces seen in public
// Go code (rewritten, not copied), each labelled by what it does at run time
// when a record fails: "bad" when the error reaches no one or the producer
// can block, "ok" when code sees it. Unlike ../../corpus/asyncproduce it was
// not written to exercise the rule, so it holds shapes the rule misses.
package asyncproduce

import (
	"context"
	"encoding/json"
	"log"
	"sync/atomic"

	"github.com/twmb/franz-go/pkg/kgo"
)

// A chain adapter: events from a channel, produced in a goroutine.
func RunAdapter(ctx context.Context, events <-chan map[string]any) {
	client, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.DefaultProduceTopic("chain.events"))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	go func() {
		for ev := range events {
			data, err := json.Marshal(ev)
			if err != nil {
				continue
			}
			client.Produce(ctx, &kgo.Record{Value: data}, nil) // label:bad
		}
	}()
	<-ctx.Done()
}

// A task queue keeping its clients in an atomic.Value.
type taskClient struct{ cl atomic.Value }

func (c *taskClient) write(ctx context.Context, topic string, task []byte) error {
	cl, _ := c.cl.Load().(*kgo.Client)
	if cl == nil {
		return context.Canceled
	}
	cl.Produce(ctx, &kgo.Record{Topic: topic, Value: task}, nil) // label:bad
	return nil
}

// A repository decorator with an injected client.
type eventRepository struct{ kcl *kgo.Client }

func NewEventRepository(kcl *kgo.Client) *eventRepository { return &eventRepository{kcl: kcl} }

func (r *eventRepository) dispatch(rec *kgo.Record) {
	r.kcl.Produce(context.Background(), rec, nil) // label:bad
}

// A consumer that retries and dead-letters through its own client.
type fraudConsumer struct{ client *kgo.Client }

func NewFraudConsumer(brokers []string) (*fraudConsumer, error) {
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.ConsumerGroup("fraud"), kgo.ConsumeTopics("transactions"))
	if err != nil {
		return nil, err
	}
	return &fraudConsumer{client: cl}, nil
}

func (c *fraudConsumer) retry(ctx context.Context, r *kgo.Record) {
	r.Topic = "transactions-retry"
	c.client.Produce(ctx, r, nil) // label:bad
}

func (c *fraudConsumer) deadLetter(ctx context.Context, r *kgo.Record) {
	c.client.Produce(ctx, &kgo.Record{Topic: "transactions-dlq", Value: r.Value}, nil) // label:bad
}

// A transactional producer: the commit succeeds after a refused record.
func ProduceInTxn(value []byte) error {
	client, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.TransactionalID("tx-1"))
	if err != nil {
		return err
	}
	defer client.Close()
	rec := &kgo.Record{Topic: "my_topic", Value: value}
	if err := client.BeginTransaction(); err != nil {
		return err
	}
	ctx := context.Background()
	client.Produce(ctx, rec, nil) // label:bad
	client.Produce(ctx, rec, nil) // label:bad
	if err := client.Flush(ctx); err != nil {
		return err
	}
	return client.EndTransaction(ctx, kgo.TryCommit)
}

// A stream enricher: poll, enrich, produce.
func Enrich(ctx context.Context, years map[string]int) {
	client, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ConsumeTopics("ratings"))
	if err != nil {
		return
	}
	for {
		fetches := client.PollFetches(ctx)
		it := fetches.RecordIter()
		for !it.Done() {
			r := it.Next()
			v, _ := json.Marshal(map[string]any{"movie": string(r.Key), "year": years[string(r.Key)]})
			client.Produce(ctx, &kgo.Record{Key: r.Key, Topic: "enriched", Value: v}, nil) // label:bad
		}
	}
}

// Trace propagation helper on a caller's client.
func PublishTraced(ctx context.Context, client *kgo.Client, v []byte) {
	client.Produce(ctx, &kgo.Record{Topic: "orders", Value: v}, nil) // label:bad
}

// Look-alikes.

func ProduceForever(ctx context.Context) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		panic(err)
	}
	defer cl.Close()
	for n := 0; ; n++ {
		cl.Produce(ctx, &kgo.Record{Topic: "foo", Value: []byte{byte(n)}}, func(_ *kgo.Record, err error) { // label:ok
			if err != nil {
				log.Printf("produce error: %v", err)
			}
		})
	}
}

func GatewayProduce(key, req []byte, topic string) error {
	client, err := kgo.NewClient(kgo.SeedBrokers("broker:29092"), kgo.AllowAutoTopicCreation())
	if err != nil {
		return err
	}
	defer client.Close()
	ctx := context.Background()
	return client.ProduceSync(ctx, &kgo.Record{Key: key, Topic: topic, Value: req}).FirstErr() // label:ok
}

// tracingHooks stands for an OpenTelemetry plugin's hooks, which end each
// record's span with its error.
func tracingHooks() []kgo.Hook { return nil }

func TracedClient(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.WithHooks(tracingHooks()...))
	cl.Produce(ctx, r, nil) // label:ok
}

func BatchAndWait(ctx context.Context, recs []*kgo.Record) error {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	results := cl.ProduceSync(ctx, recs...) // label:ok
	return results.FirstErr()
}
