// Package conf holds confluent-kafka-go v2 producer shapes.
package conf

import (
	"fmt"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

type Payment struct {
	ID   string
	JSON []byte
}

func msg(topic *string, p Payment) *kafka.Message {
	return &kafka.Message{TopicPartition: kafka.TopicPartition{Topic: topic, Partition: kafka.PartitionAny}, Key: []byte(p.ID), Value: p.JSON}
}

// ---- findings ----

func produceFlushEach(p *kafka.Producer, topic string, payments []Payment) error {
	for _, pay := range payments {
		if err := p.Produce(msg(&topic, pay), nil); err != nil { // want `Produce and wait per element of payments: the Flush after each Produce waits`
			return err
		}
		p.Flush(15_000)
	}
	return nil
}

func produceDeliveryEach(p *kafka.Producer, topic string, payments []Payment) error {
	for _, pay := range payments {
		delivered := make(chan kafka.Event, 1)
		if err := p.Produce(msg(&topic, pay), delivered); err != nil { // want `Produce and wait per element of payments: waiting for each message's delivery report`
			return err
		}
		e := <-delivered
		if m, ok := e.(*kafka.Message); ok && m.TopicPartition.Error != nil {
			return m.TopicPartition.Error
		}
	}
	return nil
}

func produceEventsEach(p *kafka.Producer, topic string, payments []Payment) {
	for _, pay := range payments {
		p.Produce(msg(&topic, pay), nil) // want `Produce and wait per element`
		ev := <-p.Events()
		fmt.Println(ev)
	}
}

type Ledger struct {
	producer *kafka.Producer
	topic    string
}

func (l *Ledger) Record(payments []Payment) {
	for i := range payments {
		l.producer.Produce(msg(&l.topic, payments[i]), nil) // want `Produce and wait per element`
		for l.producer.Flush(1000) > 0 {
		}
	}
}

// ---- look-alikes ----

func produceFlushOnce(p *kafka.Producer, topic string, payments []Payment) error {
	for _, pay := range payments {
		if err := p.Produce(msg(&topic, pay), nil); err != nil {
			return err
		}
	}
	if n := p.Flush(15_000); n > 0 {
		return fmt.Errorf("%d messages not delivered", n)
	}
	return nil
}

func produceReportsElsewhere(p *kafka.Producer, topic string, payments []Payment) {
	reports := make(chan kafka.Event, len(payments))
	go func() {
		for e := range reports {
			fmt.Println(e)
		}
	}()
	for _, pay := range payments {
		p.Produce(msg(&topic, pay), reports)
	}
	p.Flush(15_000)
	close(reports)
}

func produceThresholdFlush(p *kafka.Producer, topic string, payments []Payment) {
	for i, pay := range payments {
		p.Produce(msg(&topic, pay), nil)
		if i%10_000 == 9_999 {
			p.Flush(15_000)
		}
	}
	p.Flush(15_000)
}

func produceOne(p *kafka.Producer, topic string, pay Payment) int {
	p.Produce(msg(&topic, pay), nil)
	return p.Flush(15_000)
}

func produceFlushOther(p, audit *kafka.Producer, topic string, payments []Payment) {
	for _, pay := range payments {
		p.Produce(msg(&topic, pay), nil)
		audit.Flush(100)
	}
	p.Flush(15_000)
}

// The program's producer interface, which *kafka.Producer implements with its
// own Produce and Flush: a flush per payment.
type producer interface {
	Produce(msg *kafka.Message, deliveryChan chan kafka.Event) error
	Flush(timeoutMs int) int
	Len() int
}

func produceThroughInterface(p producer, topic string, payments []Payment) {
	for _, pay := range payments {
		p.Produce(msg(&topic, pay), nil) // want `Produce and wait per element of payments`
		p.Flush(15_000)
	}
}

// Its Len is no write, and Produce without a wait per payment batches.
func produceThroughInterfaceAsync(p producer, topic string, payments []Payment) {
	for _, pay := range payments {
		p.Produce(msg(&topic, pay), nil)
		if p.Len() > 100_000 {
			p.Flush(1_000)
		}
	}
	p.Flush(15_000)
}
