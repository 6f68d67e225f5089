// Package fix holds the shapes produceloop rewrites into one batched call,
// and findings whose rewrite would change behaviour (no fix offered).
package fix

import (
	"context"
	"fmt"
	"log"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
)

type Event struct {
	ID   string
	Body []byte
	Skip bool
}

func kgoIfInit(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		if e.Skip {
			continue
		}
		rec := &kgo.Record{Topic: "events", Key: []byte(e.ID), Value: e.Body}
		if err := cl.ProduceSync(ctx, rec).FirstErr(); err != nil { // want `ProduceSync of one record per element of events`
			return fmt.Errorf("produce events: %w", err)
		}
	}
	return nil
}

func kgoIgnored(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: e.Body}) // want `ProduceSync of one record \(topic "events"\) per element of events`
	}
}

func kgoSpread(ctx context.Context, cl *kgo.Client, s struct{ events []Event }) error {
	for _, e := range s.events {
		if err := cl.ProduceSync(ctx, []*kgo.Record{{Value: e.Body}}...).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return nil
}

func saramaTwoStatements(p sarama.SyncProducer, events []Event) error {
	for _, e := range events {
		msg := &sarama.ProducerMessage{Topic: "events", Value: sarama.ByteEncoder(e.Body)}
		_, _, err := p.SendMessage(msg) // want `SendMessage per element of events`
		if err != nil {
			return err
		}
	}
	return nil
}

func saramaIfInit(p sarama.SyncProducer, events []Event) (err error) {
	for _, e := range events {
		if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "events", Value: sarama.ByteEncoder(e.Body)}); err != nil { // want `SendMessage \(topic "events"\) per element`
			return err
		}
	}
	return nil
}

func segmentioAssign(ctx context.Context, events []Event) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "events"}
	var err error
	for _, e := range events {
		err = w.WriteMessages(ctx, kafka.Message{Key: []byte(e.ID), Value: e.Body}) // want `WriteMessages of one message per element of events`
		if err != nil {
			return err
		}
	}
	return err
}

func segmentioIfInit(ctx context.Context, events []Event, msgs int) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "events"}
	for _, e := range events {
		if err := w.WriteMessages(ctx, kafka.Message{Value: e.Body}); err != nil { // want `WriteMessages of one message per element of events`
			return err
		}
	}
	return nil
}

// ---- findings without a fix ----

// The error names the failing event: after the loop there is no one event.
func errorUsesElement(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	return nil
}

// The log line would no longer follow the send it reports.
func bodyLogs(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}) // want `ProduceSync of one record per element`
		log.Printf("sent %s", e.ID)
	}
}

// A failed send skips to the next event instead of stopping.
func continueOnError(p sarama.SyncProducer, events []Event) {
	for _, e := range events {
		if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "events", Value: sarama.ByteEncoder(e.Body)}); err != nil { // want `SendMessage \(topic "events"\) per element`
			continue
		}
	}
}

// The partition and offset of each message are used.
func usesOffset(p sarama.SyncProducer, events []Event) error {
	for _, e := range events {
		_, off, err := p.SendMessage(&sarama.ProducerMessage{Topic: "events", Value: sarama.ByteEncoder(e.Body)}) // want `SendMessage \(topic "events"\) per element`
		if err != nil {
			return err
		}
		log.Print(off)
	}
	return nil
}

type traceKey struct{}

// The send after the loop would carry only the last event's context.
func contextPerEvent(ctx context.Context, cl *kgo.Client, events []Event) error {
	for _, e := range events {
		ctx = context.WithValue(ctx, traceKey{}, e.ID)
		if err := cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}).FirstErr(); err != nil { // want `ProduceSync of one record per element`
			return err
		}
	}
	return nil
}

// A label names the loop: the declaration cannot go between them.
func labeledLoop(ctx context.Context, cl *kgo.Client, batches [][]Event) {
	for _, events := range batches {
	inner:
		for _, e := range events {
			if e.Skip {
				break inner
			}
			cl.ProduceSync(ctx, &kgo.Record{Value: e.Body}) // want `ProduceSync of one record per element`
		}
	}
}

func clientFor(cl *kgo.Client, _ Event) *kgo.Client { return cl }

// The client is chosen per element.
func clientPerEvent(ctx context.Context, cl *kgo.Client, events []Event) {
	for _, e := range events {
		clientFor(cl, e).ProduceSync(ctx, &kgo.Record{Value: e.Body}) // want `ProduceSync of one record per element`
	}
}

// Two loops in one function: each gets its own slice.
func twoLoops(ctx context.Context, cl *kgo.Client, events, retries []Event) {
	for _, e := range events {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "events", Value: e.Body}) // want `ProduceSync of one record \(topic "events"\) per element of events`
	}
	for _, e := range retries {
		cl.ProduceSync(ctx, &kgo.Record{Topic: "retries", Value: e.Body}) // want `ProduceSync of one record \(topic "retries"\) per element of retries`
	}
}

// The records are already a slice: send it.
func sendSlice(ctx context.Context, cl *kgo.Client, recs []*kgo.Record) error {
	for _, r := range recs {
		if err := cl.ProduceSync(ctx, r).FirstErr(); err != nil { // want `ProduceSync of one record per element of recs`
			return err
		}
	}
	return nil
}

func sendMessages(p sarama.SyncProducer, msgs []*sarama.ProducerMessage) error {
	for _, m := range msgs {
		if _, _, err := p.SendMessage(m); err != nil { // want `SendMessage per element of msgs`
			return err
		}
	}
	return nil
}
