package lingerfix

import (
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func withTime() {
	kgo.NewClient(kgo.ProducerLinger(0*time.Millisecond), kgo.RetryTimeout(time.Second)) // want `kgo.ProducerLinger\(0\)`
}

func shadowed() {
	time := "the local name hides package time: no fix is offered"
	_ = time
	kgo.NewClient(kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
}
