package linger

import (
	"os"
	"strconv"
	"time"

	"example.com/kafka/kafkaopts"
	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

var addrs = []string{"localhost:9092"}

func saramaExplicitZero() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger`
	sarama.NewSyncProducer(addrs, c)
}

func saramaExplicitZeroConst() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = zeroLinger // want `sarama Producer.Flush.Frequency = 0`
	sarama.NewAsyncProducer(addrs, c)
}

func saramaNoFlush() {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func saramaNilConfig() {
	sarama.NewAsyncProducer(addrs, nil) // want `sarama config with no Producer.Flush trigger`
}

func shopifyNoFlush() {
	c := shopify.NewConfig()
	shopify.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func shopifyExplicitZero() {
	c := shopify.NewConfig()
	c.Producer.Flush.Frequency = 0 * time.Millisecond // want `sarama Producer.Flush.Frequency = 0`
	shopify.NewAsyncProducer(addrs, c)
}

func saramaFromClient() {
	c := sarama.NewConfig()
	client, _ := sarama.NewClient(addrs, c)
	sarama.NewSyncProducerFromClient(client) // want `sarama config with no Producer.Flush trigger`
}

func newSaramaConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	return c
}

func saramaSamePkgHelper() {
	sarama.NewSyncProducer(addrs, newSaramaConfig()) // want `sarama config with no Producer.Flush trigger`
}

func saramaOtherPkgHelper() {
	sarama.NewSyncProducer(addrs, kafkaopts.SaramaFast()) // want `sarama config with no Producer.Flush trigger`
}

func saramaOtherPkgHelperZero() {
	sarama.NewAsyncProducer(addrs, kafkaopts.SaramaZeroFreq()) // reported once, in kafkaopts
}

func saramaHelperThenAssign() {
	c := kafkaopts.SaramaFast()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0`
	sarama.NewSyncProducer(addrs, c)
}

// Look-alikes.

func saramaLingers() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 20 * time.Millisecond
	c.Producer.Flush.Bytes = 64 << 10
	sarama.NewAsyncProducer(addrs, c)
}

func saramaBytesTrigger() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0
	c.Producer.Flush.Bytes = 1 << 20
	sarama.NewAsyncProducer(addrs, c)
}

func saramaMessagesTrigger() {
	c := sarama.NewConfig()
	c.Producer.Flush.Messages = 500
	sarama.NewAsyncProducer(addrs, c)
}

func saramaFreqFromVar(freq time.Duration) {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = freq
	sarama.NewAsyncProducer(addrs, c)
}

func saramaFreqFromEnv() {
	c := sarama.NewConfig()
	ms, _ := strconv.Atoi(os.Getenv("FLUSH_MS"))
	c.Producer.Flush.Frequency = time.Duration(ms) * time.Millisecond
	sarama.NewAsyncProducer(addrs, c)
}

func saramaConfigured(c *sarama.Config) {
	sarama.NewAsyncProducer(addrs, c)
}

func saramaPassedToConfigure() {
	c := sarama.NewConfig()
	configure(c)
	sarama.NewAsyncProducer(addrs, c)
}

func configure(c *sarama.Config) { c.Producer.Flush.Frequency = time.Second }

func saramaBatchedHelper() {
	sarama.NewAsyncProducer(addrs, kafkaopts.SaramaBatched())
}

