package lingerfix

import (
	"github.com/twmb/franz-go/pkg/kgo"
)

func withoutTime() {
	kgo.NewClient(kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
}
