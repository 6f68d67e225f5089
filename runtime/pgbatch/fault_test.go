package pgbatch

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// gate is a text value whose encoding blocks: COPY streams the rows before it
// and then stalls mid-stream until the test has done its damage.
type gate struct {
	once    sync.Once
	reached chan struct{}
	release chan struct{}
}

func newGate() *gate { return &gate{reached: make(chan struct{}), release: make(chan struct{})} }

func (g *gate) TextValue() (pgtype.Text, error) {
	g.once.Do(func() { close(g.reached) })
	<-g.release
	return pgtype.Text{String: "gated", Valid: true}, nil
}

func (g *gate) wait(t *testing.T) {
	t.Helper()
	select {
	case <-g.reached:
	case <-time.After(30 * time.Second):
		t.Fatal("COPY never reached the gated row")
	}
}

// waitFor polls a condition on the database until it holds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// checkAccounting asserts the writer's promise: every row added is either in
// the table or in a returned error, and none is in both.
func checkAccounting(t *testing.T, db *testDB, tbl pgx.Identifier, added []int64, failed [][]any) {
	t.Helper()
	landed := db.ids(t, tbl)
	back := rowIDs(failed)
	all := append(slices.Clone(landed), back...)
	slices.Sort(all)
	want := slices.Sorted(slices.Values(added))
	if !slices.Equal(all, want) {
		t.Fatalf("%d rows in the table + %d handed back != %d added, or some in both", len(landed), len(back), len(added))
	}
}

func TestBackendKilledMidCopy(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 20000, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, eventRows(0, 20000)...); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	// The second batch stalls at its row 15000, a megabyte into the COPY.
	g := newGate()
	doomed := eventRows(20000, 40000)
	doomed[15000][1] = g
	if err := w.Add(ctx, doomed...); err != nil {
		t.Fatal(err)
	}
	g.wait(t)
	var killed bool
	err = db.pool.QueryRow(ctx, `SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
		WHERE query ILIKE 'copy %' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`, db.schema).Scan(&killed)
	if err != nil || !killed {
		t.Fatalf("terminating the COPY's backend: %v (killed %v)", err, killed)
	}
	close(g.release)

	if err := w.Add(ctx, eventRows(40000, 41000)...); err != nil {
		t.Fatal(err)
	}
	err = w.Close(ctx)
	bes := BatchErrors(err)
	if len(bes) != 1 || bes[0].MaybeWritten || !slices.Equal(rowIDs(bes[0].Rows), seq(20000, 40000)) {
		t.Fatalf("Close: %v; want exactly the killed batch (ids 20000..39999) back", err)
	}
	t.Logf("killed batch: %v", errors.Unwrap(bes[0]))
	db.checkEvents(t, tbl, append(seq(0, 20000), seq(40000, 41000)...))
	checkAccounting(t, db, tbl, seq(0, 41000), FailedRows(err))
}

// cluster is a private Postgres for a test that restarts it, so that other
// tests sharing the suite's cluster are not cut off.
type cluster struct {
	bin, dir string
	runas    []string
}

func (c *cluster) pgctl(t *testing.T, args ...string) {
	t.Helper()
	cmd := append(slices.Clone(c.runas), filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.dir, "data"), "-l", filepath.Join(c.dir, "log"), "-w")
	cmd = append(cmd, args...)
	if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		t.Fatalf("pg_ctl %v: %v\n%s\n%s", args, err, out, log)
	}
}

