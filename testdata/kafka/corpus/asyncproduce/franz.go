// Package asyncproduce is asyncproduce's labelled corpus: producers written
// the way services write them, each line labelled by what it does before
// the rule ran.
package asyncproduce

import (
	"context"
	"log"
	"net"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func ExportEvents(ctx context.Context, brokers []string, recs []*kgo.Record) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...))
	if err != nil {
		return err
	}
	defer cl.Close()
	for _, r := range recs {
		cl.Produce(ctx, r, nil) // label:bad
	}
	return cl.Flush(ctx)
}

type AuditSink struct{ cl *kgo.Client }

func NewAuditSink(brokers []string) (*AuditSink, error) {
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...), kgo.DefaultProduceTopic("audit"))
	if err != nil {
		return nil, err
	}
	return &AuditSink{cl: cl}, nil
}

func (s *AuditSink) Record(ctx context.Context, v []byte) {
	s.cl.Produce(ctx, &kgo.Record{Value: v}, nil) // label:bad
}

type clickStream struct{ client *kgo.Client }

func (c *clickStream) Start(brokers []string) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(brokers...))
	if err != nil {
		return err
	}
	c.client = cl
	return nil
}

func (c *clickStream) Click(ctx context.Context, v []byte) {
	c.client.Produce(ctx, &kgo.Record{Topic: "clicks", Value: v}, nil) // label:bad
}

func BestEffortMetric(ctx context.Context, v []byte) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	cl.TryProduce(ctx, &kgo.Record{Topic: "metrics", Value: v}, nil) // label:bad
}

func FanOut(ctx context.Context, in <-chan []byte) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	go func() {
		for v := range in {
			cl.Produce(ctx, &kgo.Record{Topic: "out", Value: v}, nil) // label:bad
		}
	}()
}

type connLogger struct{}

func (connLogger) OnBrokerConnect(meta kgo.BrokerMetadata, _ time.Duration, _ net.Conn, err error) {
	if err != nil {
		log.Print(meta.Host, err)
	}
}

func WithConnLogging(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.WithHooks(connLogger{}))
	cl.Produce(ctx, r, nil) // label:bad
}

func newProducerClient() (*kgo.Client, error) {
	return kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ProducerLinger(0))
}

func ReplayDeadLetters(ctx context.Context, recs []*kgo.Record) {
	cl, err := newProducerClient()
	if err != nil {
		return
	}
	for _, r := range recs {
		cl.Produce(ctx, r, nil) // label:bad
	}
}

func WithLocalOpts(ctx context.Context, r *kgo.Record) {
	opts := []kgo.Opt{kgo.SeedBrokers("kafka:9092"), kgo.RequiredAcks(kgo.AllISRAcks())}
	cl, _ := kgo.NewClient(opts...)
	cl.Produce(ctx, r, nil) // label:bad
}

func Mirror(ctx context.Context, src *kgo.Client) {
	dst, _ := kgo.NewClient(kgo.SeedBrokers("mirror:9092"))
	for {
		fs := src.PollFetches(ctx)
		if fs.IsClientClosed() {
			return
		}
		fs.EachRecord(func(r *kgo.Record) {
			dst.Produce(ctx, &kgo.Record{Topic: r.Topic, Key: r.Key, Value: r.Value}, nil) // label:bad
		})
	}
}

func Heartbeat(v []byte) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	cl.Produce(context.Background(), &kgo.Record{Topic: "hb", Value: v}, nil) // label:bad
}

// Look-alikes.

func WithLoggingPromise(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	cl.Produce(ctx, r, func(r *kgo.Record, err error) { // label:ok
		if err != nil {
			log.Printf("produce to %s: %v", r.Topic, err)
		}
	})
}

func AllOrNothing(ctx context.Context, recs []*kgo.Record) error {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	var fe kgo.FirstErrPromise
	for _, r := range recs {
		cl.Produce(ctx, r, fe.Promise()) // label:ok
	}
	return fe.Err()
}

func SyncBatch(ctx context.Context, recs []*kgo.Record) error {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	return cl.ProduceSync(ctx, recs...).FirstErr() // label:ok
}

type errCounter struct{ n int }

func (c *errCounter) OnProduceRecordUnbuffered(_ *kgo.Record, err error) {
	if err != nil {
		c.n++
	}
}

func WithErrorCounter(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.WithHooks(&errCounter{}))
	cl.Produce(ctx, r, nil) // label:ok
}

func OnInjectedClient(ctx context.Context, cl *kgo.Client, r *kgo.Record) {
	cl.Produce(ctx, r, nil) // label:ok
}

func WithCallerOpts(ctx context.Context, r *kgo.Record, opts ...kgo.Opt) {
	cl, _ := kgo.NewClient(opts...)
	cl.Produce(ctx, r, nil) // label:ok
}

type orderEvents struct{ cl *kgo.Client }

func (o *orderEvents) onDone(r *kgo.Record, err error) {
	if err != nil {
		log.Print(err)
	}
}

func (o *orderEvents) Emit(ctx context.Context, r *kgo.Record) {
	o.cl.Produce(ctx, r, o.onDone) // label:ok
}

func TryWithPromise(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	cl.TryProduce(ctx, r, func(_ *kgo.Record, err error) { log.Print(err) }) // label:ok
}

// A type of the application's own with a Produce method.
type outbox struct{}

func (outbox) Produce(ctx context.Context, r *kgo.Record, done func(*kgo.Record, error)) {}

func ToOutbox(ctx context.Context, r *kgo.Record) {
	var o outbox
	o.Produce(ctx, r, nil) // label:ok
}
