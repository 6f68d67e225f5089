// Package watermill holds watermill-kafka publisher shapes. Its Publish
// hands each message to a sarama SyncProducer's SendMessage and waits for
// the ack before the next (pkg/kafka/publisher.go, v3.0.6), so one Publish
// per element is one produce request per element.
package watermill

import (
	"slices"

	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/pubsub/gochannel"
)

type Event struct {
	ID   string
	Body []byte
}

// ---- findings ----

func publishEach(pub *kafka.Publisher, events []Event) error {
	for _, e := range events {
		msg := message.NewMessage(e.ID, e.Body)
		if err := pub.Publish("events", msg); err != nil { // want `Publish of one message \(topic "events"\) per element of events: one produce request per message; Publish never batches`
			return err
		}
	}
	return nil
}

func publishEachSpread(pub *kafka.Publisher, topic string, events []Event) {
	for _, e := range events {
		pub.Publish(topic, []*message.Message{message.NewMessage(e.ID, e.Body)}...) // want `Publish of one message per element of events`
	}
}

// Sender wraps a publisher: each Send is one Publish of one message.
type Sender struct{ pub *kafka.Publisher }

func (s *Sender) Send(e Event) error {
	return s.pub.Publish("events", message.NewMessage(e.ID, e.Body))
}

func sendEach(s *Sender, events []Event) {
	for _, e := range events {
		s.Send(e) // want `\(\*watermill.Sender\).Send per element of events waits for each produce`
	}
}

// ---- look-alikes ----

// One Publish of every message: no loop of the caller's, although Publish
// still sends them one by one (the finding's fix says so).
func publishAll(pub *kafka.Publisher, events []Event) error {
	msgs := make([]*message.Message, 0, len(events))
	for _, e := range events {
		msgs = append(msgs, message.NewMessage(e.ID, e.Body))
	}
	return pub.Publish("events", msgs...)
}

func publishChunks(pub *kafka.Publisher, msgs []*message.Message) {
	for chunk := range slices.Chunk(msgs, 100) {
		pub.Publish("events", chunk...)
	}
}

// The same messages to each topic: one Publish of all per topic.
func publishPerTopic(pub *kafka.Publisher, topics []string, msgs []*message.Message) {
	for _, t := range topics {
		pub.Publish(t, msgs...)
	}
}

// Any watermill publisher: in memory, AMQP, or one that batches.
func publishInterface(pub message.Publisher, events []Event) {
	for _, e := range events {
		pub.Publish("events", message.NewMessage(e.ID, e.Body))
	}
}

// The in-memory publisher delivers to subscribers without a broker.
func publishGoChannel(pub *gochannel.GoChannel, events []Event) {
	for _, e := range events {
		pub.Publish("events", message.NewMessage(e.ID, e.Body))
	}
}
