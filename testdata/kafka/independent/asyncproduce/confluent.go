package asyncproduce

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// A handler that waits for each delivery on its own channel.
type store struct{ producer *kafka.Producer }

func (s *store) set(topic string, body []byte) {
	done := make(chan kafka.Event)
	_ = s.producer.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: 0}, Value: body}, done) // label:ok
	fmt.Println(<-done)
}

// A file-event emitter holding an exported producer field.
type EmitEvent struct {
	Producer *kafka.Producer
	Topic    string
}

func (e *EmitEvent) Process(s string) bool {
	err := e.Producer.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &e.Topic, Partition: kafka.PartitionAny}, Value: []byte(s)}, nil) // label:bad
	return err == nil
}

// A CSV loader flushing after every message, reports never read.
func LoadCars(rows [][]string) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost"})
	if err != nil {
		return
	}
	topic := "car-makers"
	for _, row := range rows {
		js, _ := json.Marshal(row)
		_ = p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: js}, nil) // label:bad
		p.Flush(1000)
	}
}

// The quick-start: a goroutine reads Events().
func QuickStart(words []string) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "localhost"})
	if err != nil {
		panic(err)
	}
	defer p.Close()
	go func() {
		for e := range p.Events() {
			if ev, ok := e.(*kafka.Message); ok && ev.TopicPartition.Error != nil {
				fmt.Printf("Delivery failed: %v\n", ev.TopicPartition)
			}
		}
	}()
	topic := "myTopic"
	for _, word := range words {
		_ = p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: []byte(word)}, nil) // label:ok
	}
	p.Flush(15 * 1000)
}

// A service built around a producer from an exported helper.
type employeeProducer struct{ producer *kafka.Producer }

func BuildProducer() (*kafka.Producer, error) {
	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092"})
}

func NewEmployeeProducer(p *kafka.Producer) employeeProducer { return employeeProducer{producer: p} }

func (s employeeProducer) SendUpsert(topic string, v []byte) error {
	return s.producer.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: v}, nil) // label:bad
}

// A course-click logger making a producer per click.
func SaveClick(server, topic string, click []byte) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": server})
	if err != nil {
		log.Print(err)
		return
	}
	_ = p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: click}, nil) // label:bad
}

// A generic publisher waiting on a per-message channel.
func PublishAll(cfg *kafka.ConfigMap, topic string, msgs [][]byte) error {
	p, err := kafka.NewProducer(cfg)
	if err != nil {
		return err
	}
	defer p.Close()
	for _, m := range msgs {
		dc := make(chan kafka.Event)
		if err := p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: m}, dc); err != nil { // label:ok
			return err
		}
		<-dc
	}
	return nil
}
