package dbsql

import (
	"context"
	"database/sql"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Goroutines launched once per element, each doing one write.

func goPerOrder(db *sql.DB, orders []Order) {
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Add(1)
		go func(o Order) {
			defer wg.Done()
			db.Exec(insertOrder, o.ID, o.Status, o.Total) // want `^INSERT INTO orders executed in a goroutine per element of orders, with autocommit; use`
		}(o)
	}
	wg.Wait()
}

func errgroupPerOrder(ctx context.Context, db *sql.DB, orders []Order) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, o := range orders {
		g.Go(func() error {
			_, err := db.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total) // want `^INSERT INTO orders executed in a goroutine per element of orders`
			return err
		})
	}
	return g.Wait()
}

func waitGroupGoPerOrder(db *sql.DB, orders []Order) {
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Go(func() {
			archive(db, o) // want `^dbsql.archive \(INSERT INTO orders_archive\) executed in a goroutine per element of orders`
		})
	}
	wg.Wait()
}

// A goroutine launched once that loops: the loop inside it is the one the
// write runs per element of.
func goOnceLoops(db *sql.DB, orders []Order) {
	go func() {
		for _, o := range orders {
			db.Exec(insertOrder, o.ID, o.Status, o.Total) // want `^INSERT INTO orders executed once per element of orders, with autocommit`
		}
	}()
}

// A worker pool fed by a channel: each worker's loop over the channel is the
// per-element loop, not the loop that starts the workers.
func workerPool(db *sql.DB, in <-chan Order, workers int) {
	for i := 0; i < workers; i++ {
		go func() {
			for o := range in {
				db.Exec(insertOrder, o.ID, o.Status, o.Total) // want `^INSERT INTO orders executed once per element of in, with autocommit`
			}
		}()
	}
}

// Function values called once per element.

func localClosure(db *sql.DB, orders []Order) error {
	record := func(o Order) error {
		_, err := db.Exec(insertOrder, o.ID, o.Status, o.Total)
		return err
	}
	for _, o := range orders {
		if err := record(o); err != nil { // want `^record \(INSERT INTO orders\) executed once per element of orders`
			return err
		}
	}
	return nil
}

func functionValue(db *sql.DB, orders []Order) {
	save := archive
	for _, o := range orders {
		save(db, o) // want `^dbsql.archive \(INSERT INTO orders_archive\) executed once per element of orders`
	}
}

type Saver struct {
	db     *sql.DB
	record func(ctx context.Context, o Order) error
	save   func(ctx context.Context, o Order) error
	either func(ctx context.Context, o Order) error
	maybe  func(ctx context.Context, o Order) error
	passed func(ctx context.Context, o Order) error
}

func (s *Saver) insertOne(ctx context.Context, o Order) error {
	_, err := s.db.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total)
	return err
}

func (s *Saver) updateOne(ctx context.Context, o Order) error {
	_, err := s.db.ExecContext(ctx, updateStatus, o.ID, o.Status)
	return err
}

func NewSaver(db *sql.DB, fast bool) *Saver {
	s := &Saver{db: db}
	s.record = func(ctx context.Context, o Order) error {
		_, err := db.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total)
		return err
	}
	s.save = s.insertOne
	s.either = s.insertOne
	if fast {
		s.either = s.updateOne
	}
	s.maybe = func(ctx context.Context, o Order) error {
		if o.Total > 0 {
			_, err := db.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total)
			return err
		}
		return nil
	}
	return s
}

func (s *Saver) ImportMethodValue(ctx context.Context, orders []Order) {
	save := s.insertOne
	for _, o := range orders {
		save(ctx, o) // want `^\(\*dbsql.Saver\).insertOne \(INSERT INTO orders\) executed once per element of orders`
	}
}

func (s *Saver) ImportFieldLiteral(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.record(ctx, o) // want `^dbsql.Saver.record \(INSERT INTO orders\) executed once per element of orders`
	}
}

