package kafkabatch

import (
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Preset values, exported so that documentation and tests name one source.
const (
	// ThroughputLinger lets a partition's batch collect records for 20ms
	// before a request is cut: twice kgo's default, and at modest rates
	// half its requests (BenchmarkTrickle: 0.06 requests per record against
	// 0.11, at ~750 records/s), for ~6ms more time to acknowledgement.
	ThroughputLinger = 20 * time.Millisecond
	// LatencyLinger is the low-latency preset's linger. Not 0: with linger 0
	// kgo sends each record at once unless a request is already in flight,
	// so a steady trickle costs one request per record; 1ms adds at most a
	// millisecond and lets the records of that millisecond share a request
	// (BenchmarkTrickle: 0.55 requests per record instead of 1, at ~750
	// records/s).
	LatencyLinger = time.Millisecond
	// BatchMaxBytes bounds one partition's record batch (before
	// compression). It stays under the broker's default message.max.bytes
	// (1,048,588), so a full batch is never rejected as too large.
	BatchMaxBytes = 1_000_000
	// ThroughputMaxBufferedBytes bounds the bytes the client buffers; past
	// it Produce blocks (kgo's default is unlimited bytes, 50,000 records).
	ThroughputMaxBufferedBytes = 256 << 20
	// LatencyMaxBufferedBytes is the low-latency preset's buffer bound: a
	// smaller buffer surfaces a slow broker sooner.
	LatencyMaxBufferedBytes = 64 << 20
	// ThroughputDeliveryTimeout fails a record that is not acknowledged in
	// 2 minutes, like the Java client's delivery.timeout.ms (kgo's default
	// is to retry forever). Retries stay unlimited within it.
	ThroughputDeliveryTimeout = 2 * time.Minute
	// LatencyDeliveryTimeout fails records sooner: a caller that needs low
	// latency would rather hear of a failure than wait.
	LatencyDeliveryTimeout = 30 * time.Second
)

// ThroughputOpts are kgo options for a producer that writes many records:
// 20ms linger, zstd compression with lz4 where the broker predates zstd, 1 MB
// batches, and bounded buffering with a delivery timeout. Options given after
// them override them.
//
// kgo picks the first codec of ProducerBatchCompression's preference list
// that the broker supports: zstd needs produce request v7 (Kafka 2.1+), lz4
// works everywhere, so the list never falls through to no compression. A
// batch is sent compressed only if that makes it smaller. Consumers must be
// able to decode zstd (franz-go, sarama, librdkafka and the Java client can).
func ThroughputOpts() []kgo.Opt {
	return []kgo.Opt{
		kgo.ProducerLinger(ThroughputLinger),
		kgo.ProducerBatchCompression(kgo.ZstdCompression(), kgo.Lz4Compression()),
		kgo.ProducerBatchMaxBytes(BatchMaxBytes),
		kgo.MaxBufferedBytes(ThroughputMaxBufferedBytes),
		kgo.RecordDeliveryTimeout(ThroughputDeliveryTimeout),
	}
}

// LatencyOpts are kgo options for a producer whose records should leave at
// once: 1ms linger (see LatencyLinger), lz4 compression (cheap on CPU),
// smaller bounded buffering and a 30s delivery timeout.
//
// A linger of 0 saves under a millisecond per record but sends a steady
// trickle as one request per record. Where a producer must never wait, set
// kgo.ProducerLinger(0) after these options and say why with a
// //batchlint:ignore directive.
func LatencyOpts() []kgo.Opt {
	return []kgo.Opt{
		kgo.ProducerLinger(LatencyLinger),
		kgo.ProducerBatchCompression(kgo.Lz4Compression()),
		kgo.ProducerBatchMaxBytes(BatchMaxBytes),
		kgo.MaxBufferedBytes(LatencyMaxBufferedBytes),
		kgo.RecordDeliveryTimeout(LatencyDeliveryTimeout),
	}
}
