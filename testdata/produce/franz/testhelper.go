package franz

import (
	"context"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

// ProduceFixtures is a test helper outside a _test.go file (tests of several
// packages share it): it takes a *testing.T, so it is test code and is
// reported only with -tests.
func ProduceFixtures(t *testing.T, ctx context.Context, cl *kgo.Client, values [][]byte) {
	t.Helper()
	for _, v := range values {
		if err := cl.ProduceSync(ctx, &kgo.Record{Topic: "fixtures", Value: v}).FirstErr(); err != nil {
			t.Fatal(err)
		}
	}
}

// fatalf is satisfied by *testing.T, but a function taking it is not test
// code: production code logs through such interfaces too.
type fatalf interface {
	Fatalf(format string, args ...any)
}

func produceOrDie(log fatalf, ctx context.Context, cl *kgo.Client, values [][]byte) {
	for _, v := range values {
		if err := cl.ProduceSync(ctx, &kgo.Record{Topic: "fixtures", Value: v}).FirstErr(); err != nil { // want `ProduceSync of one record \(topic "fixtures"\) per element of values`
			log.Fatalf("produce: %v", err)
		}
	}
}
