package asyncproduce

import (
	"log"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"

	"example.com/kafka/asyncproduce/pump"
)

func Unread(addrs []string, msgs []*sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducer(addrs, sarama.NewConfig()) // want `nothing reads this AsyncProducer's Errors\(\): failures go unseen and, once the channel fills, the producer blocks; read Errors\(\) in a goroutine`
	if err != nil {
		return
	}
	defer p.AsyncClose()
	for _, m := range msgs {
		p.Input() <- m
	}
}

func SuccessesUnread(addrs []string, m *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewAsyncProducer(addrs, cfg) // want `Return.Successes is set but nothing reads Successes\(\)`
	go func() {
		for err := range p.Errors() {
			log.Print(err)
		}
	}()
	p.Input() <- m
}

func OldPath(addrs []string, m *shopify.ProducerMessage) {
	p, _ := shopify.NewAsyncProducer(addrs, shopify.NewConfig()) // want `nothing reads this AsyncProducer's Errors\(\)`
	p.Input() <- m
}

func FromClient(addrs []string, m *sarama.ProducerMessage) {
	c, _ := sarama.NewClient(addrs, sarama.NewConfig())
	p, _ := sarama.NewAsyncProducerFromClient(c) // want `nothing reads this AsyncProducer's Errors\(\)`
	p.Input() <- m
}

type pipeline struct{ p sarama.AsyncProducer }

func newPipeline(addrs []string) *pipeline {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig()) // want `nothing reads this AsyncProducer's Errors\(\)`
	return &pipeline{p: p}
}

func (pl *pipeline) Send(m *sarama.ProducerMessage) { pl.p.Input() <- m }

// Look-alikes.

func Drained(addrs []string, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	go func() {
		for err := range p.Errors() {
			log.Print(err)
		}
	}()
	p.Input() <- m
}

func Selected(addrs []string, msgs []*sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewAsyncProducer(addrs, cfg)
	for _, m := range msgs {
		select {
		case p.Input() <- m:
		case err := <-p.Errors():
			log.Print(err)
		case <-p.Successes():
		}
	}
}

func ErrorsOff(addrs []string, m *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Errors = false
	p, _ := sarama.NewAsyncProducer(addrs, cfg)
	p.Input() <- m
}

func SaramaSync(addrs []string, m *sarama.ProducerMessage) error {
	p, _ := sarama.NewSyncProducer(addrs, sarama.NewConfig())
	_, _, err := p.SendMessage(m)
	return err
}

func drain(p sarama.AsyncProducer) { // want drain:"params 0:Errors"
	for err := range p.Errors() {
		log.Print(err)
	}
}

// Handed to a function: it may read the channels.
func HandedOff(addrs []string, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	go drain(p)
	p.Input() <- m
}

// Returned from an exported function: its callers may read the channels.
func NewProducer(addrs []string) (sarama.AsyncProducer, error) {
	return sarama.NewAsyncProducer(addrs, sarama.NewConfig())
}

// An exported field: other packages may read the channels.
type Service struct{ Producer sarama.AsyncProducer }

func NewService(addrs []string) *Service {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	return &Service{Producer: p}
}

type reader struct{ p sarama.AsyncProducer }

func newReader(addrs []string) *reader {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	r := &reader{p: p}
	go r.loop()
	return r
}

func (r *reader) loop() {
	for {
		select {
		case err, ok := <-r.p.Errors():
			if !ok {
				return
			}
			log.Print(err)
		}
	}
}

func SaramaUnknownConfig(addrs []string, cfg *sarama.Config, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, cfg)
	p.Input() <- m
}

func sendAll(p sarama.AsyncProducer, msgs []*sarama.ProducerMessage) { // want sendAll:"params 0:Input"
	for _, m := range msgs {
		p.Input() <- m
	}
}

// Handed to functions that only send: nothing reads Errors().
func HandedToSender(addrs []string, msgs []*sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig()) // want `nothing reads this AsyncProducer's Errors\(\)`
	go sendAll(p, msgs)
}

func HandedToOtherPackage(addrs []string, msgs []*sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig()) // want `nothing reads this AsyncProducer's Errors\(\)`
	pump.Send(p, msgs)
}

// Look-alikes: another package reads Errors(), or keeps the producer.

func DrainedByOtherPackage(addrs []string, msgs []*sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	go pump.Drain(p)
	pump.Send(p, msgs)
}

func KeptByOtherPackage(addrs []string) {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	pump.Keep(p)
}

// An embedded producer: its methods are called on the struct that holds it.
type embedded struct{ sarama.AsyncProducer }

func newEmbedded(addrs []string) *embedded {
	p, _ := sarama.NewAsyncProducer(addrs, sarama.NewConfig())
	e := &embedded{AsyncProducer: p}
	go func() {
		for err := range e.Errors() {
			log.Print(err)
		}
	}()
	return e
}

// Made and discarded: nothing is sent.
func DiscardedProducer(addrs []string) {
	sarama.NewAsyncProducer(addrs, sarama.NewConfig())
}
