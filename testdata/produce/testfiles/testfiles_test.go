package testfiles

import (
	"context"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

func seed(ctx context.Context, cl *kgo.Client, values [][]byte) {
	for _, v := range values {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "fixtures", Value: v}) // want `ProduceSync of one record \(topic "fixtures"\) per element of values`
	}
}

func TestSeed(t *testing.T) { _ = seed }
