package kafkacost

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/IBM/sarama"
	segmentio "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

const topic = "t"

// cluster is a one-broker kfake cluster that counts the produce requests it
// receives.
type cluster struct {
	*kfake.Cluster
	produces atomic.Int64
}

func newCluster(t *testing.T) *cluster {
	t.Helper()
	kc, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, topic))
	if err != nil {
		t.Fatal(err)
	}
	c := &cluster{Cluster: kc}
	kc.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		kc.KeepControl()
		c.produces.Add(1)
		return nil, nil, false // observe only; kfake answers as usual
	})
	t.Cleanup(kc.Close)
	return c
}

// measure runs one shape and returns the produce requests it sent and how
// long it took.
func (c *cluster) measure(t *testing.T, run func() error) (int64, time.Duration) {
	t.Helper()
	before := c.produces.Load()
	start := time.Now()
	if err := run(); err != nil {
		t.Fatal(err)
	}
	return c.produces.Load() - before, time.Since(start)
}

type result struct {
	shape    string
	records  int
	requests int64
	took     time.Duration
}

func (r result) String() string {
	return fmt.Sprintf("%-48s %5d records %5d produce requests (%.2f per record) %10v (%.0f records/s)",
		r.shape, r.records, r.requests, float64(r.requests)/float64(r.records), r.took.Round(time.Microsecond),
		float64(r.records)/r.took.Seconds())
}

// compare checks a flagged shape against its fix: one request per record for
// the former, a few in all for the latter. sarama sends "as fast as
// possible": its first message leaves alone and the rest coalesce behind the
// request in flight, so how many requests a batch takes depends on timing —
// on a loaded machine up to half a dozen for 200 messages. The bound is one
// request per 20 records, and never fewer than 5.
func compare(t *testing.T, flagged, fixed result) {
	t.Helper()
	t.Log(flagged)
	t.Log(fixed)
	if flagged.requests != int64(flagged.records) {
		t.Errorf("%s: %d produce requests for %d records, want one per record", flagged.shape, flagged.requests, flagged.records)
	}
	if limit := max(5, int64(fixed.records/20)); fixed.requests < 1 || fixed.requests > limit {
		t.Errorf("%s: %d produce requests for %d records, want 1 to %d", fixed.shape, fixed.requests, fixed.records, limit)
	}
}

func value(i int) []byte { return fmt.Appendf(nil, "record-%03d-%0180d", i, i) } // ~200 bytes

