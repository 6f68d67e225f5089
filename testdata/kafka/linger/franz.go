package linger

import (
	"context"
	"flag"
	"os"
	"time"

	"example.com/kafka/kafkaopts"
	"github.com/twmb/franz-go/pkg/kgo"
)

const zeroLinger = 0 * time.Millisecond

var pkgZero = time.Duration(0)

func explicitLiteral() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("localhost:9092"), kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\): each batch leaves`
	cl.Produce(context.Background(), &kgo.Record{}, nil)
}

func explicitMillis() {
	kgo.NewClient(kgo.ProducerLinger(0 * time.Millisecond)) // want `kgo.ProducerLinger\(0\)`
}

func explicitConst() {
	kgo.NewClient(kgo.ProducerLinger(zeroLinger)) // want `kgo.ProducerLinger\(0\)`
}

func explicitPkgVar() {
	kgo.NewClient(kgo.ProducerLinger(pkgZero)) // want `kgo.ProducerLinger\(0\)`
}

func explicitLocal() {
	l := time.Duration(0)
	kgo.NewClient(kgo.ProducerLinger(l)) // want `kgo.ProducerLinger\(0\)`
}

func zeroHelper() time.Duration { return 0 }

func explicitHelper() {
	kgo.NewClient(kgo.ProducerLinger(zeroHelper())) // want `kgo.ProducerLinger\(0\)`
}

func explicitOtherPkgHelper() {
	kgo.NewClient(kgo.ProducerLinger(kafkaopts.Linger())) // want `kgo.ProducerLinger\(0\)`
}

func explicitOtherPkgConst() {
	kgo.NewClient(kgo.ProducerLinger(kafkaopts.NoLinger)) // want `kgo.ProducerLinger\(0\)`
}

type settings struct {
	Brokers []string
	Linger  time.Duration
}

func explicitStructField() {
	s := settings{Brokers: []string{"b"}, Linger: 0}
	kgo.NewClient(kgo.SeedBrokers(s.Brokers...), kgo.ProducerLinger(s.Linger)) // want `kgo.ProducerLinger\(0\)`
}

func explicitStructFieldAssigned() {
	s := settings{}
	s.Linger = 0 * time.Second
	kgo.NewClient(kgo.ProducerLinger(s.Linger)) // want `kgo.ProducerLinger\(0\)`
}

func explicitSlice() {
	opts := []kgo.Opt{
		kgo.SeedBrokers("b"),
		kgo.ProducerLinger(0), // want `kgo.ProducerLinger\(0\)`
	}
	kgo.NewClient(opts...)
}

func explicitAppend() {
	opts := []kgo.Opt{kgo.SeedBrokers("b")}
	opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	kgo.NewClient(opts...)
}

func explicitBothBranches(fast bool) {
	var opts []kgo.Opt
	if fast {
		opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	} else {
		opts = append(opts, kgo.ProducerLinger(0)) // the same value on both paths: one finding, at the first
	}
	kgo.NewClient(opts...)
}

func lingerOpts() []kgo.Opt {
	return []kgo.Opt{kgo.ProducerLinger(0)} // want `kgo.ProducerLinger\(0\)`
}

func explicitSamePkgHelper() {
	kgo.NewClient(lingerOpts()...)
}

func explicitOtherPkgOpts() {
	kgo.NewClient(kafkaopts.LowLatency("b")...) // reported once, in kafkaopts where the zero is written
}

func explicitOptVar() {
	o := kgo.ProducerLinger(0) // want `kgo.ProducerLinger\(0\)`
	kgo.NewClient(o)
}

// Look-alikes: nothing to report.

func nonZero() {
	kgo.NewClient(kgo.ProducerLinger(20 * time.Millisecond))
}

func nonZeroHelperOtherPkg() {
	kgo.NewClient(kgo.ProducerLinger(kafkaopts.GoodLinger()))
	kgo.NewClient(kafkaopts.Throughput("b")...)
}

var lingerFlag = flag.Duration("linger", 0, "producer linger")

func fromFlag() {
	kgo.NewClient(kgo.ProducerLinger(*lingerFlag))
}

func fromEnv() {
	d, _ := time.ParseDuration(os.Getenv("LINGER"))
	kgo.NewClient(kgo.ProducerLinger(d))
}

func fromParam(l time.Duration) {
	kgo.NewClient(kgo.ProducerLinger(l))
}

func fromFlagVar() {
	var l time.Duration
	flag.DurationVar(&l, "linger", 0, "")
	kgo.NewClient(kgo.ProducerLinger(l))
}

func reassigned(slow bool) {
	l := time.Duration(0)
	if slow {
		l = 10 * time.Millisecond
	}
	kgo.NewClient(kgo.ProducerLinger(l))
}

func conditionalAppend(fast bool) {
	opts := []kgo.Opt{kgo.SeedBrokers("b")}
	if fast {
		// The zero is written, whatever the other path does.
		opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	} else {
		opts = append(opts, kgo.ProducerLinger(5*time.Millisecond))
	}
	kgo.NewClient(opts...)
}

func deliberate() {
	//batchlint:ignore linger -- control-plane producer, latency over throughput
	kgo.NewClient(kgo.ProducerLinger(0))
}

func noLingerOnNewVersion(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("b")) // v1.22.3 lingers 10ms by default
	cl.ProduceSync(ctx, &kgo.Record{})
}

func consumerOnly() {
	kgo.NewClient(kafkaopts.Consumer("g")...)
}

func structFieldEscapes() {
	s := settings{}
	load(&s)
	kgo.NewClient(kgo.ProducerLinger(s.Linger))
}

func load(s *settings) { s.Linger = time.Second }

var exportedDefault = struct{}{}

// ExportedLinger may be changed by importers.
var ExportedLinger = time.Duration(0)

func exportedVar() {
	kgo.NewClient(kgo.ProducerLinger(ExportedLinger))
}

func otherDurationZero() {
	_ = time.Duration(0)
	kgo.NewClient(kgo.RetryTimeout(0), kgo.ProduceRequestTimeout(0))
}

func explicitThenOverridable(extra []kgo.Opt) {
	// extra may carry its own ProducerLinger, which would win.
	kgo.NewClient(append([]kgo.Opt{kgo.ProducerLinger(0)}, extra...)...)
}

func lowLatencyBranch(lowLatency bool) {
	opts := []kgo.Opt{kgo.SeedBrokers("b")}
	if lowLatency {
		opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\): each batch leaves`
	}
	kgo.NewClient(opts...)
}

