package pgbatch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batchlint/batchlint/internal/pgtest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// cutProxy forwards TCP connections from 127.0.0.1 to the test cluster's
// unix socket and reads the client's messages on the way. The first message
// that cut matches is forwarded; once the server has answered it, both sides
// are closed, the answer unforwarded. So the server surely acted on the
// message (a COMMIT committed), and the client never hears of it. Waiting
// for the answer also keeps the cancel request pgx sends when its connection
// breaks from reaching the server while it still works on the message. Later
// connections pass untouched.
type cutProxy struct {
	cut    func(typ byte, sql string) bool
	socket string
	done   atomic.Bool
	cutAt  chan struct{}
	wg     sync.WaitGroup
}

// Frontend message types the proxy looks at.
const (
	msgQuery    = 'Q'
	msgParse    = 'P'
	msgSync     = 'S'
	msgCopyDone = 'c'
)

// startCutProxy returns a DSN that reaches the test cluster through a
// cutProxy, with an application_name of its own.
func startCutProxy(t *testing.T, cut func(typ byte, sql string) bool) (dsn, appName string, p *cutProxy) {
	t.Helper()
	cfg, err := pgconn.ParseConfig(pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cfg.Host, "/") {
		t.Fatalf("the test cluster is at %q, not on a unix socket", cfg.Host)
	}
	p = &cutProxy{cut: cut, socket: filepath.Join(cfg.Host, fmt.Sprintf(".s.PGSQL.%d", cfg.Port)), cutAt: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close(); p.wg.Wait() })
	p.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.wg.Go(func() { p.serve(c) })
		}
	})
	appName = fmt.Sprintf("pgbatch_cut_%08x", rand.Uint32())
	dsn = fmt.Sprintf("host=127.0.0.1 port=%d user=%s dbname=%s sslmode=disable application_name=%s",
		ln.Addr().(*net.TCPAddr).Port, cfg.User, cfg.Database, appName)
	return dsn, appName, p
}

func (p *cutProxy) serve(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("unix", p.socket)
	if err != nil {
		return
	}
	defer server.Close()
	var mu sync.Mutex
	var answered chan struct{} // made at the cut, closed at the server's answer
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := server.Read(buf)
			mu.Lock()
			a := answered
			mu.Unlock()
			if a != nil {
				// The client waits for the cut message's answer, so this is it.
				close(a)
				return
			}
			if n > 0 && send(client, buf[:n]) != nil || err != nil {
				client.Close()
				return
			}
		}
	}()
	r := bufio.NewReader(client)
	// The startup message has no type byte; an SSL or GSS encryption
	// request is answered with one byte and followed by another.
	for {
		msg, err := readMessage(r, false)
		if err != nil || send(server, msg) != nil {
			return
		}
		if code := binary.BigEndian.Uint32(msg[4:8]); code != 80877103 && code != 80877104 {
			break
		}
	}
	armed := false // a matching Parse was forwarded: cut at its Sync
	for {
		msg, err := readMessage(r, true)
		if err != nil {
			return
		}
		typ, body := msg[0], msg[5:]
		var sql string
		switch typ {
		case msgQuery:
			sql = cstring(body)
		case msgParse:
			sql = cstring(body[len(cstring(body))+1:])
		}
		cut := false
		if !p.done.Load() {
			match := p.cut(typ, sql)
			armed = armed || typ == msgParse && match
			cut = typ != msgParse && (match || armed && typ == msgSync) && p.done.CompareAndSwap(false, true)
		}
		if cut {
			mu.Lock()
			answered = make(chan struct{})
			mu.Unlock()
		}
		if send(server, msg) != nil {
			return
		}
		if cut {
			select {
			case <-answered:
			case <-time.After(30 * time.Second):
			}
			close(p.cutAt)
			return // the deferred Closes cut both sides
		}
	}
}