func startCluster(t *testing.T) (dsn string, c *cluster) {
	t.Helper()
	bin := os.Getenv("BATCHLINT_PG_BIN")
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("BATCHLINT_PG_BIN is not set: run the tests through scripts/test.sh")
		}
		t.Skip("no Postgres binaries: run the tests through scripts/test.sh")
	}
	c = &cluster{bin: bin, runas: strings.Fields(os.Getenv("BATCHLINT_PG_RUNAS"))}
	dir, err := os.MkdirTemp("", "pgbatch-restart-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	c.dir = dir
	if len(c.runas) > 0 {
		// The cluster runs as an unprivileged user that must own its directory.
		ids := make([]int, 2)
		for i, flag := range []string{"-u", "-g"} {
			args := append(slices.Clone(c.runas), "id", flag)
			out, err := exec.Command(args[0], args[1:]...).Output()
			if err != nil {
				t.Fatal(err)
			}
			if ids[i], err = strconv.Atoi(strings.TrimSpace(string(out))); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chown(dir, ids[0], ids[1]); err != nil {
			t.Fatal(err)
		}
	}
	initdb := append(slices.Clone(c.runas), filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync")
	if out, err := exec.Command(initdb[0], initdb[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.pgctl(t, "-o", "-k "+dir+" -c listen_addresses='' -p 54329 -c fsync=off", "start")
	t.Cleanup(func() { c.pgctl(t, "-m", "immediate", "stop") })
	return "host=" + dir + " port=54329 user=postgres dbname=postgres sslmode=disable", c
}

func TestWriterRecoversFromPostgresRestart(t *testing.T) {
	dsn, c := startCluster(t)
	db := newTestDBAt(t, dsn)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 10000, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(ctx, eventRows(0, 10000)...); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	// Restart while the second batch is streaming.
	g := newGate()
	doomed := eventRows(10000, 20000)
	doomed[8000][1] = g
	if err := w.Add(ctx, doomed...); err != nil {
		t.Fatal(err)
	}
	g.wait(t)
	c.pgctl(t, "-m", "fast", "restart")
	close(g.release)
	err = w.Flush(ctx)
	bes := BatchErrors(err)
	if len(bes) != 1 || !slices.Equal(rowIDs(bes[0].Rows), seq(10000, 20000)) {
		t.Fatalf("Flush after the restart: %v; want the interrupted batch (ids 10000..19999) back", err)
	}
	t.Logf("interrupted batch: %v", errors.Unwrap(bes[0]))

	// Later batches succeed on fresh connections.
	for start := int64(20000); start < 50000; start += 10000 {
		if err := w.Add(ctx, eventRows(start, start+10000)...); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(ctx); err != nil {
		t.Fatalf("batches after the restart: %v", err)
	}
	db.checkEvents(t, tbl, append(seq(0, 10000), seq(20000, 50000)...))
	checkAccounting(t, db, tbl, seq(0, 50000), FailedRows(err)) // err: the Flush's
}

// lockTable blocks writers to tbl (SHARE conflicts with COPY's ROW
// EXCLUSIVE but lets pgx describe the table) until the returned func runs.
func lockTable(t *testing.T, db *testDB, tbl pgx.Identifier) (unlock func()) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "LOCK TABLE "+tbl.Sanitize()+" IN SHARE MODE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	unlock = func() { once.Do(func() { _ = tx.Rollback(ctx) }) }
	t.Cleanup(unlock)
	return unlock
}

// copyWaitingOnLock tells whether a COPY into the test's schema waits on a lock.
func copyWaitingOnLock(t *testing.T, db *testDB) bool {
	var n int
	err := db.pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
		WHERE wait_event_type = 'Lock' AND query ILIKE 'copy %' AND query LIKE '%' || $1 || '%'`, db.schema).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n > 0
}

func TestContextCancellation(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	rows := eventRows(0, 1000)

	done, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := CopyRows(done, db.pool, Target{Table: tbl, Columns: eventColumns}, rows)
	var be *BatchError
	if !errors.As(err, &be) || len(be.Rows) != 1000 || be.MaybeWritten || !errors.Is(err, context.Canceled) {
		t.Fatalf("CopyRows with a cancelled context: %v", err)
	}

	// Cancelled while the COPY waits for a lock: the server cancels it.
	unlock := lockTable(t, db, tbl)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := CopyRows(ctx, db.pool, Target{Table: tbl, Columns: eventColumns}, rows)
		errc <- err
	}()
	waitFor(t, "the COPY to wait on the lock", func() bool { return copyWaitingOnLock(t, db) })
	cancel()
	select {
	case err = <-errc:
	case <-time.After(10 * time.Second):
		t.Fatal("CopyRows did not return within 10s of its context being cancelled")
	}
	if !errors.As(err, &be) || len(be.Rows) != 1000 || be.MaybeWritten {
		t.Fatalf("CopyRows cancelled mid-COPY: %v", err)
	}
	unlock()
	if n := db.count(t, tbl); n != 0 {
		t.Fatalf("%d rows written by a cancelled COPY", n)
	}
}

func TestCloseWaitsForRunningFlush(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 100, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	unlock := lockTable(t, db, tbl)
	if err := w.Add(ctx, eventRows(0, 250)...); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the first batch to wait on the lock", func() bool { return copyWaitingOnLock(t, db) })
	closed := make(chan error, 1)
	go func() { closed <- w.Close(ctx) }()
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while a flush was blocked", err)
	case <-time.After(200 * time.Millisecond):
	}
	unlock()
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	db.checkEvents(t, tbl, seq(0, 250))
}

func TestCloseTimeoutHandsBackEveryRow(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns}, MaxRows: 100, MaxWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	unlock := lockTable(t, db, tbl)
	if err := w.Add(ctx, eventRows(0, 250)...); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the first batch to wait on the lock", func() bool { return copyWaitingOnLock(t, db) })
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = w.Close(short)
	if time.Since(start) > 10*time.Second {
		t.Errorf("Close took %v past its 300ms context", time.Since(start))
	}
	failed := FailedRows(err)
	if len(failed) != 250 {
		t.Fatalf("Close with a short context handed back %d rows, want all 250: %v", len(failed), err)
	}
	unlock()
	checkAccounting(t, db, tbl, seq(0, 250), failed)
}

// Connections that died while idle (a restart, a failover, an idle timeout
// on a proxy) are skipped at BEGIN instead of failing the batch.
func TestDeadIdleConnectionsAreSkipped(t *testing.T) {
	db := newTestDBAt(t, pgtest.DSN(t)+" application_name=pgbatch_dead_idle")
	tbl := db.eventsTable(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { db.pool.Exec(ctx, "SELECT pg_sleep(0.05)") })
	}
	wg.Wait()
	if idle := db.pool.Stat().IdleConns(); idle != 4 {
		t.Fatalf("%d idle connections, want 4", idle)
	}
	other := newTestDB(t)
	var killed int
	if err := other.pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity
		WHERE application_name = 'pgbatch_dead_idle'`).Scan(&killed); err != nil || killed != 4 {
		t.Fatalf("killed %d idle connections (%v), want 4", killed, err)
	}
	if _, err := CopyRows(ctx, db.pool, Target{Table: tbl, Columns: eventColumns}, eventRows(0, 10)); err != nil {
		t.Fatal(err)
	}
	db.checkEvents(t, tbl, seq(0, 10))
}

// With several batches in flight and bad rows scattered at random, every row
// ends up in exactly one place, and only batches holding a bad row fail.
func TestAccountingUnderScatteredFailures(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	// Failed batches go to OnError: otherwise they stay in the buffer until
	// Flush or Close, and a steady stream of them would block Add.
	var mu sync.Mutex
	var bes []*BatchError
	w, err := NewWriter(db.pool, Config{Target: Target{Table: tbl, Columns: eventColumns},
		MaxRows: 500, MaxWait: 5 * time.Millisecond, Concurrency: 3,
		OnError: func(be *BatchError) { mu.Lock(); bes = append(bes, be); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	rows := eventRows(0, n)
	bad := map[int64]bool{}
	r := rand.New(rand.NewPCG(1, 2))
	for range 15 {
		id := r.Int64N(n)
		bad[id] = true
		rows[id][1] = nil // NOT NULL violation
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g * 50; i < n; i += 4 * 50 {
				if err := w.Add(ctx, rows[i:min(i+50, n)]...); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	var failed [][]any
	for _, be := range bes {
		failed = append(failed, be.Rows...)
	}
	checkAccounting(t, db, tbl, seq(0, n), failed)
	for _, be := range bes {
		if be.Row < 0 || !bad[be.Rows[be.Row][0].(int64)] {
			t.Errorf("batch failed on row %d, which is not a bad row: %v", be.Row, be)
		}
	}
	for _, id := range db.ids(t, tbl) {
		if bad[id] {
			t.Errorf("bad row %d landed", id)
		}
	}
	t.Logf("%d batches, %d failed (%d rows handed back)", w.Stats().Batches+w.Stats().Failed, w.Stats().Failed, len(failed))
}
