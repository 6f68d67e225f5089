package lingerfix

import (
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func withTime() {
	kgo.NewClient(kgo.ProducerLinger(0*time.Millisecond), kgo.RetryTimeout(time.Second)) // want `kgo.ProducerLinger\(0\)`
}