func readMessage(r *bufio.Reader, typed bool) ([]byte, error) {
	head := 4
	if typed {
		head = 5
	}
	msg := make([]byte, head)
	if _, err := io.ReadFull(r, msg); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint32(msg[head-4:]))
	if n < 4 || n > 1<<30 {
		return nil, fmt.Errorf("message length %d", n)
	}
	msg = append(msg, make([]byte, n-4)...)
	_, err := io.ReadFull(r, msg[head:])
	return msg, err
}

func send(w io.Writer, b []byte) error {
	_, err := w.Write(b)
	return err
}

func cstring(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

func isCommit(typ byte, sql string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(sql), ";"), "commit")
}

// throughCut runs write on a pool that reaches the server through a
// cutProxy, then waits until the server is done with every connection of
// that pool, so that whatever the cut transaction did is settled.
func throughCut(t *testing.T, db *testDB, cut func(typ byte, sql string) bool, write func(*pgxpool.Pool) error) error {
	t.Helper()
	dsn, app, p := startCutProxy(t, cut)
	pool, err := pgxpool.New(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	err = write(pool)
	pool.Close()
	select {
	case <-p.cutAt:
	default:
		t.Fatalf("the proxy never cut the connection (write returned %v)", err)
	}
	waitFor(t, "the cut connection's backend to exit", func() bool {
		var n int
		if err := db.pool.QueryRow(context.Background(),
			"SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", app).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 0
	})
	return err
}

func eventsTarget(tbl pgx.Identifier, upsert bool) Target {
	t := Target{Table: tbl, Columns: eventColumns}
	if upsert {
		t.OnConflict = &OnConflict{Keys: []string{"id"}}
	}
	return t
}

// notWritten asserts that err hands back a batch of n rows as not written,
// and that none of them is in the table.
func notWritten(t *testing.T, db *testDB, tbl pgx.Identifier, err error, n int) {
	t.Helper()
	var be *BatchError
	if !errors.As(err, &be) || be.MaybeWritten || len(be.Rows) != n {
		t.Fatalf("%v; want a BatchError of %d rows, not MaybeWritten", err, n)
	}
	if landed := db.count(t, tbl); landed != 0 {
		t.Fatalf("%d rows landed", landed)
	}
}

// A connection lost right after COMMIT was sent: the batch landed, and the
// error must say it may have.
func TestCommitCutAfterSending(t *testing.T) {
	for _, upsert := range []bool{false, true} {
		t.Run(fmt.Sprintf("CopyRows,upsert=%v", upsert), func(t *testing.T) {
			db := newTestDB(t)
			tbl := db.eventsTable(t)
			target := eventsTarget(tbl, upsert)
			err := throughCut(t, db, isCommit, func(pool *pgxpool.Pool) error {
				_, err := CopyRows(context.Background(), pool, target, eventRows(0, 1000))
				return err
			})
			var be *BatchError
			if !errors.As(err, &be) || !be.MaybeWritten || len(be.Rows) != 1000 {
				t.Fatalf("CopyRows cut after COMMIT: %v; want a BatchError of 1000 rows with MaybeWritten", err)
			}
			t.Logf("%v", err)
			db.checkEvents(t, tbl, seq(0, 1000))
		})
		t.Run(fmt.Sprintf("Writer,upsert=%v", upsert), func(t *testing.T) {
			db := newTestDB(t)
			tbl := db.eventsTable(t)
			target := eventsTarget(tbl, upsert)
			ctx := context.Background()
			var flushErr error
			err := throughCut(t, db, isCommit, func(pool *pgxpool.Pool) error {
				w, err := NewWriter(pool, Config{Target: target, MaxRows: 500, MaxWait: time.Hour})
				if err != nil {
					t.Fatal(err)
				}
				if err := w.Add(ctx, eventRows(0, 500)...); err != nil {
					t.Fatal(err)
				}
				flushErr = w.Flush(ctx)
				// The next batch goes on a new connection, which is not cut.
				if err := w.Add(ctx, eventRows(500, 800)...); err != nil {
					t.Fatal(err)
				}
				return w.Close(ctx)
			})
			if err != nil {
				t.Fatalf("Close after the cut: %v", err)
			}
			bes := BatchErrors(flushErr)
			if len(bes) != 1 || !bes[0].MaybeWritten || len(bes[0].Rows) != 500 {
				t.Fatalf("Flush cut after COMMIT: %v; want one BatchError of 500 rows with MaybeWritten", flushErr)
			}
			db.checkEvents(t, tbl, seq(0, 800))
		})
	}
}

// A connection lost before COMMIT was sent, at the last statement of the
// batch: nothing landed, and the error must say so.
func TestConnectionCutBeforeCommit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		upsert bool
		cut    func(typ byte, sql string) bool
	}{
		{"copy done", false, func(typ byte, _ string) bool { return typ == msgCopyDone }},
		{"merge sent", true, func(_ byte, sql string) bool { return strings.HasPrefix(sql, "INSERT INTO") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newTestDB(t)
			tbl := db.eventsTable(t)
			target := eventsTarget(tbl, tc.upsert)
			err := throughCut(t, db, tc.cut, func(pool *pgxpool.Pool) error {
				_, err := CopyRows(context.Background(), pool, target, eventRows(0, 1000))
				return err
			})
			notWritten(t, db, tbl, err, 1000)
		})
	}
}