func lowLatencySwitch(mode string) {
	var opts []kgo.Opt
	switch mode {
	case "fast":
		opts = append(opts, kgo.ProducerLinger(0)) // want `kgo.ProducerLinger\(0\)`
	case "bulk":
		opts = append(opts, kgo.ProducerLinger(50*time.Millisecond))
	}
	kgo.NewClient(opts...)
}

// Look-alikes of the one-branch zero.

func lowLatencyNonZero(lowLatency bool) {
	opts := []kgo.Opt{kgo.SeedBrokers("b")}
	if lowLatency {
		opts = append(opts, kgo.ProducerLinger(time.Millisecond))
	}
	kgo.NewClient(opts...)
}

func zeroOverriddenOnEveryPath(lowLatency bool) {
	var opts []kgo.Opt
	if lowLatency {
		opts = append(opts, kgo.ProducerLinger(0))
	}
	opts = append(opts, kgo.ProducerLinger(20*time.Millisecond)) // the later option wins on both paths
	kgo.NewClient(opts...)
}

func branchFromFlag(lowLatency bool) {
	var opts []kgo.Opt
	if lowLatency {
		opts = append(opts, kgo.ProducerLinger(*lingerFlag))
	}
	kgo.NewClient(opts...)
}

func branchThenOpaque(lowLatency bool, extra []kgo.Opt) {
	var opts []kgo.Opt
	if lowLatency {
		opts = append(opts, kgo.ProducerLinger(0))
	}
	opts = append(opts, extra...) // may set its own linger
	kgo.NewClient(opts...)
}
