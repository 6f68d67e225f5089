package asyncproduce

import (
	"context"
	"log"

	"github.com/twmb/franz-go/pkg/kgo"
)

func FireAndForget(ctx context.Context, recs []*kgo.Record) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return err
	}
	defer cl.Close()
	for _, r := range recs {
		cl.Produce(ctx, r, nil) // want `Produce with a nil promise: if the record fails, no one sees its error; pass a promise that handles it, or use ProduceSync or runtime/kafkabatch.Producer`
	}
	return cl.Flush(ctx)
}

func TryFireAndForget(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient()
	cl.TryProduce(ctx, r, nil) // want `Produce with a nil promise`
}

type publisher struct{ cl *kgo.Client }

func newPublisher() (*publisher, error) {
	cl, err := kgo.NewClient(kgo.ProducerLinger(0))
	return &publisher{cl: cl}, err
}

func (p *publisher) Publish(ctx context.Context, r *kgo.Record) {
	p.cl.Produce(ctx, r, nil) // want `Produce with a nil promise`
}

// Look-alikes.

func WithPromise(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient()
	cl.Produce(ctx, r, func(_ *kgo.Record, err error) {
		if err != nil {
			log.Print(err)
		}
	})
}

func Sync(ctx context.Context, r *kgo.Record) error {
	cl, _ := kgo.NewClient()
	return cl.ProduceSync(ctx, r).FirstErr()
}

func FirstErr(ctx context.Context, recs []*kgo.Record) error {
	cl, _ := kgo.NewClient()
	var fe kgo.FirstErrPromise
	for _, r := range recs {
		cl.Produce(ctx, r, fe.Promise())
	}
	return fe.Err()
}

// errorHook sees every record's error as it leaves the client.
type errorHook struct{}

func (errorHook) OnProduceRecordUnbuffered(r *kgo.Record, err error) {
	if err != nil {
		log.Print(err)
	}
}

func WithErrorHook(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.WithHooks(errorHook{}))
	cl.Produce(ctx, r, nil)
}

// metricsHook sees written batches, not records' errors.
type metricsHook struct{}

func (metricsHook) OnProduceBatchWritten(meta kgo.BrokerMetadata, topic string, partition int32, m kgo.ProduceBatchMetrics) {
}

func WithOtherHook(ctx context.Context, r *kgo.Record) {
	cl, _ := kgo.NewClient(kgo.WithHooks(metricsHook{}))
	cl.Produce(ctx, r, nil) // want `Produce with a nil promise`
}

func WithUnknownHook(ctx context.Context, r *kgo.Record, h kgo.Hook) {
	cl, _ := kgo.NewClient(kgo.WithHooks(h))
	cl.Produce(ctx, r, nil)
}

func WithOpaqueOptions(ctx context.Context, r *kgo.Record, opts []kgo.Opt) {
	cl, _ := kgo.NewClient(opts...)
	cl.Produce(ctx, r, nil)
}

// The client comes from elsewhere: its hooks are not known.
func OnGivenClient(ctx context.Context, cl *kgo.Client, r *kgo.Record) {
	cl.Produce(ctx, r, nil)
}

// A transaction does not help: EndTransaction commits after a refused record.
func InTransaction(ctx context.Context, r *kgo.Record) error {
	cl, _ := kgo.NewClient(kgo.TransactionalID("tx"))
	if err := cl.BeginTransaction(); err != nil {
		return err
	}
	cl.Produce(ctx, r, nil) // want `Produce with a nil promise`
	if err := cl.Flush(ctx); err != nil {
		return err
	}
	return cl.EndTransaction(ctx, kgo.TryCommit)
}
