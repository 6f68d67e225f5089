package compression

import (
	"time"

	"github.com/segmentio/kafka-go"
)

func writerBatchOne() {
	w := &kafka.Writer{
		Addr:        kafka.TCP("b"),
		Compression: kafka.Snappy, // want `snappy compression where batching is off \(BatchSize 1\)`
		BatchSize:   1,
	}
	_ = w
}

func writerFieldsLater() {
	w := &kafka.Writer{Addr: kafka.TCP("b")}
	w.Compression = kafka.Zstd // want `zstd compression`
	w.BatchSize = 1
	_ = w
}

func writerValue() {
	w := kafka.Writer{Compression: kafka.Gzip, BatchSize: 1} // want `gzip compression`
	_ = w
}

type producer struct {
	w *kafka.Writer
}

func inStruct() *producer {
	return &producer{w: &kafka.Writer{Compression: kafka.Lz4, BatchSize: 1}} // want `lz4 compression`
}

// Look-alikes.

func writerDefaultBatch() {
	_ = &kafka.Writer{Compression: kafka.Zstd}
}

func writerBatched() {
	_ = &kafka.Writer{Compression: kafka.Zstd, BatchSize: 500, BatchTimeout: 10 * time.Millisecond}
}

func writerNoCompression() {
	_ = &kafka.Writer{BatchSize: 1}
}

func writerBatchFromParam(n int) {
	_ = &kafka.Writer{Compression: kafka.Snappy, BatchSize: n}
}

func writerResized() {
	w := &kafka.Writer{Compression: kafka.Snappy, BatchSize: 1}
	resize(w)
	_ = w
}

func resize(w *kafka.Writer) { w.BatchSize = 100 }
