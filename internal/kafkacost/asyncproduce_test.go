package kafkacost

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// refusingCluster is a one-broker kfake cluster that answers every produce
// request with INVALID_RECORD for each partition, an error neither client
// retries.
func refusingCluster(t *testing.T) *kfake.Cluster {
	t.Helper()
	kc, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(1, topic))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(kc.Close)
	kc.ControlKey(int16(kmsg.Produce), func(r kmsg.Request) (kmsg.Response, error, bool) {
		kc.KeepControl()
		req := r.(*kmsg.ProduceRequest)
		resp := req.ResponseKind().(*kmsg.ProduceResponse)
		for _, rt := range req.Topics {
			st := kmsg.NewProduceResponseTopic()
			st.Topic, st.TopicID = rt.Topic, rt.TopicID
			for _, rp := range rt.Partitions {
				sp := kmsg.NewProduceResponseTopicPartition()
				sp.Partition = rp.Partition
				sp.ErrorCode = kerr.InvalidRecord.Code
				st.Partitions = append(st.Partitions, sp)
			}
			resp.Topics = append(resp.Topics, st)
		}
		return resp, nil, true
	})
	return kc
}

// TestFranzGoNilPromiseLosesTheError is what asyncproduce reports for
// franz-go: Produce with a nil promise, then Flush, on a broker that refuses
// the record. Flush returns nil and nothing else is told; ProduceSync of the
// same kind of record, and a promise, get the broker's error.
func TestFranzGoNilPromiseLosesTheError(t *testing.T) {
	kc := refusingCluster(t)
	cl, err := kgo.NewClient(kgo.SeedBrokers(kc.ListenAddrs()...), kgo.DefaultProduceTopic(topic))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx := context.Background()

	cl.Produce(ctx, &kgo.Record{Value: value(0)}, nil)
	if err := cl.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v, want nil: it does not report records' errors", err)
	}

	if err := cl.ProduceSync(ctx, &kgo.Record{Value: value(1)}).FirstErr(); !errors.Is(err, kerr.InvalidRecord) {
		t.Fatalf("ProduceSync: %v, want the broker's INVALID_RECORD", err)
	}
	done := make(chan error, 1)
	cl.Produce(ctx, &kgo.Record{Value: value(2)}, func(_ *kgo.Record, err error) { done <- err })
	if err := <-done; !errors.Is(err, kerr.InvalidRecord) {
		t.Fatalf("promise: %v, want the broker's INVALID_RECORD", err)
	}
}

// TestFranzGoTransactionLosesTheErrorToo: a transaction is no look-alike.
// A record produced with a nil promise is refused, and the commit that
// follows succeeds all the same, so asyncproduce reports transactional
// clients too.
func TestFranzGoTransactionLosesTheErrorToo(t *testing.T) {
	kc := refusingCluster(t)
	cl, err := kgo.NewClient(kgo.SeedBrokers(kc.ListenAddrs()...), kgo.DefaultProduceTopic(topic), kgo.TransactionalID("tx"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx := context.Background()
	if err := cl.BeginTransaction(); err != nil {
		t.Fatal(err)
	}
	cl.Produce(ctx, &kgo.Record{Value: value(0)}, nil)
	if err := cl.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := cl.EndTransaction(ctx, kgo.TryCommit); err != nil {
		t.Fatalf("EndTransaction: %v, want nil: the refused record's error reaches no one", err)
	}
	// The same refusal, with a promise, is seen.
	if err := cl.BeginTransaction(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	cl.Produce(ctx, &kgo.Record{Value: value(1)}, func(_ *kgo.Record, err error) { done <- err })
	if err := <-done; !errors.Is(err, kerr.InvalidRecord) {
		t.Fatalf("promise: %v, want the broker's INVALID_RECORD", err)
	}
	if err := cl.EndTransaction(ctx, kgo.TryAbort); err != nil {
		t.Fatal(err)
	}
}

// TestSaramaUnreadErrorsBlock is what asyncproduce reports for sarama: an
// AsyncProducer whose Errors() nobody reads. Once the failures fill the
// channels (ChannelBufferSize 1 here, 256 by default), sending on Input()
// blocks for good; reading Errors() unblocks it. The look-alike, a
// producer whose errors a goroutine drains, takes every message.
func TestSaramaUnreadErrorsBlock(t *testing.T) {
	kc := refusingCluster(t)
	cfg := sarama.NewConfig()
	cfg.Version = sarama.V2_8_0_0
	cfg.ChannelBufferSize = 1
	newProducer := func() sarama.AsyncProducer {
		p, err := sarama.NewAsyncProducer(kc.ListenAddrs(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A send that does not complete within wait counts as blocked.
	send := func(p sarama.AsyncProducer, n int, wait time.Duration) int {
		for i := range n {
			select {
			case p.Input() <- &sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value(i))}:
			case <-time.After(wait):
				return i
			}
		}
		return n
	}
	// drain reads p's errors until it closes and returns how many were
	// the broker's refusal.
	drain := func(p sarama.AsyncProducer) chan int {
		refused := make(chan int, 1)
		go func() {
			n := 0
			for pe := range p.Errors() {
				if errors.Is(pe.Err, sarama.ErrInvalidRecord) {
					n++
				}
			}
			refused <- n
		}()
		return refused
	}

	// The producer is idle while blocked, so ten seconds is plenty; the test
	// fails only if every send goes through.
	const many = 10_000
	p := newProducer()
	sent := send(p, many, 10*time.Second)
	if sent == many {
		t.Fatalf("%d messages sent with Errors() unread, want the producer to block", sent)
	}
	t.Logf("Input() blocked after %d messages, with ChannelBufferSize 1", sent)
	refused := drain(p)
	sent += send(p, 1, time.Minute)
	p.AsyncClose()
	if n := <-refused; n != sent {
		t.Fatalf("%d of %d messages came back refused once Errors() was read", n, sent)
	}

	p = newProducer()
	refused = drain(p)
	if n := send(p, 2*sent, time.Minute); n != 2*sent {
		t.Fatalf("a producer whose Errors() is read blocked after %d messages", n)
	}
	p.AsyncClose()
	if n := <-refused; n != 2*sent {
		t.Fatalf("%d of %d messages came back refused", n, 2*sent)
	}
}
