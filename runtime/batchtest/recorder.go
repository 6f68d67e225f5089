package batchtest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// The fixes sqlloop and produceloop name for the same loop (passes/sinks,
// which this package cannot import without pulling in go/analysis), so that
// a test-time finding and a static one read alike.
const kgoBatched = "collect the records and call ProduceSync once with all of them, or Produce asynchronously and Flush after the loop (runtime/kafkabatch.Producer)"

func sqlBatched(lib, op string) string {
	insert := op == "INSERT" || op == "MERGE"
	switch {
	case lib == "pgx" && insert:
		return "pgx CopyFrom (COPY) or a pgx.Batch, or batchlint's runtime/pgbatch.Writer"
	case lib == "pgx":
		return "one set-based statement (... FROM unnest($1::bigint[], ...) or WHERE id = ANY($1)) or a pgx.Batch"
	case insert:
		return "lib/pq COPY (a prepared COPY ... FROM STDIN in one transaction) or a multi-row INSERT (runtime/pgbatch.InsertChunks)"
	}
	return "one set-based statement (... FROM unnest(...) or WHERE id = ANY($1))"
}

// DefaultThreshold is how many single-row executions of one write shape in a
// row Check accepts. Eleven is a loop: a retry of one statement, a handful of
// fixtures or one row per test case stays under it.
const DefaultThreshold = 10

// TB is the part of testing.TB that Check and the assertions use.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Option configures a Recorder.
type Option func(*Recorder)

// Threshold sets how many single-row executions of one shape in a row are
// accepted (DefaultThreshold when unset).
func Threshold(n int) Option { return func(r *Recorder) { r.threshold = n } }

// AllowSQL exempts the shape of statement from Check: statement is
// normalised as executed statements are, so any spelling of it with other
// literals or another VALUES length matches.
func AllowSQL(statement string) Option {
	return func(r *Recorder) { r.allow[normalize(statement).text] = true }
}

// AllowTopic exempts producing to topic from Check.
func AllowTopic(topic string) Option {
	return func(r *Recorder) { r.allow[topicShape(topic)] = true }
}

// Recorder counts what a code path writes, per statement shape and per Kafka
// topic, and finds the shapes that ran row by row. It is safe for concurrent
// use by every connection and client it is attached to. Make one with New
// or Start.
type Recorder struct {
	threshold int
	allow     map[string]bool
	shapes    sync.Map // SQL text -> shape, so a statement in a loop is normalised once
	cached    atomic.Int64

	mu         sync.Mutex
	roundTrips int
	stats      map[string]*shapeStats
	order      []string      // shapes in the order first seen, for a stable report
	kafka      []*kafkaState // one per client
}

// Stats is what one shape did.
type Stats struct {
	// Shape is the normalised statement, or `produce to topic "t"`.
	Shape string
	// Executions counts statements executed (a pgx.Batch counts once per
	// shape it holds), or partition batches written to the topic.
	Executions int
	// Rows counts rows written, or records produced.
	Rows int
	// RoundTrips counts the database round trips that carried the shape;
	// produce requests, which may carry several topics, count only in
	// Recorder.RoundTrips.
	RoundTrips int
	// LongestRun is the most executions in a row that wrote one row each.
	LongestRun int
}

type shapeStats struct {
	Stats
	fix          string // the batched form batchlint's finding would name
	kafka        bool
	run, longest run
}

// run is a stretch of single-row executions; its call sites are kept as
// program counters and resolved only when a report is made.
type run struct {
	n           int
	first, last stack
}

type stack [48]uintptr

// New returns a Recorder; attach it with Tracer, WrapPoolConfig,
// WrapConnector or KafkaHooks before connecting.
func New(opts ...Option) *Recorder {
	r := &Recorder{threshold: DefaultThreshold, allow: map[string]bool{}, stats: map[string]*shapeStats{}}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Start returns a Recorder whose Check runs when t's test ends.
func Start(t interface {
	TB
	Cleanup(func())
}, opts ...Option) *Recorder {
	t.Helper()
	r := New(opts...)
	t.Cleanup(func() {
		t.Helper()
		r.Check(t)
	})
	return r
}

// maxCached bounds the SQL text the shape cache keeps: a multi-row INSERT's
// text can be hundreds of kilobytes, and one per chunk length.
const maxCached = 64 << 20

func (r *Recorder) shapeOf(sql string) shape {
	if s, ok := r.shapes.Load(sql); ok {
		return s.(shape)
	}
	s := normalize(sql)
	if r.cached.Add(int64(len(sql))) <= maxCached {
		r.shapes.Store(sql, s)
	}
	return s
}

// executed records one execution of s through library lib ("pgx" or
// "database/sql") writing rows rows (-1: unknown), with trips round
// trips. failed executions count their round trips only: a retried
// statement is one write, not a loop.
func (r *Recorder) executed(lib string, s shape, rows, trips int, failed bool, site *stack) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.roundTrips += trips
	st := r.stat(s.text, false)
	if st.fix == "" && s.write() {
		st.fix = sqlBatched(lib, s.op)
	}
	st.RoundTrips += trips
	if failed {
		return
	}
	st.Executions++
	if rows > 0 {
		st.Rows += rows
	}
	if s.write() {
		st.step(rows, site)
	}
}

// trip records a round trip that wrote nothing: BEGIN, COMMIT, a prepare.
func (r *Recorder) trip() {
	r.mu.Lock()
	r.roundTrips++
	r.mu.Unlock()
}

