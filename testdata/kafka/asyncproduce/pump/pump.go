// Package pump takes sarama producers from other packages.
package pump

import (
	"log"

	"github.com/IBM/sarama"
)

// Drain logs the producer's errors until it closes.
func Drain(p sarama.AsyncProducer) {
	for err := range p.Errors() {
		log.Print(err)
	}
}

// Send only sends.
func Send(p sarama.AsyncProducer, msgs []*sarama.ProducerMessage) {
	for _, m := range msgs {
		p.Input() <- m
	}
}

// Keep stores the producer where this package may read it later.
var kept []sarama.AsyncProducer

func Keep(p sarama.AsyncProducer) { kept = append(kept, p) }
