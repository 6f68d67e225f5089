package asyncproduce

import (
	"fmt"
	"log"
	"os"
	"os/signal"

	"github.com/Shopify/sarama"
)

// A terminal producer: each line sent, then the result awaited.
func Interactive(lines <-chan string) {
	config := sarama.NewConfig()
	config.Producer.RequiredAcks = sarama.WaitForAll
	config.Producer.Return.Successes = true
	config.Producer.Return.Errors = true
	producer, err := sarama.NewAsyncProducer([]string{"localhost:9092"}, config) // label:ok
	if err != nil {
		return
	}
	defer producer.AsyncClose()
	for line := range lines {
		producer.Input() <- &sarama.ProducerMessage{Topic: "t", Value: sarama.StringEncoder(line)}
		select {
		case s := <-producer.Successes():
			fmt.Println("offset", s.Offset)
		case f := <-producer.Errors():
			fmt.Println("err", f.Err)
		}
	}
}

// One message, nil config, Close's error checked.
func SendOnce() {
	producer, err := sarama.NewAsyncProducer([]string{"localhost:9092"}, nil) // label:ok
	if err != nil {
		panic(err)
	}
	defer func() {
		if err := producer.Close(); err != nil {
			log.Fatalln(err)
		}
	}()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt)
	producer.Input() <- &sarama.ProducerMessage{Topic: "my_topic", Value: sarama.StringEncoder("testing 123")}
}

// Fire and forget, errors explicitly not returned.
func FireAndForget(msgs []string) {
	config := sarama.NewConfig()
	config.Producer.RequiredAcks = sarama.NoResponse
	config.Producer.Return.Successes = false
	config.Producer.Return.Errors = false
	producer, err := sarama.NewAsyncProducer([]string{"localhost:9094"}, config) // label:ok
	if err != nil {
		return
	}
	defer producer.Close()
	for _, m := range msgs {
		producer.Input() <- &sarama.ProducerMessage{Topic: "t", Value: sarama.StringEncoder(m)}
	}
}

// The classic example: successes and errors counted in a select loop.
func CountingLoop(stop <-chan struct{}) {
	config := sarama.NewConfig()
	config.Producer.Return.Successes = true
	producer, err := sarama.NewAsyncProducer([]string{"localhost:9092"}, config) // label:ok
	if err != nil {
		panic(err)
	}
	var enqueued, errs int
	for {
		select {
		case producer.Input() <- &sarama.ProducerMessage{Topic: "test", Value: sarama.StringEncoder("x")}:
			enqueued++
		case <-producer.Successes():
		case err := <-producer.Errors():
			log.Println(err)
			errs++
		case <-stop:
			producer.AsyncClose()
			return
		}
	}
}

// An access-log shipper: messages pushed from request handlers.
type accessLog struct{ producer sarama.AsyncProducer }

func newAccessLog(brokers []string) *accessLog {
	config := sarama.NewConfig()
	config.Producer.RequiredAcks = sarama.WaitForLocal
	config.Producer.Compression = sarama.CompressionSnappy
	producer, err := sarama.NewAsyncProducer(brokers, config) // label:bad
	if err != nil {
		log.Fatalln(err)
	}
	return &accessLog{producer: producer}
}

func (l *accessLog) Log(line []byte) {
	l.producer.Input() <- &sarama.ProducerMessage{Topic: "access_log", Value: sarama.ByteEncoder(line)}
}

// The same shipper with its errors logged in a goroutine.
func newLoggedAccessLog(brokers []string) *accessLog {
	producer, err := sarama.NewAsyncProducer(brokers, sarama.NewConfig()) // label:ok
	if err != nil {
		log.Fatalln(err)
	}
	go func() {
		for err := range producer.Errors() {
			log.Println("Failed to write access log entry:", err)
		}
	}()
	return &accessLog{producer: producer}
}