func (r *Recorder) stat(text string, kafka bool) *shapeStats {
	st := r.stats[text]
	if st == nil {
		st = &shapeStats{Stats: Stats{Shape: text}, kafka: kafka}
		r.stats[text] = st
		r.order = append(r.order, text)
	}
	return st
}

// step extends the shape's run of single-row executions, or ends it when an
// execution wrote more than one row. Unknown row counts do neither.
func (st *shapeStats) step(rows int, site *stack) {
	switch {
	case rows > 1:
		st.run.n = 0
	case rows >= 0:
		if st.run.n == 0 && site != nil {
			st.run.first = *site
		}
		if site != nil {
			st.run.last = *site
		}
		st.run.n++
		if st.run.n > st.longest.n {
			st.longest = st.run
		}
		st.LongestRun = st.longest.n
	}
}

// callers captures the stack of the goroutine issuing a write; cheap enough
// for every single-row write (about a microsecond against a round trip).
func callers() *stack {
	var s stack
	runtime.Callers(3, s[:])
	return &s
}

// RoundTrips returns the database round trips and Kafka produce requests
// recorded since New or Reset.
func (r *Recorder) RoundTrips() int {
	r.settleKafka()
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.roundTrips
}

// Stats returns every shape recorded since New or Reset, in the order first
// seen.
func (r *Recorder) Stats() []Stats {
	r.settleKafka()
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Stats, 0, len(r.order))
	for _, k := range r.order {
		out = append(out, r.stats[k].Stats)
	}
	return out
}

// Reset forgets everything recorded so far, so that the next assertion
// covers only the operation that follows.
func (r *Recorder) Reset() {
	r.settleKafka()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.roundTrips = 0
	r.stats = map[string]*shapeStats{}
	r.order = nil
}

// Finding is a write shape that ran row by row.
type Finding struct {
	Shape       string
	Kafka       bool   // Shape is a topic
	Count       int    // single-row statements, or one-record batches, in a row
	First, Last string // call sites, "file:line (function)"
	Analyzer    string // the batchlint analyzer that reports the static form
	Fix         string
}

// Findings returns the write shapes that ran more than the threshold's
// executions in a row with one row each, leaving out allowed shapes.
func (r *Recorder) Findings() []Finding {
	r.settleKafka()
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Finding
	for _, k := range r.order {
		st := r.stats[k]
		if st.longest.n <= r.threshold || r.allow[k] {
			continue
		}
		f := Finding{Shape: k, Count: st.longest.n, First: site(&st.longest.first), Last: site(&st.longest.last),
			Analyzer: "sqlloop", Fix: st.fix}
		if st.kafka {
			f.Kafka, f.Analyzer, f.Fix = true, "produceloop", kgoBatched
		}
		out = append(out, f)
	}
	return out
}

// Report describes the findings, or returns "" when there are none. It holds
// no addresses or timings, so the same code path gives the same report.
func (r *Recorder) Report() string {
	fs := r.Findings()
	if len(fs) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "batchtest: %d write shape(s) ran row by row (more than %d single-row executions in a row):\n", len(fs), r.threshold)
	for _, f := range fs {
		what := "statements in a row, one row each"
		if f.Kafka {
			what = "partition batches in a row, one record each"
		}
		fmt.Fprintf(&b, "\n  %s\n    %d %s\n    first: %s\n    last:  %s\n    batchlint's %s reports such a loop where it sees it; fix: %s\n",
			f.Shape, f.Count, what, f.First, f.Last, f.Analyzer, f.Fix)
	}
	b.WriteString("\nAllow a shape with batchtest.AllowSQL or batchtest.AllowTopic when row-by-row is intended.\n")
	return b.String()
}

// Check fails t with the report when a write shape ran row by row.
func (r *Recorder) Check(t TB) {
	t.Helper()
	if rep := r.Report(); rep != "" {
		t.Errorf("%s", rep)
	}
}

// AtMostRoundTrips fails t when more than k round trips were recorded since
// New or Reset, listing them per shape.
func (r *Recorder) AtMostRoundTrips(t TB, k int) {
	t.Helper()
	n := r.RoundTrips()
	if n <= k {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "batchtest: %d round trips, want at most %d:\n", n, k)
	for _, s := range r.Stats() {
		if s.RoundTrips > 0 {
			fmt.Fprintf(&b, "  %5d  %s\n", s.RoundTrips, s.Shape)
		}
	}
	t.Errorf("%s", b.String())
}

// skipped are the frames between the user's code and the recorder.
var skipped = []string{"github.com/jackc/", "database/sql.", "github.com/twmb/franz-go/", "runtime.", "io.", "bufio.",
	"net.", "crypto/tls.", "github.com/batchlint/batchlint/runtime/batchtest."}

var wd, _ = os.Getwd()

// site names the first frame of s outside the database and Kafka clients
// and this package, with its file relative to the working directory.
func site(s *stack) string {
	n := 0
	for n < len(s) && s[n] != 0 {
		n++
	}
	if n == 0 {
		return "unknown"
	}
	frames := runtime.CallersFrames(s[:n])
	for {
		f, more := frames.Next()
		if !skippedFrame(f.Function) {
			file := f.File
			if rel, err := filepath.Rel(wd, file); err == nil && wd != "" {
				file = filepath.ToSlash(rel)
			}
			fn := f.Function[strings.LastIndexByte(f.Function, '/')+1:]
			return fmt.Sprintf("%s:%d (%s)", file, f.Line, fn)
		}
		if !more {
			return "unknown"
		}
	}
}

func skippedFrame(fn string) bool {
	for _, p := range skipped {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}
