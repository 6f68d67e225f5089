package compression

import (
	"context"
	"os"
	"time"

	"example.com/kafka/kafkaopts"
	"github.com/twmb/franz-go/pkg/kgo"
)

const noLinger = time.Duration(0)

func zstdNoLinger() {
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)) // want `zstd compression where batching is off \(kgo.ProducerLinger\(0\)\)`
}

func gzipLevelNoLinger() {
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.GzipCompression().WithLevel(9)), kgo.ProducerLinger(noLinger)) // want `gzip compression`
}

func lz4FirstPreference() {
	kgo.NewClient(kgo.ProducerLinger(0), kgo.ProducerBatchCompression(kgo.Lz4Compression(), kgo.NoCompression())) // want `lz4 compression`
}

func snappySlice() {
	opts := []kgo.Opt{
		kgo.SeedBrokers("b"),
		kgo.ProducerBatchCompression(kgo.SnappyCompression()), // want `snappy compression`
	}
	opts = append(opts, kgo.ProducerLinger(0))
	kgo.NewClient(opts...)
}

func compressionOpts() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression())} // want `zstd compression`
}

func samePkgHelper() {
	kgo.NewClient(append(compressionOpts(), kgo.ProducerLinger(0))...)
}

func otherPkgHelper() {
	kgo.NewClient(kafkaopts.ZstdNoLinger()...) // reported once, in kafkaopts
}

func lingerLocal() {
	l := 0 * time.Second
	kgo.NewClient(kgo.ProducerLinger(l), kgo.ProducerBatchCompression(kgo.ZstdCompression())) // want `zstd compression`
}

// Look-alikes.

func zstdWithLinger() {
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(20*time.Millisecond))
}

func zstdDefaultLinger(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression())) // v1.22.3: 10ms by default
	cl.ProduceSync(ctx, &kgo.Record{})
}

func noneNoLinger() {
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.NoCompression()), kgo.ProducerLinger(0))
}

func defaultCodecNoLinger() {
	kgo.NewClient(kgo.ProducerLinger(0))
}

func lingerFromEnv() {
	d, _ := time.ParseDuration(os.Getenv("LINGER"))
	kgo.NewClient(kgo.ProducerLinger(d), kgo.ProducerBatchCompression(kgo.ZstdCompression()))
}

func codecFromParam(c kgo.CompressionCodec) {
	kgo.NewClient(kgo.ProducerLinger(0), kgo.ProducerBatchCompression(c))
}

func conditionalLinger(fast bool) {
	opts := []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression())}
	if fast {
		opts = append(opts, kgo.ProducerLinger(0))
	}
	kgo.NewClient(opts...)
}

func deliberate() {
	//batchlint:ignore compression -- records are 50 KB JSON documents, they compress alone
	kgo.NewClient(kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0))
}

func otherPkgThroughput() {
	kgo.NewClient(append(kafkaopts.Throughput("b"), kgo.ProducerBatchCompression(kgo.ZstdCompression()))...)
}
