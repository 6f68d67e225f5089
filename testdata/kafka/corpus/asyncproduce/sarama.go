package asyncproduce

import (
	"context"
	"log"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

func PublishAll(brokers []string, msgs []*sarama.ProducerMessage) error {
	p, err := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:bad
	if err != nil {
		return err
	}
	for _, m := range msgs {
		p.Input() <- m
	}
	return p.Close()
}

type eventBus struct{ producer sarama.AsyncProducer }

func newEventBus(brokers []string) (*eventBus, error) {
	cfg := sarama.NewConfig()
	cfg.Producer.RequiredAcks = sarama.WaitForLocal
	p, err := sarama.NewAsyncProducer(brokers, cfg) // label:bad
	if err != nil {
		return nil, err
	}
	return &eventBus{producer: p}, nil
}

func (b *eventBus) Publish(topic string, v []byte) {
	b.producer.Input() <- &sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(v)}
}

func TrackDeliveries(brokers []string, msgs []*sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:bad
	go func() {
		for e := range p.Errors() {
			log.Print(e)
		}
	}()
	for _, m := range msgs {
		p.Input() <- m
	}
}

func LegacyPublish(brokers []string, m *shopify.ProducerMessage) {
	p, _ := shopify.NewAsyncProducer(brokers, shopify.NewConfig()) // label:bad
	defer p.AsyncClose()
	p.Input() <- m
}

func SharedClientPublish(brokers []string, m *sarama.ProducerMessage) {
	client, _ := sarama.NewClient(brokers, sarama.NewConfig())
	p, _ := sarama.NewAsyncProducerFromClient(client) // label:bad
	p.Input() <- m
}

var asyncOut sarama.AsyncProducer

func initOut(brokers []string) {
	p, _ := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:bad
	asyncOut = p
}

func emit(m *sarama.ProducerMessage) { asyncOut.Input() <- m }

func tunedConfig() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.Producer.Retry.Max = 10
	cfg.Producer.Flush.Frequency = 50
	return cfg
}

func TunedPublish(brokers []string, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(brokers, tunedConfig()) // label:bad
	p.Input() <- m
}

func ExplicitErrors(brokers []string, m *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Errors = true
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:bad
	p.Input() <- m
}

// Look-alikes.

func DrainInGoroutine(brokers []string, msgs []*sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
	go func() {
		for err := range p.Errors() {
			log.Print(err)
		}
	}()
	for _, m := range msgs {
		p.Input() <- m
	}
	p.AsyncClose()
}

func SelectLoop(ctx context.Context, brokers []string, in <-chan *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:ok
	for {
		select {
		case <-ctx.Done():
			p.AsyncClose()
			return
		case m := <-in:
			p.Input() <- m
		case err := <-p.Errors():
			log.Print(err)
		case <-p.Successes():
		}
	}
}

func ErrorsNotReturned(brokers []string, m *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Errors = false
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:ok
	p.Input() <- m
}

func SyncPublish(brokers []string, m *sarama.ProducerMessage) error {
	p, err := sarama.NewSyncProducer(brokers, sarama.NewConfig()) // label:ok
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(m)
	return err
}

type relay struct{ p sarama.AsyncProducer }

func (r *relay) drain(p sarama.AsyncProducer) {
	for err := range p.Errors() {
		log.Print(err)
	}
}

func (r *relay) Start(brokers []string) {
	p, _ := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
	go r.drain(p)
	r.p = p
}

type worker struct{ out sarama.AsyncProducer }

func newWorker(brokers []string) *worker {
	p, _ := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
	w := &worker{out: p}
	go w.watchErrors()
	return w
}

func (w *worker) watchErrors() {
	for e := range w.out.Errors() {
		log.Printf("deliver %v: %v", e.Msg.Topic, e.Err)
	}
}

type Publisher struct{ Out sarama.AsyncProducer }

func NewPublisher(brokers []string) *Publisher {
	p, _ := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
	return &Publisher{Out: p}
}

func NewAsync(brokers []string) (sarama.AsyncProducer, error) {
	return sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
}

func WithGivenConfig(brokers []string, cfg *sarama.Config, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:ok
	p.Input() <- m
}

func BothDrained(brokers []string, m *sarama.ProducerMessage) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewAsyncProducer(brokers, cfg) // label:ok
	go func() {
		for range p.Successes() {
		}
	}()
	go func() {
		for err := range p.Errors() {
			log.Print(err)
		}
	}()
	p.Input() <- m
}

// Close drains Errors() and returns them: a bounded send checked at Close
// loses nothing and cannot fill the channel.
func SendOneChecked(brokers []string, m *sarama.ProducerMessage) error {
	p, err := sarama.NewAsyncProducer(brokers, nil) // label:ok
	if err != nil {
		return err
	}
	p.Input() <- m
	return p.Close()
}

func SendOneDeferredClose(brokers []string, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(brokers, nil) // label:ok
	defer func() {
		if err := p.Close(); err != nil {
			log.Print(err)
		}
	}()
	p.Input() <- m
}

// A loop can fill the channel long before Close runs.
func SendAllChecked(brokers []string, msgs []*sarama.ProducerMessage) error {
	p, _ := sarama.NewAsyncProducer(brokers, nil) // label:bad
	for _, m := range msgs {
		p.Input() <- m
	}
	return p.Close()
}

// Close's errors dropped.
func SendOneUnchecked(brokers []string, m *sarama.ProducerMessage) {
	p, _ := sarama.NewAsyncProducer(brokers, nil) // label:bad
	defer p.Close()
	p.Input() <- m
}