func (s *Saver) ImportFieldMethod(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.save(ctx, o) // want `^\(\*dbsql.Saver\).insertOne \(INSERT INTO orders\) executed once per element of orders`
	}
}

// Look-alikes: values that are not certain, or do not write on every call.

func (s *Saver) ImportFieldTwoValues(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.either(ctx, o)
	}
}

func (s *Saver) ImportFieldSometimes(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.maybe(ctx, o)
	}
}

func (s *Saver) ImportFieldAddressed(ctx context.Context, orders []Order, set func(*func(context.Context, Order) error)) {
	s.passed = s.insertOne
	set(&s.passed)
	for _, o := range orders {
		s.passed(ctx, o)
	}
}

func (s *Saver) ImportReassigned(ctx context.Context, orders []Order, fast bool) {
	save := s.insertOne
	if fast {
		save = s.updateOne
	}
	for _, o := range orders {
		save(ctx, o)
	}
}

func importParam(ctx context.Context, orders []Order, save func(context.Context, Order) error) {
	for _, o := range orders {
		save(ctx, o)
	}
}

type orderWriter interface {
	Write(ctx context.Context, o Order) error
}

func importInterfaceMethodValue(ctx context.Context, w orderWriter, orders []Order) {
	write := w.Write
	for _, o := range orders {
		write(ctx, o)
	}
}

// A local closure called per element with the same value each time.
func localClosureSameArgs(db *sql.DB, orders []Order, last Order) {
	record := func(o Order) {
		db.Exec(insertOrder, o.ID, o.Status, o.Total)
	}
	for range orders {
		record(last)
	}
}

// A closure declared in the loop that captures the element.
func closureCapturesElement(db *sql.DB, orders []Order) {
	for _, o := range orders {
		save := func() {
			db.Exec(insertOrder, o.ID, o.Status, o.Total)
		}
		save() // want `^save \(INSERT INTO orders\) executed once per element of orders`
	}
}

// A closure handed to errgroup's Go runs where the loops pass follows it,
// and is reported at its write.
func closureLaunchedByName(ctx context.Context, db *sql.DB, orders []Order) error {
	var g errgroup.Group
	for _, o := range orders {
		job := func() error {
			_, err := db.ExecContext(ctx, insertOrder, o.ID, o.Status, o.Total) // want `^INSERT INTO orders executed in a goroutine per element of orders`
			return err
		}
		g.Go(job)
	}
	return g.Wait()
}

// A closure called in a goroutine per element.
func closureInGoStatement(db *sql.DB, orders []Order) {
	save := func(o Order) {
		db.Exec(insertOrder, o.ID, o.Status, o.Total)
	}
	for _, o := range orders {
		go save(o) // want `^save \(INSERT INTO orders\) executed in a goroutine per element of orders`
	}
}

// A closure that runs whatever text it is handed, called per element with a
// read: not a write, and no crash when the closure's summary says "the
// caller's text decides".
func closureRunsARead(ctx context.Context, db *sql.DB, ids []int64) error {
	run := func(ctx context.Context, query string, args ...any) (sql.Result, error) {
		return db.ExecContext(ctx, query, args...)
	}
	for _, id := range ids {
		if _, err := run(ctx, "SELECT pg_notify('orders', $1)", id); err != nil {
			return err
		}
	}
	return nil
}

// A callback in an options struct that only the package's callers fill in
// (BounceOpt{Record: store.RecordBounce} in main): no value is seen here, so
// what each call writes is unknown and the loop is not reported, though the
// caller's function may insert one row per bounce.
type BounceOpt struct {
	Record func(o Order) error
}

type BounceManager struct {
	opt   BounceOpt
	queue chan Order
}

func NewBounceManager(opt BounceOpt) *BounceManager {
	return &BounceManager{opt: opt, queue: make(chan Order, 1000)}
}

func (m *BounceManager) Run() {
	for o := range m.queue {
		if err := m.opt.Record(o); err != nil {
			continue
		}
	}
}
