// Package segwriter builds segmentio writers for other packages, as
// platform packages do.
package segwriter

import (
	"time"

	"github.com/segmentio/kafka-go"
)

// New returns a synchronous writer with the default BatchTimeout.
func New(brokers ...string) *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "clicks", Balancer: &kafka.LeastBytes{}}
}

// NewFast waits 5ms for a batch.
func NewFast(brokers ...string) *kafka.Writer {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...)}
	w.BatchTimeout = 5 * time.Millisecond
	return w
}

// NewFromConfig builds the writer with kafka.NewWriter.
func NewFromConfig(brokers ...string) *kafka.Writer {
	return kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "clicks"})
}

// NewAsync returns immediately from WriteMessages.
func NewAsync(brokers ...string) *kafka.Writer {
	return &kafka.Writer{Addr: kafka.TCP(brokers...), Async: true}
}

// NewTuned's settings come from the caller.
func NewTuned(async bool) *kafka.Writer {
	return &kafka.Writer{Async: async}
}

// OneAtATime sends each write of w as a batch of one message.
func OneAtATime(w *kafka.Writer) {
	w.BatchSize = 1
}

// MakeAsync makes w's writes return at once.
func MakeAsync(w *kafka.Writer) {
	w.Async = true
}
