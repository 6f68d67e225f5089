// Package saramap holds sarama producer shapes, on both import paths.
package saramap

import (
	"context"
	"fmt"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

type Order struct {
	ID   string
	JSON []byte
}

// ---- findings ----

func sendEach(p sarama.SyncProducer, orders []Order) error {
	for _, o := range orders {
		msg := &sarama.ProducerMessage{Topic: "orders", Key: sarama.StringEncoder(o.ID), Value: sarama.ByteEncoder(o.JSON)}
		_, _, err := p.SendMessage(msg) // want `SendMessage per element of orders: one produce request per message`
		if err != nil {
			return err
		}
	}
	return nil
}

func sendEachTopic(p sarama.SyncProducer, orders []Order) error {
	for _, o := range orders {
		if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}); err != nil { // want `SendMessage \(topic "orders"\) per element of orders`
			return err
		}
	}
	return nil
}

func sendEachShopify(p shopify.SyncProducer, orders []Order) {
	for _, o := range orders {
		p.SendMessage(&shopify.ProducerMessage{Topic: "orders", Value: shopify.ByteEncoder(o.JSON)}) // want `SendMessage \(topic "orders"\) per element`
	}
}

type Outbox struct {
	producer sarama.SyncProducer
}

func (o *Outbox) Drain(orders []Order) error {
	for i := range orders {
		partition, offset, err := o.producer.SendMessage(&sarama.ProducerMessage{Topic: "outbox", Value: sarama.ByteEncoder(orders[i].JSON)}) // want `SendMessage \(topic "outbox"\) per element`
		if err != nil {
			return fmt.Errorf("order %s at %d/%d: %w", orders[i].ID, partition, offset, err)
		}
	}
	return nil
}

// A program's interface that embeds sarama's still calls sarama's method.
type Producer interface {
	sarama.SyncProducer
	Name() string
}

func viaEmbedded(p Producer, orders []Order) {
	for _, o := range orders {
		p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}) // want `SendMessage \(topic "orders"\) per element`
	}
}

// Consume-transform-produce over a consumer group claim.
type relay struct {
	out sarama.SyncProducer
}

func (r *relay) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (r *relay) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (r *relay) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		if _, _, err := r.out.SendMessage(&sarama.ProducerMessage{Topic: "enriched", Value: sarama.ByteEncoder(msg.Value)}); err != nil { // want `SendMessage \(topic "enriched"\) per element`
			return err
		}
		sess.MarkMessage(msg, "")
	}
	return nil
}

func sendWithContext(ctx context.Context, p sarama.SyncProducer, orders []Order) error {
	for _, o := range orders {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}); err != nil { // want `SendMessage \(topic "orders"\) per element`
			return err
		}
	}
	return nil
}

func sendOneElementBatch(p sarama.SyncProducer, orders []Order) error {
	for _, o := range orders {
		if err := p.SendMessages([]*sarama.ProducerMessage{{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}}); err != nil { // want `SendMessages of one message \(topic "orders"\) per element of orders: one produce request per message`
			return err
		}
	}
	return nil
}

func asyncThenWait(p sarama.AsyncProducer, orders []Order) error {
	for _, o := range orders {
		p.Input() <- &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)} // want `AsyncProducer send and wait \(topic "orders"\) per element of orders: waiting on Successes\(\) or Errors\(\)`
		select {
		case <-p.Successes():
		case err := <-p.Errors():
			return err
		}
	}
	return nil
}

func asyncThenWaitShopify(p shopify.AsyncProducer, orders []Order) {
	for _, o := range orders {
		p.Input() <- &shopify.ProducerMessage{Topic: "orders", Value: shopify.ByteEncoder(o.JSON)} // want `AsyncProducer send and wait`
		<-p.Successes()
	}
}

// ---- look-alikes ----

func asyncReadElsewhere(p sarama.AsyncProducer, orders []Order) {
	go func() {
		for range p.Successes() {
		}
	}()
	for _, o := range orders {
		p.Input() <- &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
	}
}

func asyncOtherProducer(p, audit sarama.AsyncProducer, orders []Order) {
	for _, o := range orders {
		p.Input() <- &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
		select {
		case <-audit.Errors():
		default:
		}
	}
}

func sendPerOrderBatch(p sarama.SyncProducer, orders []Order) error {
	for _, o := range orders {
		if err := p.SendMessages([]*sarama.ProducerMessage{
			{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)},
			{Topic: "orders-audit", Value: sarama.StringEncoder(o.ID)},
		}); err != nil {
			return err
		}
	}
	return nil
}

func sendAll(p sarama.SyncProducer, orders []Order) error {
	msgs := make([]*sarama.ProducerMessage, 0, len(orders))
	for _, o := range orders {
		msgs = append(msgs, &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)})
	}
	return p.SendMessages(msgs)
}

func sendChunks(p sarama.SyncProducer, msgs []*sarama.ProducerMessage) error {
	for start := 0; start < len(msgs); start += 100 {
		end := min(start+100, len(msgs))
		if err := p.SendMessages(msgs[start:end]); err != nil {
			return err
		}
	}
	return nil
}

func sendAsync(p sarama.AsyncProducer, orders []Order) {
	for _, o := range orders {
		p.Input() <- &sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}
	}
}

func sendOne(p sarama.SyncProducer, o Order) error {
	_, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)})
	return err
}

func sendRetry(p sarama.SyncProducer, msg *sarama.ProducerMessage) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, _, err = p.SendMessage(msg); err == nil {
			return nil
		}
	}
	return err
}

func sendFixedTopics(p sarama.SyncProducer, body []byte) {
	for _, topic := range []string{"orders", "orders-mirror"} {
		p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(body)})
	}
}

// A type of the program's own named like sarama's.
type recorder struct{ msgs []*sarama.ProducerMessage }

func (r *recorder) SendMessage(msg *sarama.ProducerMessage) (int32, int64, error) {
	r.msgs = append(r.msgs, msg)
	return 0, int64(len(r.msgs)), nil
}

func ownType(r *recorder, orders []Order) {
	for _, o := range orders {
		r.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)})
	}
}

// sarama.SyncProducer implements the program's interface with its own
// SendMessage: a synchronous send per order.
type sender interface {
	SendMessage(msg *sarama.ProducerMessage) (int32, int64, error)
}

func ownInterface(s sender, orders []Order) {
	for _, o := range orders {
		s.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}) // want `SendMessage \(topic "orders"\) per element`
	}
}

// Held in a struct field of the interface's type.
type notifier struct{ out sender }

func (n *notifier) each(orders []Order) {
	for _, o := range orders {
		n.out.SendMessage(&sarama.ProducerMessage{Topic: "notices", Value: sarama.ByteEncoder(o.JSON)}) // want `SendMessage \(topic "notices"\) per element`
	}
}

// No sarama type implements this one: its SendMessage returns only an error.
type errSender interface {
	SendMessage(msg *sarama.ProducerMessage) error
}

func lookAlikeInterface(s errSender, orders []Order) {
	for _, o := range orders {
		s.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)})
	}
}

func suppressed(p sarama.SyncProducer, orders []Order) {
	for _, o := range orders {
		p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.ByteEncoder(o.JSON)}) //batchlint:ignore produceloop -- each order must be acknowledged before the next is priced
	}
}
