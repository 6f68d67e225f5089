package asyncproduce

import (
	"log"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

func ReportsUnread(msgs []*kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost"})
	for _, m := range msgs {
		p.Produce(m, nil) // want `Produce with no delivery channel while nothing reads Events\(\): delivery reports, errors included, pile up unread; read Events\(\) in a goroutine`
	}
	p.Flush(1000)
}

func ReportsOnExplicitly(m *kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost", "go.delivery.reports": true})
	p.Produce(m, nil) // want `Produce with no delivery channel`
}

// Look-alikes.

func EventsRead(msgs []*kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost"})
	go func() {
		for e := range p.Events() {
			if m, ok := e.(*kafka.Message); ok && m.TopicPartition.Error != nil {
				log.Print(m.TopicPartition.Error)
			}
		}
	}()
	for _, m := range msgs {
		p.Produce(m, nil)
	}
}

func ReportsOff(m *kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost", "go.delivery.reports": false})
	p.Produce(m, nil)
}

func DeliveryChannel(m *kafka.Message) error {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost"})
	ch := make(chan kafka.Event, 1)
	if err := p.Produce(m, ch); err != nil {
		return err
	}
	return (<-ch).(*kafka.Message).TopicPartition.Error
}

func UnknownConfig(cfg *kafka.ConfigMap, m *kafka.Message) {
	p, _ := kafka.NewProducer(cfg)
	p.Produce(m, nil)
}

func ReportsOffBySetKey(m *kafka.Message) {
	cfg := &kafka.ConfigMap{"bootstrap.servers": "localhost"}
	_ = cfg.SetKey("go.delivery.reports", false)
	p, _ := kafka.NewProducer(cfg)
	p.Produce(m, nil)
}

func ReportsOffAsString(m *kafka.Message) {
	p, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost", "go.delivery.reports": "false"})
	p.Produce(m, nil)
}
