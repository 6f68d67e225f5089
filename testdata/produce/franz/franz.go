// Package franz holds franz-go producer shapes: the ones produceloop must
// report and the look-alikes it must leave alone.
package franz

import (
	"bufio"
	"context"
	"errors"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

type Event struct {
	ID   string
	Body []byte
	Skip bool
}

// ---- findings ----

func syncPerEvent(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		rec := &kgo.Record{Topic: "events", Value: e.Body}
		if err := cl.ProduceSync(ctx, rec).FirstErr(); err != nil { // want `ProduceSync of one record per element of events: one produce request per record`
			return err
		}
	}
	return nil
}

func syncLiteralTopic(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "audit", Value: e.Body}) // want `ProduceSync of one record \(topic "audit"\) per element`
	}
}

func syncSpreadOne(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		rec := &kgo.Record{Value: e.Body}
		if err := cl.ProduceSync(ctx, []*kgo.Record{rec}...).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return nil
}

func syncIndexLoop(ctx context.Context, cl *kgo.Client, events []Event) error {
	for i := 0; i < len(events); i++ {
		res := cl.ProduceSync(ctx, &kgo.Record{Value: events[i].Body}) // want `ProduceSync of one record per element`
		if err := res.FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

func syncPerLine(ctx context.Context, cl *kgo.Client, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := slices.Clone(sc.Bytes())
		if _, err := cl.ProduceSync(ctx, &kgo.Record{Value: line}).First(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return sc.Err()
}

func syncPerMapEntry(ctx context.Context, cl *kgo.Client, byKey map[string][]byte) {
	for k, v := range byKey {
		cl.ProduceSync(ctx, &kgo.Record{Key: []byte(k), Value: v}) // want `ProduceSync of one record per element`
	}
}

type Relay struct {
	client *kgo.Client
	topic  string
}

func (r *Relay) Forward(ctx context.Context, events []Event) error {
	for _, e := range events {
		if err := r.client.ProduceSync(ctx, &kgo.Record{Topic: r.topic, Value: e.Body}).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return nil
}

// Consume-transform-produce: one synchronous produce per consumed record caps
// the pipeline at one produce round trip per record.
func transformEach(ctx context.Context, in, out *kgo.Client) {
	fetches := in.PollFetches(ctx)
	fetches.EachRecord(func(r *kgo.Record) {
		out.ProduceSync(ctx, &kgo.Record{Topic: "out", Value: r.Value}) // want `ProduceSync of one record \(topic "out"\) per element`
	})
}

func transformIter(ctx context.Context, in, out *kgo.Client) error {
	for {
		fetches := in.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return nil
		}
		iter := fetches.RecordIter()
		for !iter.Done() {
			r := iter.Next()
			if err := out.ProduceSync(ctx, &kgo.Record{Topic: "out", Value: r.Value}).FirstErr(); err != nil { // want `ProduceSync of one record \(topic "out"\) per element`
				return err
			}
		}
	}
}

func transactional(ctx context.Context, s *kgo.GroupTransactSession, events []Event) error {
	for _, e := range events {
		if err := s.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return nil
}

func syncWithRetry(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			if err = cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr(); err == nil { // want `ProduceSync of one record per element of events`
				break
			}
			time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func produceThenFlush(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil) // want `Produce and wait per element of events: the Flush after each Produce waits`
		cl.Flush(ctx)
	}
}

func produceThenCheckedFlush(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(*kgo.Record, error) {}) // want `Produce and wait per element`
		if err := cl.Flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

func produceWaitGroup(ctx context.Context, cl *kgo.Client, events []Event) {
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Add(1)
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(*kgo.Record, error) { wg.Done() }) // want `Produce and wait per element of events: waiting for each record's promise`
		wg.Wait()
	}
}

func produceDoneChannel(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		done := make(chan error, 1)
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(_ *kgo.Record, err error) { done <- err }) // want `Produce and wait per element`
		if err := <-done; err != nil {
			return err
		}
	}
	return nil
}