func saramaConditional(fast bool) {
	c := sarama.NewConfig()
	if fast {
		// Written on one path: reported there.
		c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0`
	} else {
		c.Producer.Flush.Frequency = 50 * time.Millisecond
	}
	sarama.NewAsyncProducer(addrs, c)
}

func saramaConsumer() {
	c := sarama.NewConfig()
	sarama.NewConsumer(addrs, c)
}

func saramaClientOnly() {
	c := sarama.NewConfig()
	client, _ := sarama.NewClient(addrs, c)
	sarama.NewConsumerFromClient(client)
}

func saramaDeliberate() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 //batchlint:ignore linger -- audit log producer, latency over throughput
	sarama.NewSyncProducer(addrs, c)
}

func saramaTupleConfigure() error {
	c := sarama.NewConfig()
	if _, err := tuneAndReport(c); err != nil {
		return err
	}
	_, err := sarama.NewSyncProducer(addrs, c)
	return err
}

func tuneAndReport(c *sarama.Config) (int, error) {
	c.Producer.Flush.Messages = 100
	return 0, nil
}

func saramaRelatedAtNewConfig() {
	c := sarama.NewConfig()
	sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

// A config built by the caller and handed to a constructor helper.

func newSyncProducer(c *sarama.Config) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func saramaParamCaller() {
	c := sarama.NewConfig()
	c.Producer.Return.Successes = true
	newSyncProducer(c)
}

func saramaParamOtherCaller() {
	newSyncProducer(sarama.NewConfig())
}

func newAsyncProducer(c *sarama.Config) {
	sarama.NewAsyncProducer(addrs, c)
}

func saramaParamZero() {
	c := sarama.NewConfig()
	c.Producer.Flush.Frequency = 0 // want `sarama Producer.Flush.Frequency = 0 and no other Flush trigger`
	newAsyncProducer(c)
}

// A configure(cfg) helper that leaves Flush alone.

func setAcks(c *sarama.Config) {
	c.Producer.RequiredAcks = sarama.WaitForAll
	c.Producer.Return.Successes = true
}

func saramaConfigureNoFlush() {
	c := sarama.NewConfig()
	setAcks(c)
	sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
}

func setVersion(c *sarama.Config, v string) error {
	if v == "" {
		return strconv.ErrSyntax
	}
	c.Producer.Idempotent = true
	return nil
}

func saramaConfigureWithError(v string) error {
	c := sarama.NewConfig()
	if err := setVersion(c, v); err != nil {
		return err
	}
	_, err := sarama.NewSyncProducer(addrs, c) // want `sarama config with no Producer.Flush trigger`
	return err
}

// Look-alikes: a caller not in view, callers that disagree, a helper that
// sets a flush trigger or keeps the config.

// NewProducerWith may be called from other packages with any config.
func NewProducerWith(c *sarama.Config) (sarama.SyncProducer, error) {
	return sarama.NewSyncProducer(addrs, c)
}

func saramaExportedParamCaller() {
	NewProducerWith(sarama.NewConfig())
}

func newMixedProducer(c *sarama.Config) {
	sarama.NewAsyncProducer(addrs, c)
}

func mixedCallers() {
	c := sarama.NewConfig()
	newMixedProducer(c)
	b := sarama.NewConfig()
	b.Producer.Flush.Bytes = 1 << 20
	newMixedProducer(b)
}

func newProducerValue(c *sarama.Config) {
	sarama.NewAsyncProducer(addrs, c)
}

var makeProducer = newProducerValue // called where this pass cannot see

func setFlush(c *sarama.Config) {
	c.Producer.Flush.Frequency = 10 * time.Millisecond
	c.Producer.Flush.Messages = 100
}

func saramaConfigureFlush() {
	c := sarama.NewConfig()
	setFlush(c)
	sarama.NewSyncProducer(addrs, c)
}

func replaceConfig(c *sarama.Config) {
	c = sarama.NewConfig()
	c.Producer.Flush.Frequency = 0
}

func saramaHelperReassigns() {
	c := sarama.NewConfig()
	c.Producer.Flush.Messages = 10
	replaceConfig(c)
	sarama.NewSyncProducer(addrs, c)
}

func setFromEnv(c *sarama.Config) {
	ms, _ := strconv.Atoi(os.Getenv("FLUSH_MS"))
	c.Producer.Flush.Frequency = time.Duration(ms) * time.Millisecond
}

func saramaConfigureFromEnv() {
	c := sarama.NewConfig()
	setFromEnv(c)
	sarama.NewSyncProducer(addrs, c)
}

var heldConfig *sarama.Config

func holdConfig(c *sarama.Config) { heldConfig = c }

func setHeldFlush() { heldConfig.Producer.Flush.Frequency = time.Second }

func saramaHelperKeeps() {
	c := sarama.NewConfig()
	holdConfig(c)
	setHeldFlush()
	sarama.NewSyncProducer(addrs, c)
}
