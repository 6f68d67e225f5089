package batchtest

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// KafkaHooks returns the franz-go client option that records every
// partition batch the client writes, per topic, and every produce request.
// A ProduceSync of one record per call shows as batches of one record each.
// Each client needs an option of its own.
func (r *Recorder) KafkaHooks() kgo.Opt {
	k := &kafkaState{r: r, queue: map[string][]pending{}}
	r.mu.Lock()
	r.kafka = append(r.kafka, k)
	r.mu.Unlock()
	return kgo.WithHooks(k)
}

// settleKafka waits for every client's batch-written hooks to catch up.
func (r *Recorder) settleKafka() {
	r.mu.Lock()
	ks := slices.Clone(r.kafka)
	r.mu.Unlock()
	for _, k := range ks {
		k.settle()
	}
}

func topicShape(topic string) string { return "produce to topic " + strconv.Quote(topic) }

// kafkaState is one client's: it matches written batches to the call sites
// that produced their records. franz-go reports a batch written with its
// record count only, so sites queue per topic in the order records were
// buffered.
type kafkaState struct {
	r  *Recorder
	mu sync.Mutex
	// inflight counts records buffered and not yet finished. A site is
	// captured only for a record produced while nothing is in flight, which
	// is what a one-record-per-call loop does; records produced behind
	// others share their batch, so their sites are never reported and
	// async producers are spared a stack walk per record.
	inflight int
	queue    map[string][]pending
	// succeeded and written count records finished and records in batches
	// reported written: franz-go runs the batch-written hook in its own
	// goroutine, so a report waits for written to catch up.
	succeeded, written int
}

type pending struct {
	rec  *kgo.Record
	site *stack
}

func (k *kafkaState) OnProduceRecordBuffered(rec *kgo.Record) {
	k.mu.Lock()
	defer k.mu.Unlock()
	var site *stack
	if k.inflight == 0 {
		site = callers()
	}
	k.inflight++
	k.queue[rec.Topic] = append(k.queue[rec.Topic], pending{rec, site})
}

func (k *kafkaState) OnProduceRecordUnbuffered(rec *kgo.Record, err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.inflight--
	if err == nil {
		k.succeeded++
		return
	}
	// A failed record is in no written batch: take it out of the queue.
	q := k.queue[rec.Topic]
	for i, p := range q {
		if p.rec == rec {
			k.queue[rec.Topic] = append(q[:i], q[i+1:]...)
			break
		}
	}
}

func (k *kafkaState) OnProduceBatchWritten(_ kgo.BrokerMetadata, topic string, _ int32, m kgo.ProduceBatchMetrics) {
	k.mu.Lock()
	q := k.queue[topic]
	n := min(m.NumRecords, len(q))
	var site *stack
	if n > 0 {
		site = q[0].site
	}
	clear(q[:n])
	k.queue[topic] = q[n:]
	k.written += m.NumRecords
	k.mu.Unlock()

	k.r.mu.Lock()
	defer k.r.mu.Unlock()
	st := k.r.stat(topicShape(topic), true)
	st.Executions++
	st.Rows += m.NumRecords
	st.step(m.NumRecords, site)
}

func (k *kafkaState) OnBrokerWrite(_ kgo.BrokerMetadata, key int16, _ int, _, _ time.Duration, err error) {
	if key == int16(kmsg.Produce) && err == nil {
		k.r.trip()
	}
}

// settle waits, briefly, for franz-go's batch-written hooks to catch up with
// the records already acknowledged.
func (k *kafkaState) settle() {
	for range 500 {
		k.mu.Lock()
		done := k.written >= k.succeeded
		k.mu.Unlock()
		if done {
			return
		}
		time.Sleep(time.Millisecond)
	}
}
