// Package tune changes producer configurations its callers build and
// construct producers from: configure(cfg) helpers in a package of their
// own, followed through analysis facts.
package tune

import (
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segkafka "github.com/segmentio/kafka-go"
)

// Acks asks for every replica's ack and leaves Flush alone.
func Acks(cfg *sarama.Config) {
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Return.Successes = true
}

// Secure turns TLS on, then asks for acks through Acks.
func Secure(cfg *sarama.Config) {
	if cfg == nil {
		return
	}
	cfg.Net.TLS.Enable = true
	Acks(cfg)
}

// ZeroFlush writes an explicit zero flush frequency.
func ZeroFlush(cfg *sarama.Config) {
	cfg.Producer.Flush.Frequency = 0
}

// ZeroLinger writes an explicit zero linger: that alone turns batching
// off, so it is reported here, once, and not at its callers.
func ZeroLinger(cm kafka.ConfigMap) {
	cm["linger.ms"] = 0 // want `confluent linger.ms 0: each batch leaves`
}

// NoFlush writes every flush trigger as zero: reported here too.
func NoFlush(cfg *sarama.Config) {
	cfg.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger: each batch leaves`
	cfg.Producer.Flush.Bytes = 0
	cfg.Producer.Flush.Messages = 0
}

// Flush sets a flush trigger.
func Flush(cfg *sarama.Config) {
	cfg.Producer.Flush.Frequency = 20 * time.Millisecond
	cfg.Producer.Flush.Bytes = 64 << 10
}

// FlushWhen sets a flush trigger on one path only.
func FlushWhen(cfg *sarama.Config, batch bool) {
	if batch {
		cfg.Producer.Flush.Frequency = 20 * time.Millisecond
	}
}

var kept *sarama.Config

// Keep keeps cfg, for Later to change.
func Keep(cfg *sarama.Config) { kept = cfg }

// Later sets a flush trigger on the config Keep kept.
func Later() { kept.Producer.Flush.Frequency = time.Second }

// Options holds settings read at startup.
type Options struct{ Linger time.Duration }

// Apply sets the flush frequency the options hold.
func (o Options) Apply(cfg *sarama.Config) {
	cfg.Producer.Flush.Frequency = o.Linger
}

// OneAtATime sends every write of w as a batch of one message.
func OneAtATime(w *segkafka.Writer) {
	w.BatchSize = 1
}

// Async makes w's writes return at once.
func Async(w *segkafka.Writer) {
	w.Async = true
}

// Zstd picks a codec and leaves Flush alone.
func Zstd(cfg *sarama.Config) {
	cfg.Producer.Compression = sarama.CompressionZSTD
}
