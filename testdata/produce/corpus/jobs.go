package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	ibm "github.com/IBM/sarama"
	"github.com/Shopify/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	segmentio "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"

	"produce/corpus/auditlog"
)

type Job struct {
	ID    int
	Kind  string
	Input []byte
}

type Worker struct {
	db     *sql.DB
	legacy sarama.SyncProducer
	sync   ibm.SyncProducer
	client *kgo.Client
	audit  *auditlog.Logger
	conf   *kafka.Producer
}

// ExportTable streams a table to Kafka row by row.
func (w *Worker) ExportTable(ctx context.Context) error {
	rows, err := w.db.QueryContext(ctx, `SELECT id, body FROM documents`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		if _, _, err := w.legacy.SendMessage(&sarama.ProducerMessage{Topic: "documents", Key: sarama.StringEncoder(fmt.Sprint(id)), Value: sarama.ByteEncoder(body)}); err != nil { // label:bad
			return err
		}
	}
	return rows.Err()
}

// Results publishes each job's result by index.
func (w *Worker) Results(ctx context.Context, jobs []Job) error {
	for i := range len(jobs) {
		res := w.client.ProduceSync(ctx, &kgo.Record{Topic: "results", Value: jobs[i].Input}) // label:bad
		if err := res.FirstErr(); err != nil {
			return err
		}
	}
	return nil
}

// Route sends each job to the topic of its kind.
func (w *Worker) Route(ctx context.Context, jobs []Job) error {
	for _, j := range jobs {
		switch j.Kind {
		case "email":
			if err := w.client.ProduceSync(ctx, &kgo.Record{Topic: "email", Value: j.Input}).FirstErr(); err != nil { // label:bad
				return err
			}
		case "sms":
			w.client.Produce(ctx, &kgo.Record{Topic: "sms", Value: j.Input}, nil) // label:ok
		}
	}
	return w.client.Flush(ctx)
}

// Offsets logs where each job landed.
func (w *Worker) Offsets(ctx context.Context, jobs []Job) {
	for _, j := range jobs {
		for _, r := range w.client.ProduceSync(ctx, &kgo.Record{Topic: "jobs", Value: j.Input}) { // label:bad
			fmt.Println(j.ID, r.Record.Partition, r.Record.Offset)
		}
	}
}

// Consume handles jobs from a channel, one synchronous send per job.
func (w *Worker) Consume(jobs <-chan Job) error {
	for j := range jobs {
		_, _, err := w.sync.SendMessage(&ibm.ProducerMessage{Topic: "done", Value: ibm.ByteEncoder(j.Input)}) // label:bad
		if err != nil {
			return err
		}
	}
	return nil
}

// Announce sends a one-message batch per job: still one message per call.
func (w *Worker) Announce(jobs []Job) error {
	for _, j := range jobs {
		if err := w.sync.SendMessages([]*ibm.ProducerMessage{{Topic: "announce", Value: ibm.ByteEncoder(j.Input)}}); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Fanout sends each job's outputs together.
func (w *Worker) Fanout(jobs []Job) error {
	for _, j := range jobs {
		parts := strings.Split(string(j.Input), ",")
		msgs := make([]*ibm.ProducerMessage, 0, len(parts))
		for _, p := range parts {
			msgs = append(msgs, &ibm.ProducerMessage{Topic: "parts", Value: ibm.StringEncoder(p)})
		}
		if err := w.sync.SendMessages(msgs); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// Wait produces each job and waits for it with a WaitGroup.
func (w *Worker) Wait(ctx context.Context, jobs []Job) {
	for _, j := range jobs {
		var wg sync.WaitGroup
		wg.Add(1)
		w.client.Produce(ctx, &kgo.Record{Topic: "jobs", Value: j.Input}, func(*kgo.Record, error) { wg.Done() }) // label:bad
		wg.Wait()
	}
}

// WaitAll waits once for every job.
func (w *Worker) WaitAll(ctx context.Context, jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		w.client.Produce(ctx, &kgo.Record{Topic: "jobs", Value: j.Input}, func(*kgo.Record, error) { wg.Done() }) // label:ok
	}
	wg.Wait()
}

func (w *Worker) emit(ctx context.Context, j Job) error {
	return w.audit.Write(ctx, auditlog.Entry{Actor: "worker", Action: fmt.Sprintf("job %d", j.ID)}) // label:ok
}

// Finish audits each finished job through a helper.
func (w *Worker) Finish(ctx context.Context, jobs []Job) error {
	for _, j := range jobs {
		if err := w.emit(ctx, j); err != nil { // label:bad
			return err
		}
	}
	return nil
}

// Lines produces each line of a report with confluent and waits for it.
func (w *Worker) Lines(topic string, report string) {
	for _, line := range strings.Split(report, "\n") {
		w.conf.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: []byte(line)}, nil) // label:bad
		w.conf.Flush(5000)
	}
}

// Events waits for an event from the producer after each message.
func (w *Worker) Events(topic string, jobs []Job) {
	for _, j := range jobs {
		w.conf.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: j.Input}, nil) // label:bad
		if e, ok := (<-w.conf.Events()).(kafka.Error); ok {
			fmt.Println(e)
		}
	}
}

// Files writes each file to its own topic with a writer per file.
func Files(ctx context.Context, brokers []string, files map[string][]byte) error {
	for name, body := range files {
		wr := &segmentio.Writer{Addr: segmentio.TCP(brokers...), Topic: "file-" + name}
		err := wr.WriteMessages(ctx, segmentio.Message{Value: body}) // label:bad
		wr.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Pairs sends one record per pair of jobs.
func (w *Worker) Pairs(ctx context.Context, jobs []Job) error {
	for i := 0; i+1 < len(jobs); i += 2 {
		v := append(append([]byte{}, jobs[i].Input...), jobs[i+1].Input...)
		if err := w.client.ProduceSync(ctx, &kgo.Record{Topic: "pairs", Value: v}).FirstErr(); err != nil { // label:bad
			return err
		}
	}
	return nil
}
