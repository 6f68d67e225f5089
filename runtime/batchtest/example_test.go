package batchtest_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/batchlint/batchlint/runtime/batchtest"
)

// A producer that waits for each record on its own writes batches of one
// record; Check would fail the test with the report, Findings lists them.
func Example() {
	// An in-process Kafka cluster stands in for real brokers.
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, "events"))
	if err != nil {
		panic(err)
	}
	defer cluster.Close()

	rec := batchtest.New()
	cl, err := kgo.NewClient(kgo.SeedBrokers(cluster.ListenAddrs()...), kgo.DefaultProduceTopic("events"), rec.KafkaHooks())
	if err != nil {
		panic(err)
	}
	defer cl.Close()

	ctx := context.Background()
	for i := range 20 {
		if err := cl.ProduceSync(ctx, kgo.StringRecord(fmt.Sprint("event ", i))).FirstErr(); err != nil {
			panic(err)
		}
	}
	for _, f := range rec.Findings() {
		fmt.Printf("%s: %d one-record batches in a row; %s would report the loop\n", f.Shape, f.Count, f.Analyzer)
	}

	rec.Reset()
	batch := make([]*kgo.Record, 20)
	for i := range batch {
		batch[i] = kgo.StringRecord(fmt.Sprint("event ", i))
	}
	if err := cl.ProduceSync(ctx, batch...).FirstErr(); err != nil {
		panic(err)
	}
	fmt.Printf("one ProduceSync of 20 records: %d findings, %d produce request\n", len(rec.Findings()), rec.RoundTrips())
	// Output:
	// produce to topic "events": 20 one-record batches in a row; produceloop would report the loop
	// one ProduceSync of 20 records: 0 findings, 1 produce request
}

// In an integration test, attach the recorder to the pool before it
// connects; Start checks when the test ends.
func ExampleStart() {
	var t *testing.T // the test's own
	rec := batchtest.Start(t, batchtest.AllowSQL("INSERT INTO audit_log (at, what) VALUES ($1, $2)"))
	cfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	rec.WrapPoolConfig(cfg) // keeps a tracer cfg already has
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	// importUsers(ctx, pool, users) ... then, for one operation:
	rec.Reset()
	// deleteUsers(ctx, pool, ids)
	rec.AtMostRoundTrips(t, 1)
}
