package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

type kafkaConfig struct {
	Records     int // records per batched rung
	SyncRecords int // records for ProduceSync one record per call
	RecordBytes int
	Repeat      int
}

func defaultKafkaConfig() kafkaConfig {
	return kafkaConfig{Records: 200000, SyncRecords: 20000, RecordBytes: 200, Repeat: 5}
}

const topic = "ladder"

// makeRecordValue builds a JSON-ish event of about size bytes; similar
// records, as real topics carry, so compression has something to find.
func makeRecordValue(i, size int) []byte {
	v := fmt.Sprintf(`{"id":%d,"device":"sensor-%04d","reading":%.3f,"status":"ok","note":"`, i, i%500, float64(i%1000)/8)
	if pad := size - len(v) - 2; pad > 0 {
		v += strings.Repeat("x", pad)
	}
	return []byte(v + `"}`)
}

type kafkaRung struct {
	key, name string
	slow      bool
	opts      []kgo.Opt
	produce   func(ctx context.Context, cl *kgo.Client, values [][]byte) error
}

// produceSyncEach is the shape produceloop reports: one record per call,
// each waiting for its acknowledgement.
func produceSyncEach(ctx context.Context, cl *kgo.Client, values [][]byte) error {
	for _, v := range values {
		//batchlint:ignore produceloop -- the ladder's baseline rung measures exactly this shape
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: v}).FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

// produceAsync hands every record to the client and waits once at the end.
func produceAsync(ctx context.Context, cl *kgo.Client, values [][]byte) error {
	var mu sync.Mutex
	var first error
	for _, v := range values {
		cl.Produce(ctx, &kgo.Record{Value: v}, func(_ *kgo.Record, err error) {
			if err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	if err := cl.Flush(ctx); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	return first
}

func kafkaRungs() []kafkaRung {
	batchedName, batchedOpts := batchedProducer()
	return []kafkaRung{
		{key: "sync", name: "ProduceSync, one record per call", slow: true, produce: produceSyncEach},
		{key: "async0", name: "async Produce, linger 0", opts: []kgo.Opt{kgo.ProducerLinger(0)}, produce: produceAsync},
		{key: "preset", name: batchedName, opts: batchedOpts, produce: produceAsync},
	}
}

// runKafka runs every Kafka rung against an in-process kfake cluster and counts
// the produce requests each sends.
func runKafka(ctx context.Context, cfg kafkaConfig, progress func(rung)) ([]rung, error) {
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, topic))
	if err != nil {
		return nil, err
	}
	defer cluster.Close()
	var requests atomic.Int64
	cluster.ControlKey(int16(kmsg.Produce), func(kmsg.Request) (kmsg.Response, error, bool) {
		cluster.KeepControl()
		requests.Add(1)
		return nil, nil, false // observe only: kfake handles the request
	})

	values := make([][]byte, cfg.Records)
	for i := range values {
		values[i] = makeRecordValue(i, cfg.RecordBytes)
	}
	rungs := kafkaRungs()
	return rounds(len(rungs), cfg.Repeat,
		func(i int) bool { return rungs[i].slow },
		func(i int) (rung, error) {
			vals := values
			if rungs[i].slow {
				vals = values[:min(cfg.SyncRecords, len(values))]
			}
			return measureKafka(ctx, cluster, &requests, rungs[i], vals)
		}, progress)
}

// measureKafka produces vals with a fresh client and counts the produce
// requests that carried them.
func measureKafka(ctx context.Context, cluster *kfake.Cluster, requests *atomic.Int64, kr kafkaRung, vals [][]byte) (rung, error) {
	opts := append([]kgo.Opt{kgo.SeedBrokers(cluster.ListenAddrs()...), kgo.DefaultProduceTopic(topic)}, kr.opts...)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return rung{}, err
	}
	defer cl.Close()
	// Metadata and connections first, so the clock times producing only.
	if err := cl.ProduceSync(ctx, &kgo.Record{Value: []byte("warm-up")}).FirstErr(); err != nil {
		return rung{}, err
	}
	before := requests.Load()
	start := time.Now()
	err = kr.produce(ctx, cl, vals)
	elapsed := time.Since(start)
	sent := requests.Load() - before
	if err != nil {
		return rung{}, fmt.Errorf("%s: %w", kr.name, err)
	}
	return rung{Group: "Kafka", Name: kr.name, Unit: "records", Items: len(vals), Elapsed: elapsed,
		Requests: sent, Key: kr.key, Baseline: kr.key == "sync"}, nil
}
