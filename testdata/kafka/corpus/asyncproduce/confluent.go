package asyncproduce

import (
	"log"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func ShipOrders(orders []*kafka.Message) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "linger.ms": 20})
	if err != nil {
		return
	}
	defer p.Close()
	for _, o := range orders {
		if err := p.Produce(o, nil); err != nil { // label:bad
			log.Print(err)
		}
	}
	p.Flush(5000)
}

type notifier struct{ p *kafka.Producer }

func newNotifier() (*notifier, error) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
	if err != nil {
		return nil, err
	}
	return &notifier{p: p}, nil
}

func (n *notifier) Notify(topic string, v []byte) error {
	return n.p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil) // label:bad
}

func ReportsOnByName(m *kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "go.delivery.reports": true})
	_ = p.Produce(m, nil) // label:bad
}

func FromConfigVar(m *kafka.Message) {
	cfg := kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "acks": "all"}
	p, _ := kafka.NewProducer(&cfg)
	_ = p.Produce(m, nil) // label:bad
}

func SetKeyConfig(m *kafka.Message) {
	cfg := &kafka.ConfigMap{"bootstrap.servers": "kafka:9092"}
	_ = cfg.SetKey("linger.ms", 50)
	p, _ := kafka.NewProducer(cfg)
	_ = p.Produce(m, nil) // label:bad
}

// Look-alikes.

func ShipWithReports(orders []*kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
	go func() {
		for ev := range p.Events() {
			if m, ok := ev.(*kafka.Message); ok && m.TopicPartition.Error != nil {
				log.Print(m.TopicPartition.Error)
			}
		}
	}()
	for _, o := range orders {
		_ = p.Produce(o, nil) // label:ok
	}
	p.Flush(5000)
}

func WaitForReport(m *kafka.Message) error {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
	done := make(chan kafka.Event, 1)
	if err := p.Produce(m, done); err != nil { // label:ok
		return err
	}
	return (<-done).(*kafka.Message).TopicPartition.Error
}

func NoReports(m *kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "go.delivery.reports": false})
	_ = p.Produce(m, nil) // label:ok
}

func FromCallerConfig(cfg *kafka.ConfigMap, m *kafka.Message) {
	p, _ := kafka.NewProducer(cfg)
	_ = p.Produce(m, nil) // label:ok
}

type reporter struct{ p *kafka.Producer }

func newReporter() *reporter {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
	r := &reporter{p: p}
	go r.reports()
	return r
}

func (r *reporter) reports() {
	for ev := range r.p.Events() {
		if m, ok := ev.(*kafka.Message); ok && m.TopicPartition.Error != nil {
			log.Print(m.TopicPartition.Error)
		}
	}
}

func (r *reporter) Send(m *kafka.Message) { _ = r.p.Produce(m, nil) } // label:ok
