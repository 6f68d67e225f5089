package knowledge

import (
	"testing"
	"time"
)

func TestFranzGoLingerDefaultByVersion(t *testing.T) {
	franz := KafkaOf(KgoPath)
	for _, tc := range []struct {
		version string
		known   bool
		linger  time.Duration
	}{
		{"", false, 0},
		{"v1.18.1", true, 0},
		{"v1.19.5", true, 0},
		{"v1.20.0-rc1", false, 0},
		{"v1.19.6-0.20250601120000-0123456789ab", false, 0},
		{"devel", false, 0},
		{"v1.21.0-rc.1", true, 10 * time.Millisecond},
		{"v1.20.0", true, 10 * time.Millisecond},
		{"v1.22.3", true, 10 * time.Millisecond},
		{"v1.23.0", true, 10 * time.Millisecond},
	} {
		got, ok := franz.Kafka.Defaults(tc.version)[Linger]
		if ok != tc.known || (ok && time.Duration(got.Int) != tc.linger) {
			t.Errorf("franz-go %q: linger default %+v (present %v), want known=%v %v", tc.version, got, ok, tc.known, tc.linger)
		}
	}
}

func TestEveryKafkaClientHasAProducerConstructor(t *testing.T) {
	for _, l := range libraries {
		if l.Kafka == nil {
			continue
		}
		n := 0
		for _, c := range l.Kafka.Constructors {
			if c.Producer {
				n++
			}
			if c.ClientOf != "" {
				if _, ok := l.Kafka.Constructors[c.ClientOf]; !ok {
					t.Errorf("%s: ClientOf %q is not a constructor", l.Key, c.ClientOf)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s (%v) has no producer constructor", l.Key, l.Kafka.Paths)
		}
	}
}