func produceClosedChannel(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		acked := make(chan struct{})
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(*kgo.Record, error) { close(acked) }) // want `Produce and wait per element`
		<-acked
	}
}

func produceSelect(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		done := make(chan error, 1)
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(_ *kgo.Record, err error) { done <- err }) // want `Produce and wait per element`
		select {
		case err := <-done:
			if err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func tryProduceThenFlush(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.TryProduce(ctx, &kgo.Record{Value: e.Body}, nil) // want `TryProduce and wait per element`
		_ = cl.Flush(ctx)
	}
}

func produceFlushInBranch(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		if !e.Skip {
			cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil) // want `Produce and wait per element`
			cl.Flush(ctx)
		}
	}
}

func syncPerPair(ctx context.Context, cl *kgo.Client, events []Event) {
	for i := 0; i+1 < len(events); i += 2 {
		v := append(slices.Clone(events[i].Body), events[i+1].Body...)
		cl.ProduceSync(ctx, &kgo.Record{Value: v}) // want `ProduceSync of one record per element`
	}
}

// ---- look-alikes ----

// One summary per stride of 100 events is one request per 100 records.
func syncPerStride(ctx context.Context, cl *kgo.Client, events []Event) {
	for start := 0; start < len(events); start += 100 {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "summary", Value: []byte{byte(start / 100)}})
	}
}

func syncAll(ctx context.Context, cl *kgo.Client, events []Event) error {
	recs := make([]*kgo.Record, 0, len(events))
	for _, e := range events {
		recs = append(recs, &kgo.Record{Value: e.Body})
	}
	return cl.ProduceSync(ctx, recs...).FirstErr()
}

func syncChunks(ctx context.Context, cl *kgo.Client, recs []*kgo.Record) error {
	for chunk := range slices.Chunk(recs, 500) {
		if err := cl.ProduceSync(ctx, chunk...).FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

func syncChunkIndex(ctx context.Context, cl *kgo.Client, recs []*kgo.Record) error {
	for start := 0; start < len(recs); start += 500 {
		end := min(start+500, len(recs))
		if err := cl.ProduceSync(ctx, recs[start:end]...).FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

func syncTwoPerEvent(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		// Two records per call is a fixed pair (a row and its audit entry),
		// not the one-record shape this analyzer knows the fix for.
		cl.ProduceSync(ctx, &kgo.Record{Topic: "rows", Value: e.Body}, &kgo.Record{Topic: "audit", Value: []byte(e.ID)})
	}
}

func produceAsyncFlushOnce(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
	}
	return cl.Flush(ctx)
}

func produceWaitAfterLoop(ctx context.Context, cl *kgo.Client, events []Event) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for _, e := range events {
		wg.Add(1)
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(_ *kgo.Record, err error) {
			defer wg.Done()
			mu.Lock()
			first = errors.Join(first, err)
			mu.Unlock()
		})
	}
	wg.Wait()
	return first
}

func produceErrorsAfterLoop(ctx context.Context, cl *kgo.Client, events []Event) error {
	errs := make(chan error, len(events))
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, func(_ *kgo.Record, err error) { errs <- err })
	}
	var all error
	for range events {
		all = errors.Join(all, <-errs)
	}
	return all
}

func produceThresholdFlush(ctx context.Context, cl *kgo.Client, events []Event) error {
	for i, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
		if (i+1)%1000 == 0 {
			if err := cl.Flush(ctx); err != nil {
				return err
			}
		}
	}
	return cl.Flush(ctx)
}

func produceFlushOtherClient(ctx context.Context, cl, metrics *kgo.Client, events []Event) {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
		metrics.Flush(ctx)
	}
	cl.Flush(ctx)
}

func produceDeferredFlush(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
	}
	defer cl.Flush(ctx)
}

func produceFlushInGoroutine(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.Produce(ctx, &kgo.Record{Value: e.Body}, nil)
		go func() { cl.Flush(ctx) }()
	}
}

