package main

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"time"
)

// rung is one write path, measured.
type rung struct {
	Group    string // "Postgres" or "Kafka"
	Name     string
	Unit     string // what Items counts: "rows" or "records"
	Items    int
	Elapsed  time.Duration
	Requests int64 // produce requests sent (Kafka only)
	// Baseline marks the rung the others in its group are compared with.
	Baseline bool
	// Key names the rung for the acceptance checks.
	Key string
}

func (r rung) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Items) / r.Elapsed.Seconds()
}

// rounds runs each of n rungs repeat times and keeps each rung's median run.
// Rounds interleave the rungs, so that a burst of load from elsewhere on the
// machine hits one run of each rung rather than every run of one, and each
// round starts one rung later: a rung's place in the round (after which
// other rung, with its truncated rows or closed clients) moves its time by a
// few percent, so no rung keeps one place. A slow rung runs only in the
// first two rounds. The median, unlike the fastest run, is not decided by
// one lucky run of a noisy rung.
func rounds(n, repeat int, slow func(i int) bool, measure func(i int) (rung, error), progress func(rung)) ([]rung, error) {
	runs := make([][]rung, n)
	for round := range max(repeat, 1) {
		for k := range n {
			i := (round + k) % n
			if slow(i) && round >= 2 {
				continue
			}
			r, err := measure(i)
			if err != nil {
				return nil, err
			}
			runs[i] = append(runs[i], r)
		}
	}
	out := make([]rung, n)
	for i, rs := range runs {
		slices.SortFunc(rs, func(a, b rung) int { return cmp.Compare(a.Elapsed, b.Elapsed) })
		out[i] = rs[(len(rs)-1)/2]
		if progress != nil {
			progress(out[i])
		}
	}
	return out, nil
}

func rate(perSec float64, unit string) string {
	return humanize(perSec) + " " + unit + "/s"
}

func humanize(v float64) string {
	switch {
	case v >= 1e6:
		return trim(fmt.Sprintf("%.2f", v/1e6)) + "M"
	case v >= 1e3:
		return trim(fmt.Sprintf("%.1f", v/1e3)) + "k"
	default:
		return trim(fmt.Sprintf("%.1f", v))
	}
}

func trim(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func machine() string {
	return fmt.Sprintf("%d CPUs (GOMAXPROCS %d), %s/%s, %s", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
}

// markdown renders the results as the table docs/performance.md carries.
func markdown(rungs []rung, env []string) string {
	var b strings.Builder
	for _, e := range env {
		fmt.Fprintf(&b, "%s\n", e)
	}
	b.WriteString("\n")
	group := ""
	var base float64
	for _, r := range rungs {
		if r.Group != group {
			group = r.Group
			base = 0
			for _, x := range rungs {
				if x.Group == group && x.Baseline {
					base = x.PerSecond()
				}
			}
			if r.Group == "Kafka" {
				fmt.Fprintf(&b, "\n| %s write path | %s | time | %s/s | × baseline | produce requests | %s/request |\n|---|---:|---:|---:|---:|---:|---:|\n", group, r.Unit, r.Unit, r.Unit)
			} else {
				fmt.Fprintf(&b, "\n| %s write path | %s | time | %s/s | × baseline |\n|---|---:|---:|---:|---:|\n", group, r.Unit, r.Unit)
			}
		}
		times := "–"
		if base > 0 {
			times = trim(fmt.Sprintf("%.1f", r.PerSecond()/base))
		}
		fmt.Fprintf(&b, "| %s | %d | %v | %s | %s |", r.Name, r.Items, r.Elapsed.Round(time.Millisecond), humanize(r.PerSecond()), times)
		if r.Group == "Kafka" {
			perReq := 0.0
			if r.Requests > 0 {
				perReq = float64(r.Items) / float64(r.Requests)
			}
			fmt.Fprintf(&b, " %d | %s |", r.Requests, trim(fmt.Sprintf("%.1f", perReq)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// check is one acceptance criterion with its measured ratio.
type check struct {
	What      string
	Got, Want float64
}

func (c check) OK() bool { return c.Got >= c.Want && !math.IsNaN(c.Got) }

func (c check) String() string {
	verdict := "PASS"
	if !c.OK() {
		verdict = "FAIL"
	}
	return fmt.Sprintf("%s  %s: %.2f× (want ≥ %g×)", verdict, c.What, c.Got, c.Want)
}

// acceptance compares the rungs the runtime packages promise to beat.
func acceptance(rungs []rung) []check {
	by := map[string]rung{}
	for _, r := range rungs {
		if r.Key != "" {
			by[r.Key] = r
		}
	}
	ratio := func(a, b string) (float64, bool) {
		x, okx := by[a]
		y, oky := by[b]
		if !okx || !oky || y.PerSecond() == 0 {
			return 0, false
		}
		return x.PerSecond() / y.PerSecond(), true
	}
	var checks []check
	if v, ok := ratio("writer", "autocommit"); ok {
		checks = append(checks, check{"pgbatch.Writer COPY vs per-row INSERT autocommit, rows/s", v, 50})
	}
	if v, ok := ratio("writer", "copyfrom"); ok {
		checks = append(checks, check{"pgbatch.Writer COPY vs raw pgx CopyFrom at the same batch size, rows/s", v, 0.9})
	}
	if v, ok := ratio("preset", "sync"); ok {
		checks = append(checks, check{"batched producer vs ProduceSync per record, records/s", v, 20})
		p, s := by["preset"], by["sync"]
		if p.Requests > 0 && s.Items > 0 {
			fewer := (float64(s.Requests) / float64(s.Items)) / (float64(p.Requests) / float64(p.Items))
			checks = append(checks, check{"produce requests per record, ProduceSync per record vs batched producer", fewer, 100})
		}
	}
	return checks
}
