package compression

import (
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

func TestProducer(t *testing.T) {
	cl, err := kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)) // want `zstd compression where batching is off`
	if err != nil {
		t.Fatal(err)
	}
	cl.Close()
}
