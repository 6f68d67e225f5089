package events

import "github.com/IBM/sarama"

// NewSaramaConfig compresses with zstd but leaves Producer.Flush at its zero
// values, so sarama sends "as fast as possible" and the batches it
// compresses hold few messages.
func NewSaramaConfig() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.Producer.Compression = sarama.CompressionZSTD
	cfg.Producer.Return.Successes = true
	return cfg
}
