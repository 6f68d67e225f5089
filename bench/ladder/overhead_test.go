//go:build unix

package main

import (
	"context"
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/batchlint/batchlint/runtime/batchtest"
)

// TestRecorderOverhead measures what the recorder costs the batched rungs
// (COPY through pgx and through pgbatch.Writer, multi-row INSERT): in each
// round every rung runs once without the recorder and once with it, in
// alternating order. Wall time on a shared machine swings by tens of
// percent from run to run, more than the recorder costs, so the CPU time
// this process spent per run is measured too: the recorder's work is all
// in-process, and the server's does not change. It takes several seconds,
// so it runs only when asked:
//
//	BATCHLINT_OVERHEAD=1 bash scripts/test.sh go test -run TestRecorderOverhead -v ./bench/ladder
func TestRecorderOverhead(t *testing.T) {
	if os.Getenv("BATCHLINT_OVERHEAD") == "" {
		t.Skip("set BATCHLINT_OVERHEAD=1 to measure the recorder's overhead")
	}
	ctx := context.Background()
	cfg := defaultPGConfig()
	const repeat = 9
	// One table for both, so that only the recorder differs.
	benches := [2]*pgBench{benchPool(t, nil), benchPool(t, batchtest.New())}
	benches[0].createTable(t)
	benches[1].table = benches[0].table
	all := makeRows(cfg.Rows)
	t.Logf("%s; %d rows per run, %d rounds", machine(), cfg.Rows, repeat)
	t.Logf("| rung | wall time without the recorder / with it (medians) | median of paired ratios | client CPU without / with (medians) | CPU added |")
	for _, pr := range pgRungs(cfg) {
		if pr.key != "copyfrom" && pr.key != "writer" && pr.key != "multirow" {
			continue
		}
		var times, cpus [2][]time.Duration
		var ratios []float64
		for round := range repeat {
			var pair [2]time.Duration
			for k := range 2 {
				which := (round + k) % 2
				before := cpuTime(t)
				r, err := benches[which].measure(ctx, pr, all)
				if err != nil {
					t.Fatal(err)
				}
				cpus[which] = append(cpus[which], cpuTime(t)-before)
				pair[which] = r.Elapsed
				times[which] = append(times[which], r.Elapsed)
			}
			ratios = append(ratios, pair[1].Seconds()/pair[0].Seconds())
		}
		for k := range 2 {
			slices.Sort(times[k])
			slices.Sort(cpus[k])
		}
		slices.Sort(ratios)
		wall, cpu := [2]time.Duration{times[0][repeat/2], times[1][repeat/2]}, [2]time.Duration{cpus[0][repeat/2], cpus[1][repeat/2]}
		t.Logf("| %s | %v / %v | %+.1f%% (rounds from %+.1f%% to %+.1f%%) | %v / %v | %+.1f%% of the wall time |", pr.name,
			wall[0].Round(time.Millisecond), wall[1].Round(time.Millisecond), 100*(ratios[repeat/2]-1), 100*(ratios[0]-1), 100*(ratios[repeat-1]-1),
			cpu[0].Round(time.Millisecond), cpu[1].Round(time.Millisecond), 100*(cpu[1]-cpu[0]).Seconds()/wall[0].Seconds())
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
