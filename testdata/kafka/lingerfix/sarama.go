package lingerfix

import "github.com/IBM/sarama"

func saramaZero() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0`
	sarama.NewAsyncProducer([]string{"b"}, c)
}
