package events

import "github.com/IBM/sarama"

// NewAuditProducer compresses with zstd but leaves Producer.Flush at its
// zero values, so sarama sends "as fast as possible" and each compressed
// batch holds the few messages that happened to be waiting.
func NewAuditProducer(brokers []string) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Compression = sarama.CompressionZSTD
	cfg.Producer.Return.Successes = true
	return sarama.NewSyncProducer(brokers, cfg)
}
