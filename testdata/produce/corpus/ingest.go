package corpus

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"os"

	"github.com/IBM/sarama"
)

type Ingester struct {
	producer sarama.SyncProducer
	async    sarama.AsyncProducer
	topic    string
}

// ImportLines sends each line of a file as its own message.
func (in *Ingester) ImportLines(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		msg := &sarama.ProducerMessage{Topic: in.topic, Value: sarama.StringEncoder(sc.Text())}
		if _, _, err := in.producer.SendMessage(msg); err != nil { // label:bad
			return err
		}
	}
	return sc.Err()
}

// ImportCSV reads records until EOF and sends each one.
func (in *Ingester) ImportCSV(r io.Reader) (int, error) {
	cr := csv.NewReader(r)
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		_, _, err = in.producer.SendMessage(&sarama.ProducerMessage{Topic: in.topic, Key: sarama.StringEncoder(rec[0]), Value: sarama.StringEncoder(rec[1])}) // label:bad
		if err != nil {
			return n, err
		}
		n++
	}
}

// ImportChunked sends 500 lines per SendMessages.
func (in *Ingester) ImportChunked(lines []string) error {
	const chunk = 500
	batch := make([]*sarama.ProducerMessage, 0, chunk)
	for _, l := range lines {
		batch = append(batch, &sarama.ProducerMessage{Topic: in.topic, Value: sarama.StringEncoder(l)})
		if len(batch) == chunk {
			if err := in.producer.SendMessages(batch); err != nil { // label:ok
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return in.producer.SendMessages(batch) // label:ok
	}
	return nil
}

// ImportAsync hands every line to the async producer.
func (in *Ingester) ImportAsync(ctx context.Context, lines []string) {
	for _, l := range lines {
		select {
		case in.async.Input() <- &sarama.ProducerMessage{Topic: in.topic, Value: sarama.StringEncoder(l)}:
		case <-ctx.Done():
			return
		}
	}
}

// Announce tells the downstream that an import started.
func (in *Ingester) Announce(name string) error {
	_, _, err := in.producer.SendMessage(&sarama.ProducerMessage{Topic: "imports", Value: sarama.StringEncoder(name)}) // label:ok
	return err
}

// Shard sends each shard's manifest: one message per shard of a bounded list.
func (in *Ingester) Shard(manifest []byte) error {
	for _, shard := range []string{"eu", "us", "ap"} {
		if _, _, err := in.producer.SendMessage(&sarama.ProducerMessage{Topic: "manifest-" + shard, Value: sarama.ByteEncoder(manifest)}); err != nil { // label:ok
			return err
		}
	}
	return nil
}

// ImportUsers sends one message per user record.
func (in *Ingester) ImportUsers(users map[string][]byte) error {
	for id, doc := range users {
		_, _, err := in.producer.SendMessage(&sarama.ProducerMessage{Topic: "users", Key: sarama.StringEncoder(id), Value: sarama.ByteEncoder(doc)}) // label:bad
		if err != nil {
			return err
		}
	}
	return nil
}

// Replay re-sends dead letters, retrying each until it goes through.
func (in *Ingester) Replay(dead []*sarama.ProducerMessage) error {
	for i := 0; i < len(dead); i++ {
		for attempt := 0; attempt < 3; attempt++ {
			if _, _, err := in.producer.SendMessage(dead[i]); err == nil { // label:bad
				break
			}
		}
	}
	return nil
}

// ImportAcked sends each line through the async producer and waits for its
// acknowledgement before the next.
func (in *Ingester) ImportAcked(lines []string) error {
	for _, l := range lines {
		in.async.Input() <- &sarama.ProducerMessage{Topic: in.topic, Value: sarama.StringEncoder(l)} // label:bad
		select {
		case <-in.async.Successes():
		case pe := <-in.async.Errors():
			return pe.Err
		}
	}
	return nil
}
