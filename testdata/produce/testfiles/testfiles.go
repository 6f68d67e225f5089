// Package testfiles has one-record produce loops only in its tests and in a
// test helper.
package testfiles

import (
	"context"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

// SeedT is a test helper outside a _test.go file: with -tests it is reported
// like the tests themselves.
func SeedT(t *testing.T, ctx context.Context, cl *kgo.Client, values [][]byte) {
	for _, v := range values {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "fixtures", Value: v}) // want `ProduceSync of one record \(topic "fixtures"\) per element of values`
	}
}
