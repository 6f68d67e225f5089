package linger

import (
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

func TestProducer(t *testing.T) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"), kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	if err != nil {
		t.Fatal(err)
	}
	cl.Close()
}
