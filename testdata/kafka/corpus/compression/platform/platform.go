// Package platform holds a platform team's shared producer settings, used
// by the services in the compression corpus. A codec written here together
// with the setting that turns batching off is reported here, once.
package platform

import "github.com/twmb/franz-go/pkg/kgo"

// ZstdNoLinger compresses without lingering.
func ZstdNoLinger() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression()), kgo.ProducerLinger(0)} // label:bad
}

// Zstd only picks the codec; the services decide the linger.
func Zstd() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerBatchCompression(kgo.ZstdCompression())} // label:ok
}
