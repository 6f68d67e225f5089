package corpus

import (
	"errors"
	"fmt"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

type Payment struct {
	ID     string
	Amount int64
	Body   []byte
}

type PaymentPublisher struct {
	p     *kafka.Producer
	topic string
}

func (pp *PaymentPublisher) message(pay Payment) *kafka.Message {
	return &kafka.Message{
		TopicPartition: kafka.TopicPartition{Topic: &pp.topic, Partition: kafka.PartitionAny},
		Key:            []byte(pay.ID),
		Value:          pay.Body,
	}
}

// Settle publishes each payment and flushes it before the next.
func (pp *PaymentPublisher) Settle(pays []Payment) error {
	for _, pay := range pays {
		if err := pp.p.Produce(pp.message(pay), nil); err != nil { // label:bad
			return err
		}
		if left := pp.p.Flush(10_000); left > 0 {
			return fmt.Errorf("payment %s not delivered", pay.ID)
		}
	}
	return nil
}

// Confirm waits for each payment's delivery report.
func (pp *PaymentPublisher) Confirm(pays []Payment) error {
	for _, pay := range pays {
		report := make(chan kafka.Event, 1)
		if err := pp.p.Produce(pp.message(pay), report); err != nil { // label:bad
			return err
		}
		m := (<-report).(*kafka.Message)
		if m.TopicPartition.Error != nil {
			return m.TopicPartition.Error
		}
	}
	return nil
}

// SettleAll produces everything, then flushes once.
func (pp *PaymentPublisher) SettleAll(pays []Payment) error {
	for _, pay := range pays {
		if err := pp.p.Produce(pp.message(pay), nil); err != nil { // label:ok
			return err
		}
	}
	if left := pp.p.Flush(30_000); left > 0 {
		return errors.New("payments left undelivered")
	}
	return nil
}

// ConfirmAll collects the delivery reports after producing every payment.
func (pp *PaymentPublisher) ConfirmAll(pays []Payment) error {
	reports := make(chan kafka.Event, len(pays))
	for _, pay := range pays {
		if err := pp.p.Produce(pp.message(pay), reports); err != nil { // label:ok
			return err
		}
	}
	var errs []error
	for range pays {
		if m, ok := (<-reports).(*kafka.Message); ok && m.TopicPartition.Error != nil {
			errs = append(errs, m.TopicPartition.Error)
		}
	}
	return errors.Join(errs...)
}

// Refund sends a single refund and waits.
func (pp *PaymentPublisher) Refund(pay Payment) error {
	if err := pp.p.Produce(pp.message(pay), nil); err != nil { // label:ok
		return err
	}
	pp.p.Flush(10_000)
	return nil
}