func syncOnce(ctx context.Context, cl *kgo.Client, e Event) error {
	return cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr()
}

func syncRetryOnly(ctx context.Context, cl *kgo.Client, rec *kgo.Record) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = cl.ProduceSync(ctx, rec).FirstErr(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func syncFixedTopics(ctx context.Context, cl *kgo.Client, body []byte) {
	for _, topic := range []string{"primary", "mirror"} {
		cl.ProduceSync(ctx, &kgo.Record{Topic: topic, Value: body})
	}
}

func syncFirstOnly(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		return cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr()
	}
	return nil
}

// One progress record per poll is one per fetched batch, not one per record.
func progressPerPoll(ctx context.Context, in, out *kgo.Client) {
	for {
		fetches := in.PollFetches(ctx)
		if fetches.IsClientClosed() {
			return
		}
		n := fetches.NumRecords()
		out.ProduceSync(ctx, &kgo.Record{Topic: "progress", Value: []byte{byte(n)}})
	}
}

func storedNotRun(ctx context.Context, cl *kgo.Client, events []Event) []func() {
	var later []func()
	for _, e := range events {
		later = append(later, func() { cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}) })
	}
	return later
}

func suppressed(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		//batchlint:ignore produceloop -- ordering across services needs each ack before the next send
		cl.ProduceSync(ctx, &kgo.Record{Value: e.Body})
	}
}

// A type of the program's own with a ProduceSync method is no kgo client.
type fakeClient struct{ sent [][]byte }

func (f *fakeClient) ProduceSync(_ context.Context, rs ...*kgo.Record) kgo.ProduceResults {
	for _, r := range rs {
		f.sent = append(f.sent, r.Value)
	}
	return nil
}

func (f *fakeClient) Flush(context.Context) error { return nil }

func ownType(ctx context.Context, f *fakeClient, events []Event) {
	for _, e := range events {
		f.ProduceSync(ctx, &kgo.Record{Value: e.Body})
	}
}

// An interface of the program's own that *kgo.Client implements, with
// kgo's own ProduceSync: the client is what runs in production (the fake
// above is for tests).
type syncProducer interface {
	ProduceSync(ctx context.Context, rs ...*kgo.Record) kgo.ProduceResults
	PollFetches(ctx context.Context) kgo.Fetches
}

func ownInterface(ctx context.Context, p syncProducer, events []Event) {
	for _, e := range events {
		p.ProduceSync(ctx, &kgo.Record{Value: e.Body}) // want `ProduceSync of one record per element of events: one produce request per record`
	}
}

// Its read method is no write.
func ownInterfaceRead(ctx context.Context, p syncProducer, topics []string) {
	for range topics {
		p.PollFetches(ctx)
	}
}

// Produce through the interface, waited for by its Flush: kgo's Flush.
type asyncProducer interface {
	Produce(ctx context.Context, r *kgo.Record, promise func(*kgo.Record, error))
	Flush(ctx context.Context) error
}

func ownInterfaceFlush(ctx context.Context, p asyncProducer, events []Event) {
	for _, e := range events {
		p.Produce(ctx, &kgo.Record{Value: e.Body}, nil) // want `Produce and wait per element of events`
		p.Flush(ctx)
	}
}

// No kgo type implements this one (its ProduceSync returns an error): the
// implementation is the program's own and unknown.
type erringProducer interface {
	ProduceSync(ctx context.Context, rs ...*kgo.Record) error
}

func lookAlikeInterface(ctx context.Context, p erringProducer, events []Event) {
	for _, e := range events {
		p.ProduceSync(ctx, &kgo.Record{Value: e.Body})
	}
}

// A one-record produce batched by the caller's wrapper through the interface:
// ProduceSync of all records at once.
func ownInterfaceBatched(ctx context.Context, p syncProducer, events []Event) {
	recs := make([]*kgo.Record, 0, len(events))
	for _, e := range events {
		recs = append(recs, &kgo.Record{Value: e.Body})
	}
	p.ProduceSync(ctx, recs...)
}