// Inside the caller's transaction the batch's COMMIT is RELEASE SAVEPOINT; a
// connection lost there takes the caller's whole transaction with it.
func TestReleaseCutInCallersTransaction(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx := context.Background()
	isRelease := func(_ byte, sql string) bool { return strings.HasPrefix(strings.ToLower(sql), "release savepoint") }
	err := throughCut(t, db, isRelease, func(pool *pgxpool.Pool) error {
		tx, err := pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		_, err = CopyRows(ctx, tx, Target{Table: tbl, Columns: eventColumns}, eventRows(0, 1000))
		return err
	})
	notWritten(t, db, tbl, err, 1000)
}

// The server refuses the COMMIT (a deferred constraint fails): nothing was
// written, and the error says so.
func TestCommitRefusedByServer(t *testing.T) {
	for _, upsert := range []bool{false, true} {
		t.Run(fmt.Sprintf("upsert=%v", upsert), func(t *testing.T) {
			db := newTestDB(t)
			tbl := db.eventsTable(t)
			db.exec(t, "ALTER TABLE "+tbl.Sanitize()+" ADD UNIQUE (name) DEFERRABLE INITIALLY DEFERRED")
			target := eventsTarget(tbl, upsert)
			rows := eventRows(0, 100)
			rows[70][1] = rows[30][1]
			_, err := CopyRows(context.Background(), db.pool, target, rows)
			if pgErr := (*pgconn.PgError)(nil); !errors.As(err, &pgErr) || pgErr.Code != "23505" {
				t.Errorf("CopyRows refused at COMMIT: %v; want a unique violation", err)
			}
			notWritten(t, db, tbl, err, 100)
		})
	}
}

// cancelAfterMerge cancels the batch's context as soon as the upsert's merge
// has run, the last moment before COMMIT.
type cancelAfterMerge struct {
	Beginner
	cancel context.CancelFunc
}

type mergeTx struct {
	pgx.Tx
	cancel context.CancelFunc
}

func (b cancelAfterMerge) Begin(ctx context.Context) (pgx.Tx, error) {
	tx, err := b.Beginner.Begin(ctx)
	return mergeTx{tx, b.cancel}, err
}

func (tx mergeTx) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	tag, err := tx.Tx.Exec(ctx, sql, args...)
	if strings.HasPrefix(sql, "INSERT INTO") {
		tx.cancel()
	}
	return tag, err
}

// A context that ends before COMMIT is sent: nothing landed, and the error
// must not say it may have.
func TestContextEndsBeforeCommit(t *testing.T) {
	db := newTestDB(t)
	tbl := db.eventsTable(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := CopyRows(ctx, cancelAfterMerge{db.pool, cancel}, eventsTarget(tbl, true), eventRows(0, 100))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("CopyRows whose context ended before COMMIT: %v; want the cancellation", err)
	}
	notWritten(t, db, tbl, err, 100)
}
