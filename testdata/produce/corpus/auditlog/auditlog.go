// Package auditlog is a service library: an audit logger over franz-go and a
// notifier over sarama.
package auditlog

import (
	"context"
	"encoding/json"
	"time"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

type Entry struct {
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	At     time.Time `json:"at"`
}

type Logger struct {
	cl    *kgo.Client
	topic string
}

func New(cl *kgo.Client) *Logger { return &Logger{cl: cl, topic: "audit"} }

// Write records one entry durably before returning.
func (l *Logger) Write(ctx context.Context, e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return l.cl.ProduceSync(ctx, &kgo.Record{Topic: l.topic, Value: b}).FirstErr() // label:ok
}

// WriteBatch records entries with one request.
func (l *Logger) WriteBatch(ctx context.Context, es []Entry) error {
	recs := make([]*kgo.Record, 0, len(es))
	for _, e := range es {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		recs = append(recs, &kgo.Record{Topic: l.topic, Value: b})
	}
	return l.cl.ProduceSync(ctx, recs...).FirstErr() // label:ok
}

// Buffer hands the entry to the client and returns at once.
func (l *Logger) Buffer(ctx context.Context, e Entry, onErr func(error)) {
	b, _ := json.Marshal(e)
	l.cl.Produce(ctx, &kgo.Record{Topic: l.topic, Value: b}, func(_ *kgo.Record, err error) { // label:ok
		if err != nil {
			onErr(err)
		}
	})
}

type Notifier struct {
	p sarama.SyncProducer
}

func NewNotifier(p sarama.SyncProducer) *Notifier { return &Notifier{p: p} }

// Notify sends one notification and waits for the broker.
func (n *Notifier) Notify(user, text string) error {
	_, _, err := n.p.SendMessage(&sarama.ProducerMessage{Topic: "notifications", Key: sarama.StringEncoder(user), Value: sarama.StringEncoder(text)}) // label:ok
	return err
}