func newKgo(t *testing.T, c *cluster, opts ...kgo.Opt) *kgo.Client {
	t.Helper()
	cl, err := kgo.NewClient(append([]kgo.Opt{kgo.SeedBrokers(c.ListenAddrs()...), kgo.DefaultProduceTopic(topic)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	// Warm up: metadata and the producer ID are fetched once, not per shape.
	if err := cl.ProduceSync(context.Background(), &kgo.Record{Value: value(0)}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	return cl
}

const records = 200

func TestFranzGoProduceSync(t *testing.T) {
	c := newCluster(t)
	cl := newKgo(t, c)
	ctx := context.Background()

	reqs, took := c.measure(t, func() error {
		for i := range records {
			if err := cl.ProduceSync(ctx, &kgo.Record{Value: value(i)}).FirstErr(); err != nil {
				return err
			}
		}
		return nil
	})
	flagged := result{"kgo ProduceSync of one record per element", records, reqs, took}

	reqs, took = c.measure(t, func() error {
		recs := make([]*kgo.Record, 0, records)
		for i := range records {
			recs = append(recs, &kgo.Record{Value: value(i)})
		}
		return cl.ProduceSync(ctx, recs...).FirstErr()
	})
	compare(t, flagged, result{"kgo ProduceSync of all records once", records, reqs, took})
}

func TestFranzGoProduceFlush(t *testing.T) {
	c := newCluster(t)
	cl := newKgo(t, c)
	ctx := context.Background()

	reqs, took := c.measure(t, func() error {
		for i := range records {
			cl.Produce(ctx, &kgo.Record{Value: value(i)}, nil)
			if err := cl.Flush(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	flagged := result{"kgo Produce then Flush per element", records, reqs, took}

	reqs, took = c.measure(t, func() error {
		var (
			mu    sync.Mutex
			first error
		)
		for i := range records {
			cl.Produce(ctx, &kgo.Record{Value: value(i)}, func(_ *kgo.Record, err error) {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			})
		}
		if err := cl.Flush(ctx); err != nil {
			return err
		}
		return first
	})
	compare(t, flagged, result{"kgo Produce all, one Flush after the loop", records, reqs, took})
}

// Waiting for each promise waits the client's linger (10ms by default since
// v1.20.0) as well as the round trip.
func TestFranzGoPromiseWait(t *testing.T) {
	c := newCluster(t)
	cl := newKgo(t, c)
	ctx := context.Background()
	const n = 50

	reqs, took := c.measure(t, func() error {
		for i := range n {
			done := make(chan error, 1)
			cl.Produce(ctx, &kgo.Record{Value: value(i)}, func(_ *kgo.Record, err error) { done <- err })
			if err := <-done; err != nil {
				return err
			}
		}
		return nil
	})
	flagged := result{"kgo Produce, wait for its promise, per element", n, reqs, took}

	reqs, took = c.measure(t, func() error {
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			cl.Produce(ctx, &kgo.Record{Value: value(i)}, func(_ *kgo.Record, err error) {
				defer wg.Done()
				if err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		return <-errs
	})
	compare(t, flagged, result{"kgo Produce all, wait for the promises after", n, reqs, took})
	if took := flagged.took / time.Duration(n); took < 5*time.Millisecond {
		t.Errorf("waiting per promise took %v per record, want at least the 10ms default linger (half, for timer slack)", took)
	}
}

func TestSaramaSendMessage(t *testing.T) {
	c := newCluster(t)
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Version = sarama.V2_8_0_0
	p, err := sarama.NewSyncProducer(c.ListenAddrs(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value(0))}); err != nil {
		t.Fatal(err)
	}

	reqs, took := c.measure(t, func() error {
		for i := range records {
			if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value(i))}); err != nil {
				return err
			}
		}
		return nil
	})
	flagged := result{"sarama SendMessage per element", records, reqs, took}

	reqs, took = c.measure(t, func() error {
		msgs := make([]*sarama.ProducerMessage, 0, records)
		for i := range records {
			msgs = append(msgs, &sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value(i))})
		}
		return p.SendMessages(msgs)
	})
	compare(t, flagged, result{"sarama SendMessages of all messages once", records, reqs, took})
}

// A synchronous segmentio Writer waits BatchTimeout (1s by default) for each
// batch that does not fill: kept to 3 records.
func TestSegmentioWriteMessages(t *testing.T) {
	if testing.Short() {
		t.Skip("waits the default 1s BatchTimeout per record")
	}
	c := newCluster(t)
	// RequireAll: with the default RequireNone the writer does not wait for
	// the broker, and a request could be counted after the call returned.
	w := &segmentio.Writer{Addr: segmentio.TCP(c.ListenAddrs()...), Topic: topic, RequiredAcks: segmentio.RequireAll}
	t.Cleanup(func() { w.Close() })
	ctx := context.Background()
	const n = 3

	reqs, took := c.measure(t, func() error {
		for i := range n {
			if err := w.WriteMessages(ctx, segmentio.Message{Value: value(i)}); err != nil {
				return err
			}
		}
		return nil
	})
	flagged := result{"segmentio WriteMessages of one message per element", n, reqs, took}

	reqs, took = c.measure(t, func() error {
		msgs := make([]segmentio.Message, 0, n)
		for i := range n {
			msgs = append(msgs, segmentio.Message{Value: value(i)})
		}
		return w.WriteMessages(ctx, msgs...)
	})
	fixed := result{"segmentio WriteMessages of all messages once", n, reqs, took}
	compare(t, flagged, fixed)
	if per := flagged.took / n; per < 900*time.Millisecond {
		t.Errorf("one-message WriteMessages took %v per message, want about the 1s default BatchTimeout", per)
	}
	if fixed.took > flagged.took/2 {
		t.Errorf("WriteMessages of all took %v, want well under the per-message loop's %v", fixed.took, flagged.took)
	}
}
