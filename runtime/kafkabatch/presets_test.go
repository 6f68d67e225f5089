package kafkabatch

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
	"github.com/twmb/franz-go/pkg/kversion"
)

func TestPresetValues(t *testing.T) {
	for name, tc := range map[string]struct {
		opts     []kgo.Opt
		linger   time.Duration
		buffered int64
		timeout  time.Duration
	}{
		"throughput": {ThroughputOpts(), ThroughputLinger, ThroughputMaxBufferedBytes, ThroughputDeliveryTimeout},
		"latency":    {LatencyOpts(), LatencyLinger, LatencyMaxBufferedBytes, LatencyDeliveryTimeout},
	} {
		cl, err := kgo.NewClient(append(tc.opts, kgo.SeedBrokers("127.0.0.1:1"))...)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := cl.OptValue(kgo.ProducerLinger); got != tc.linger {
			t.Errorf("%s: linger %v, want %v", name, got, tc.linger)
		}
		if got := cl.OptValue(kgo.MaxBufferedBytes); got != tc.buffered {
			t.Errorf("%s: MaxBufferedBytes %v, want %v", name, got, tc.buffered)
		}
		if got := cl.OptValue(kgo.RecordDeliveryTimeout); got != tc.timeout {
			t.Errorf("%s: RecordDeliveryTimeout %v, want %v", name, got, tc.timeout)
		}
		if got := cl.OptValue(kgo.ProducerBatchMaxBytes); got != int32(BatchMaxBytes) {
			t.Errorf("%s: ProducerBatchMaxBytes %v, want %v", name, got, BatchMaxBytes)
		}
		cl.Close()
	}
}

func TestNewOptionsOverridePresets(t *testing.T) {
	p, err := New(kgo.SeedBrokers("127.0.0.1:1"), kgo.ProducerLinger(0))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close(context.Background())
	if got := p.Client().OptValue(kgo.ProducerLinger); got != time.Duration(0) {
		t.Fatalf("linger %v, want the caller's 0", got)
	}
	if got := p.Client().OptValue(kgo.MaxBufferedBytes); got != int64(ThroughputMaxBufferedBytes) {
		t.Fatalf("MaxBufferedBytes %v, want the preset's", got)
	}
}

// wireStats counts produce requests, the records in them and the codec of
// each record batch, as the broker sees them.
type wireStats struct {
	mu       sync.Mutex
	requests int
	records  int
	bytes    int // record batch bytes as sent, after compression
	codecs   map[int8]int
}

func watchProduce(c *kfake.Cluster) *wireStats {
	w := &wireStats{codecs: map[int8]int{}}
	c.ControlKey(int16(kmsg.Produce), func(kreq kmsg.Request) (kmsg.Response, error, bool) {
		c.KeepControl()
		req := kreq.(*kmsg.ProduceRequest)
		w.mu.Lock()
		defer w.mu.Unlock()
		w.requests++
		for _, rt := range req.Topics {
			for _, rp := range rt.Partitions {
				w.bytes += len(rp.Records)
				for raw := rp.Records; len(raw) > 0; {
					var b kmsg.RecordBatch
					if err := b.ReadFrom(raw); err != nil {
						break
					}
					w.records += int(b.NumRecords)
					w.codecs[int8(b.Attributes&0x07)]++
					raw = raw[12+int(b.Length):]
				}
			}
		}
		return nil, nil, false
	})
	return w
}

func (w *wireStats) snapshot() (requests, records int, codecs map[int8]int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	c := map[int8]int{}
	for k, v := range w.codecs {
		c[k] = v
	}
	return w.requests, w.records, c
}

// value is a 200-byte record value with the mild redundancy of real events.
func value(i int) []byte {
	v := fmt.Appendf(nil, `{"id":%d,"user":"user-%d","event":"page_view","path":"/products/%d","ua":"Mozilla/5.0"}`, i, i%1000, i%97)
	return append(v, bytes.Repeat([]byte(" "), max(0, 200-len(v)))...)
}

const (
	codecZstd = 4
	codecLz4  = 3
)

// TestRequestsPerRecord is the cost model in numbers: ProduceSync of one
// record per call pays one produce request per record; the presets' async
// producer puts hundreds of records in each request, compressed.
func TestRequestsPerRecord(t *testing.T) {
	const n = 10_000
	measure := func(name string, opts []kgo.Opt, produce func(*testing.T, *kgo.Client)) (requests, records int, codecs map[int8]int) {
		c := newCluster(t, 1)
		w := watchProduce(c)
		cl, err := kgo.NewClient(append(opts, kgo.SeedBrokers(c.ListenAddrs()...))...)
		if err != nil {
			t.Fatal(err)
		}
		defer cl.Close()
		start := time.Now()
		produce(t, cl)
		took := time.Since(start)
		requests, records, codecs = w.snapshot()
		t.Logf("%-28s %6d records in %5d produce requests: %7.1f records/request, %8.0f records/s, codecs %v",
			name, records, requests, float64(records)/float64(requests), n/took.Seconds(), codecs)
		return requests, records, codecs
	}
	produceSync := func(t *testing.T, cl *kgo.Client) {
		for i := range n {
			if err := cl.ProduceSync(t.Context(), &kgo.Record{Topic: topic, Value: value(i)}).FirstErr(); err != nil {
				t.Fatal(err)
			}
		}
	}
	viaProducer := func(t *testing.T, cl *kgo.Client) {
		p := Wrap(cl)
		for i := range n {
			if err := p.Produce(t.Context(), &kgo.Record{Topic: topic, Value: value(i)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
	}

	syncReqs, syncRecs, _ := measure("ProduceSync per record", nil, produceSync)
	if syncRecs != n || syncReqs != n {
		t.Errorf("ProduceSync per record: %d records in %d requests, want one request per record", syncRecs, syncReqs)
	}
	tReqs, tRecs, tCodecs := measure("Producer, ThroughputOpts", ThroughputOpts(), viaProducer)
	if tRecs != n || tRecs/tReqs < 100 {
		t.Errorf("ThroughputOpts: %d records in %d requests, want at least 100 records per request", tRecs, tReqs)
	}
	if tCodecs[codecZstd] == 0 || len(tCodecs) != 1 {
		t.Errorf("ThroughputOpts batches used codecs %v, want zstd only", tCodecs)
	}
	lReqs, lRecs, lCodecs := measure("Producer, LatencyOpts", LatencyOpts(), viaProducer)
	if lRecs != n || lRecs/lReqs < 10 {
		t.Errorf("LatencyOpts: %d records in %d requests, want at least 10 records per request", lRecs, lReqs)
	}
	if lCodecs[codecLz4] == 0 || len(lCodecs) != 1 {
		t.Errorf("LatencyOpts batches used codecs %v, want lz4 only", lCodecs)
	}
}

// TestThroughputFallsBackToLz4 checks what the preference list means: a
// broker that predates zstd (produce request below v7, Kafka 2.0) gets lz4,
// not an uncompressed batch.
func TestThroughputFallsBackToLz4(t *testing.T) {
	c := newCluster(t, 1)
	w := watchProduce(c)
	p := newProducer(t, c, kgo.MaxVersions(kversion.V2_0_0()))
	for i := range 1000 {
		if err := p.Produce(t.Context(), &kgo.Record{Topic: topic, Value: value(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, recs, codecs := w.snapshot(); recs != 1000 || codecs[codecLz4] == 0 || len(codecs) != 1 {
		t.Fatalf("%d records in batches with codecs %v, want lz4 only", recs, codecs)
	}
}
