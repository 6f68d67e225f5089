package batchtest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/batchlint/batchlint/internal/kfaketest"
	"github.com/batchlint/batchlint/runtime/batchtest"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// newKafka starts a one-partition kfake cluster and a client recorded by
// rec; produced counts the produce requests the cluster received, and while
// refuse is above zero the cluster fails that many produce requests.
func newKafka(t *testing.T, rec *batchtest.Recorder) (cl *kgo.Client, produced, refuse *atomic.Int64) {
	t.Helper()
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "events"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cluster.Close)
	produced, refuse = &atomic.Int64{}, &atomic.Int64{}
	cluster.ControlKey(int16(kmsg.Produce), func(kreq kmsg.Request) (kmsg.Response, error, bool) {
		cluster.KeepControl()
		produced.Add(1)
		if refuse.Add(-1) < 0 {
			refuse.Store(0)
			return nil, nil, false
		}
		return kfaketest.RefuseProduce(kreq), nil, true
	})
	cl, err = kgo.NewClient(kgo.SeedBrokers(cluster.ListenAddrs()...), kgo.DefaultProduceTopic("events"), rec.KafkaHooks())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	return cl, produced, refuse
}

// produceEach is the loop produceloop reports.
func produceEach(ctx context.Context, cl *kgo.Client, n int) error {
	for i := range n {
		if err := cl.ProduceSync(ctx, kgo.StringRecord(fmt.Sprint("event ", i))).FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

func TestKafkaClassifies(t *testing.T) {
	ctx := context.Background()
	records := func(n int) []*kgo.Record {
		rs := make([]*kgo.Record, n)
		for i := range rs {
			rs[i] = kgo.StringRecord(fmt.Sprint("event ", i))
		}
		return rs
	}
	for _, c := range []struct {
		name     string
		produce  func(*kgo.Client) error
		records  int
		count    int // one-record batches in a row reported; 0: none
		requests int // produce requests, when exact
	}{
		{"ProduceSync per record", func(cl *kgo.Client) error { return produceEach(ctx, cl, 25) }, 25, 25, 25},
		{"one ProduceSync of every record", func(cl *kgo.Client) error { return cl.ProduceSync(ctx, records(25)...).FirstErr() }, 25, 0, 1},
		{"async Produce, then Flush", func(cl *kgo.Client) error {
			for _, r := range records(1000) {
				cl.Produce(ctx, r, nil)
			}
			return cl.Flush(ctx)
		}, 1000, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := batchtest.New()
			cl, produced, _ := newKafka(t, rec)
			if err := c.produce(cl); err != nil {
				t.Fatal(err)
			}
			st := rec.Stats()
			if len(st) != 1 || st[0].Shape != `produce to topic "events"` || st[0].Rows != c.records {
				t.Fatalf("stats %+v", st)
			}
			if got := int64(rec.RoundTrips()); got != produced.Load() || c.requests > 0 && got != int64(c.requests) {
				t.Errorf("recorded %d produce requests, the cluster received %d, want %d", got, produced.Load(), c.requests)
			}
			fs := rec.Findings()
			if c.count == 0 {
				if len(fs) != 0 {
					t.Errorf("findings on a batched producer: %+v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Count != c.count || fs[0].Analyzer != "produceloop" || !strings.Contains(fs[0].Fix, "runtime/kafkabatch") {
				t.Fatalf("findings %+v, want %d one-record batches from produceloop", fs, c.count)
			}
			for _, site := range []string{fs[0].First, fs[0].Last} {
				if !strings.HasPrefix(site, "kafka_test.go:") || !strings.Contains(site, "produceEach") {
					t.Errorf("call site %q is not produceEach in kafka_test.go", site)
				}
			}
		})
	}
}

func TestKafkaAllowTopic(t *testing.T) {
	rec := batchtest.New(batchtest.AllowTopic("events"))
	cl, _, _ := newKafka(t, rec)
	if err := produceEach(context.Background(), cl, 15); err != nil {
		t.Fatal(err)
	}
	if fs := rec.Findings(); len(fs) != 0 {
		t.Errorf("findings on an allowed topic: %+v", fs)
	}
}

// TestKafkaFailedRecords checks that records the broker refused are in no
// batch: the sites of the batches written after them are their own.
func TestKafkaFailedRecords(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	cl, _, refuse := newKafka(t, rec)
	refuse.Store(3)
	for i := range 3 {
		if err := cl.ProduceSync(ctx, kgo.StringRecord(fmt.Sprint("refused ", i))).FirstErr(); !errors.Is(err, kerr.InvalidRecord) {
			t.Fatalf("record %d: %v, want the injected InvalidRecord", i, err)
		}
	}
	if err := produceEach(ctx, cl, 12); err != nil {
		t.Fatal(err)
	}
	fs := rec.Findings()
	if len(fs) != 1 || fs[0].Count != 12 || !strings.Contains(fs[0].First, "produceEach") || !strings.Contains(fs[0].Last, "produceEach") {
		t.Errorf("findings %+v, want 12 one-record batches, all from produceEach", fs)
	}
	if st := rec.Stats(); len(st) != 1 || st[0].Rows != 12 {
		t.Errorf("stats %+v, want the 12 records written", st)
	}
}

// TestKafkaTwoClients checks that each client's batches are matched with
// its own records: records another client holds buffered neither lend the
// one-record batches their call sites nor hide them.
func TestKafkaTwoClients(t *testing.T) {
	ctx := context.Background()
	rec := batchtest.New()
	syncCl, _, _ := newKafka(t, rec)
	held, err := kgo.NewClient(kgo.SeedBrokers(syncCl.OptValue(kgo.SeedBrokers).([]string)...), kgo.DefaultProduceTopic("events"),
		kgo.ManualFlushing(), rec.KafkaHooks())
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for i := range 5 {
		held.Produce(ctx, kgo.StringRecord(fmt.Sprint("held ", i)), nil)
	}
	if err := produceEach(ctx, syncCl, 12); err != nil {
		t.Fatal(err)
	}
	if err := held.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	fs := rec.Findings()
	if len(fs) != 1 || fs[0].Count != 12 || !strings.Contains(fs[0].First, "produceEach") || !strings.Contains(fs[0].Last, "produceEach") {
		t.Errorf("findings %+v, want 12 one-record batches, all from produceEach", fs)
	}
	if st := rec.Stats(); len(st) != 1 || st[0].Rows != 17 || st[0].Executions != 13 {
		t.Errorf("stats %+v, want 17 records in 13 batches", st)
	}
}
