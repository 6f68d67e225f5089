package kafkabatch_test

import (
	"context"
	"fmt"

	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/batchlint/batchlint/runtime/kafkabatch"
)

// Produce asynchronously with the throughput preset, then Flush: the
// records go out in a few large compressed requests, and any that failed
// come back in the error to be retried or logged.
func Example() {
	// An in-process Kafka cluster stands in for real brokers.
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "events"))
	if err != nil {
		panic(err)
	}
	defer cluster.Close()

	ctx := context.Background()
	p, err := kafkabatch.New(kgo.SeedBrokers(cluster.ListenAddrs()...), kgo.DefaultProduceTopic("events"))
	if err != nil {
		panic(err)
	}
	defer p.Close(ctx)

	for i := range 1000 {
		if err := p.Produce(ctx, kgo.StringRecord(fmt.Sprintf("event %d", i))); err != nil {
			panic(err) // not accepted: the producer is closed or ctx is done
		}
	}
	if err := p.Flush(ctx); err != nil {
		for _, rec := range kafkabatch.FailedRecords(err) {
			fmt.Printf("not written: %s\n", rec.Value)
		}
	}
	s := p.Stats()
	fmt.Printf("acknowledged %d of %d records\n", s.Acked, s.Produced)
	// Output:
	// acknowledged 1000 of 1000 records
}
