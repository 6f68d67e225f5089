// Package kafkacost measures, against franz-go's in-memory kfake cluster, what
// the producer shapes produceloop reports cost next to their fixed forms:
// produce requests per record and wall time. It is a nested module so that
// sarama and segmentio/kafka-go stay out of the main module's dependencies.
// Its only code is its test; docs/analyzers/produceloop.md quotes the numbers
// the test logs (go test -v). asyncproduce_test.go shows, on a cluster that
// refuses every record, that the shapes asyncproduce reports really lose
// errors (franz-go's nil promise) or block (sarama's unread Errors()).
package kafkacost
